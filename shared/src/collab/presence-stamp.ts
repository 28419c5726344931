import * as decoding from 'lib0/decoding';
import { equalityDeep } from 'lib0/function';
import type { Awareness } from 'y-protocols/awareness';
import type { PresenceUser } from '../presence.js';

type State = Record<string, unknown>;
/** One client's state as an awareness update carries it, already stamped. */
type Entry = { clientId: number; clock: number; state: State | null };

/**
 * Applies a client's awareness update with the `user` of every state replaced by the identity
 * the server signed in, so a caret can only ever carry its author's real name. Grammar
 * (y-protocols):
 *   update := varUint(n) • n × (varUint(clientId) • varUint(clock) • varString(json state))
 * The update is read whole before anything changes: on a truncated update or a state that is
 * not JSON it throws and applies nothing.
 */
export function applyStampedAwarenessUpdate(
  awareness: Awareness,
  update: Uint8Array,
  user: PresenceUser,
  origin: unknown,
): void {
  const decoder = decoding.createDecoder(update);
  const identity = { ...user, color: user.colour };
  const entries: Entry[] = [];
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    const stamped =
      state !== null && typeof state === 'object' ? { ...state, user: identity } : null;
    entries.push({ clientId, clock, state: stamped });
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes in awareness update');
  applyStates(awareness, entries, origin);
}

/**
 * What y-protocols' `applyAwarenessUpdate` does once it has parsed the states: it is repeated
 * here so that a stamped state is parsed once, not parsed, written out and parsed again.
 */
function applyStates(awareness: Awareness, entries: Entry[], origin: unknown): void {
  const now = Date.now();
  const added: number[] = [];
  const updated: number[] = [];
  const changed: number[] = [];
  const removed: number[] = [];
  for (const { clientId, state, clock: sent } of entries) {
    let clock = sent;
    const meta = awareness.meta.get(clientId);
    const previous = awareness.states.get(clientId);
    const current = meta === undefined ? 0 : meta.clock;
    const removal = current === clock && state === null && awareness.states.has(clientId);
    if (current >= clock && !removal) {
      continue;
    }
    if (state !== null) {
      awareness.states.set(clientId, state);
    } else if (clientId === awareness.clientID && awareness.getLocalState() !== null) {
      // A remote client may not remove this process's own state: it outlives the removal.
      clock++;
    } else {
      awareness.states.delete(clientId);
    }
    awareness.meta.set(clientId, { clock, lastUpdated: now });
    if (meta === undefined && state !== null) {
      added.push(clientId);
    } else if (meta !== undefined && state === null) {
      removed.push(clientId);
    } else if (state !== null) {
      if (!equalityDeep(state, previous)) changed.push(clientId);
      updated.push(clientId);
    }
  }
  if (added.length > 0 || changed.length > 0 || removed.length > 0) {
    awareness.emit('change', [{ added, updated: changed, removed }, origin]);
  }
  if (added.length > 0 || updated.length > 0 || removed.length > 0) {
    awareness.emit('update', [{ added, updated, removed }, origin]);
  }
}
