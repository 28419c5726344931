import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { PresenceUser } from '../presence.js';

/**
 * Rewrites the `user` of every state in an awareness update to the identity the server
 * signed in, so a caret can only ever carry its author's real name. Grammar (y-protocols):
 *   update := varUint(n) • n × (varUint(clientId) • varUint(clock) • varString(json state))
 * Throws on a truncated update or a state that is not JSON.
 */
export function stampAwarenessUpdate(update: Uint8Array, user: PresenceUser): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const identity = { ...user, color: user.colour };
  const count = decoding.readVarUint(decoder);
  encoding.writeVarUint(encoder, count);
  for (let i = 0; i < count; i++) {
    encoding.writeVarUint(encoder, decoding.readVarUint(decoder));
    encoding.writeVarUint(encoder, decoding.readVarUint(decoder));
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    const stamped =
      state !== null && typeof state === 'object' ? { ...state, user: identity } : null;
    encoding.writeVarString(encoder, JSON.stringify(stamped));
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes in awareness update');
  return encoding.toUint8Array(encoder);
}
