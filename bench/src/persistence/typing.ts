import { whatMattersToMe } from '@careweave/shared';
import * as Y from 'yjs';

/** One logged update and which of the typists made it. */
export interface TypedUpdate {
  update: Uint8Array;
  author: number;
  /** One character typed (otherwise a new paragraph). */
  keystroke: boolean;
}

const WORDS = (
  'I want to keep walking my dog to the park every morning and to stay in my own home ' +
  'with my daughter calling in on Sundays; I would like help with the stairs and with ' +
  'getting to the surgery when my knee is bad, and to know who to ring at night.'
).split(' ');

/** A paragraph ends after about this many characters, as a note would. */
const PARAGRAPH_CHARS = 400;

/**
 * `count` updates as two colleagues would make them typing into "What matters to me" of a
 * shared plan: one character per update, taking turns a word at a time, with a new paragraph
 * now and then (the paragraph is an update of its own). Each update is exactly what the
 * typist's editor would send, made on their own Y.Doc and applied to the other's.
 */
export function typingUpdates(count: number): TypedUpdate[] {
  const typists = [new Y.Doc(), new Y.Doc()];
  const updates: TypedUpdate[] = [];
  let keystroke = false;
  typists.forEach((doc, author) => {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'peer') return;
      updates.push({ update, author, keystroke });
      Y.applyUpdate(typists[1 - author]!, update, 'peer');
    });
  });

  let author = 0;
  let word = 0;
  while (updates.length < count) {
    const doc = typists[author]!;
    const text = lastParagraph(doc);
    if (!text || text.length >= PARAGRAPH_CHARS) {
      keystroke = false;
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText()]);
      const fragment = whatMattersToMe(doc);
      fragment.insert(fragment.length, [paragraph]);
      continue;
    }
    keystroke = true;
    for (const key of `${WORDS[word++ % WORDS.length]} `) {
      if (updates.length >= count) break;
      text.insert(text.length, key);
    }
    author = 1 - author;
  }
  for (const doc of typists) doc.destroy();
  return updates;
}

/** The text of the paragraph being written: always the last one. */
function lastParagraph(doc: Y.Doc): Y.XmlText | null {
  const fragment = whatMattersToMe(doc);
  if (fragment.length === 0) return null;
  return (fragment.get(fragment.length - 1) as Y.XmlElement).get(0) as Y.XmlText;
}
