import * as Y from 'yjs';
import type { Rooms } from './rooms.js';

/** A copy of a document as the server holds it now (loaded if no one has it open), to read. */
export async function documentNow(rooms: Rooms, name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await rooms.state(name));
  return doc;
}
