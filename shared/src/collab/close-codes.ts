/**
 * WebSocket close codes of `/collab/:docName` (DESIGN §6). 4000–4999 is the range
 * RFC 6455 §7.4.2 leaves to applications; the last three digits echo HTTP.
 */
export const CloseCode = {
  /** Malformed message, or a document name that names nothing. */
  Malformed: 4400,
  /** No valid session: sign in again. */
  Unauthorized: 4401,
  /** Signed in, but no access to this document (or the Origin is not ours). */
  Forbidden: 4403,
  /** A message over the size limit. */
  TooLarge: 4413,
  /** The server is shutting down; clients reconnect. */
  GoingAway: 1001,
} as const;

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Codes after which reconnecting cannot help without the user doing something. */
export function isFinalCloseCode(code: number): boolean {
  return code === CloseCode.Unauthorized || code === CloseCode.Forbidden;
}
