import type { SessionAnswer } from './session-answer';

/** What the person sees about the connection; one value, so the status text has one source. */
export type ConnectionPhase =
  | { kind: 'connecting' }
  | { kind: 'live' }
  /** Changes sent, the server's confirmation not yet back. */
  | { kind: 'saving' }
  | { kind: 'offline'; unsent: number }
  | { kind: 'session-ended' }
  /** Our session ended and someone else has signed in in this browser since. */
  | { kind: 'signed-in-as-other'; name: string }
  | { kind: 'forbidden' }
  | { kind: 'closed'; reason: string };

/**
 * One status for the page from each document's: the worst wins, so "saved" is only shown
 * when every document the person can edit is live.
 */
export function combinedPhase(phases: ConnectionPhase[]): ConnectionPhase {
  const first = (kind: ConnectionPhase['kind']) => phases.find((p) => p.kind === kind);
  const final =
    first('signed-in-as-other') ?? first('session-ended') ?? first('forbidden') ?? first('closed');
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

const NOT_CONNECTED_UNSENT =
  'Not connected. Your latest changes are not saved yet: keep this page open';

/**
 * What a screen reader hears about the connection. Saving comes and goes with every pause in
 * typing, so it hears the connection only ("Live"), except after changes were kept while not
 * connected: then it hears them being sent, and once more when they are saved. `catchingUp`
 * says whether such changes are still on their way; the answer carries it to the next phase.
 */
export function spokenStatus(
  phase: ConnectionPhase,
  catchingUp: boolean,
): { text: string; catchingUp: boolean } {
  switch (phase.kind) {
    case 'offline':
      return phase.unsent > 0 || catchingUp
        ? { text: NOT_CONNECTED_UNSENT, catchingUp: true }
        : { text: 'Not connected, trying again', catchingUp: false };
    case 'connecting':
      return { text: 'Connecting', catchingUp };
    case 'saving':
      return {
        text: catchingUp ? 'Connected again. Sending the changes made while not connected' : 'Live',
        catchingUp,
      };
    case 'live':
      return {
        text: catchingUp ? 'Live. The changes made while not connected are saved' : 'Live',
        catchingUp: false,
      };
    case 'session-ended':
      return { text: 'Your session has ended. What you typed is kept: sign in again', catchingUp };
    case 'signed-in-as-other':
      return { text: 'Someone else is signed in in this browser', catchingUp };
    case 'forbidden':
      return { text: 'Your access to this plan has changed', catchingUp };
    case 'closed':
      return { text: 'The connection was closed', catchingUp };
  }
}

/** A session-ended phase says who is signed in now, once the server has told us. */
export function withSession(phase: ConnectionPhase, answer: SessionAnswer): ConnectionPhase {
  return phase.kind === 'session-ended' && answer.kind === 'other'
    ? { kind: 'signed-in-as-other', name: answer.name }
    : phase;
}

/**
 * Why nothing can be saved or sent from the page just now, for the forms kept on screen
 * meanwhile; null while it can.
 */
export function pausedReason(phase: ConnectionPhase, myName: string): string | null {
  switch (phase.kind) {
    case 'session-ended':
      return 'Your session has ended. What you have typed is kept here: sign in again to save it.';
    case 'signed-in-as-other':
      return `${phase.name} is signed in in this browser now, and cannot save work that is ${myName}'s. It is kept here until ${myName} signs in again.`;
    case 'closed':
      return 'The connection was closed, so this cannot be saved.';
    default:
      return null;
  }
}

/** Whether the page is in touch with the server, for the "(you)" line of who is here. */
export function isConnected(phase: ConnectionPhase): boolean {
  return phase.kind === 'live' || phase.kind === 'saving' || phase.kind === 'connecting';
}
