/**
 * Who the server says is signed in in this browser, from the point of view of the person
 * whose page this is: them (their session is back), no one, or someone else.
 */
export type SessionAnswer = { kind: 'ours' } | { kind: 'none' } | { kind: 'other'; name: string };

/**
 * Reads an answer of `GET /api/me` (DESIGN §6) for the user `myId`; null when it says nothing
 * either way (a server error, an unexpected body), so the caller simply asks again later.
 */
export function readSessionAnswer(
  status: number,
  body: unknown,
  myId: string,
): SessionAnswer | null {
  if (status === 401) return { kind: 'none' };
  if (status !== 200 || typeof body !== 'object' || body === null) return null;
  const { id, name } = body as { id?: unknown; name?: unknown };
  if (typeof id !== 'string') return null;
  if (id === myId) return { kind: 'ours' };
  return { kind: 'other', name: typeof name === 'string' && name ? name : 'Someone else' };
}
