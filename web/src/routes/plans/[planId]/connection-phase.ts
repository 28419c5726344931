/** What the person sees about the connection; one value, so the status text has one source. */
export type ConnectionPhase =
  | { kind: 'connecting' }
  | { kind: 'live' }
  /** Changes sent, the server's confirmation not yet back. */
  | { kind: 'saving' }
  | { kind: 'offline'; unsent: number }
  | { kind: 'session-ended' }
  | { kind: 'forbidden' }
  | { kind: 'closed'; reason: string };

/**
 * One status for the page from each document's: the worst wins, so "saved" is only shown
 * when every document the person can edit is live.
 */
export function combinedPhase(phases: ConnectionPhase[]): ConnectionPhase {
  const first = (kind: ConnectionPhase['kind']) => phases.find((p) => p.kind === kind);
  const final = first('session-ended') ?? first('forbidden') ?? first('closed');
  if (final) return final;
  const offline = phases.filter((p) => p.kind === 'offline');
  if (offline.length > 0) {
    return { kind: 'offline', unsent: offline.reduce((n, p) => n + p.unsent, 0) };
  }
  if (phases.length === 0 || phases.some((p) => p.kind === 'connecting')) {
    return { kind: 'connecting' };
  }
  return phases.some((p) => p.kind === 'saving') ? { kind: 'saving' } : { kind: 'live' };
}
