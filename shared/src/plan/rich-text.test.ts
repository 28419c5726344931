import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendParagraphs, fragmentText } from './rich-text.js';
import { whatMattersToMe } from './shared-plan.js';

describe('shared plan accessors', () => {
  it('reads "What matters to me" as plain text, one line per paragraph', () => {
    const doc = new Y.Doc();
    const fragment = whatMattersToMe(doc);
    const p1 = new Y.XmlElement('paragraph');
    const t1 = new Y.XmlText();
    t1.insert(0, 'Walking to the shops');
    t1.format(0, 7, { bold: true });
    p1.insert(0, [t1]);
    const p2 = new Y.XmlElement('paragraph');
    p2.insert(0, [new Y.XmlText('Seeing my grandchildren')]);
    fragment.insert(0, [p1, p2]);
    expect(fragmentText(whatMattersToMe(doc))).toBe(
      'Walking to the shops\nSeeing my grandchildren',
    );
  });

  it('gives each item of a list a line of its own', () => {
    const doc = new Y.Doc();
    const paragraph = (text: string) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(text)]);
      return p;
    };
    const list = new Y.XmlElement('bulletList');
    list.insert(
      0,
      ['Walking', 'Seeing Rosie'].map((text) => {
        const item = new Y.XmlElement('listItem');
        item.insert(0, [paragraph(text)]);
        return item;
      }),
    );
    whatMattersToMe(doc).insert(0, [paragraph('Things I enjoy:'), list]);
    expect(fragmentText(whatMattersToMe(doc))).toBe('Things I enjoy:\nWalking\nSeeing Rosie');
  });

  it('appends paragraphs the way the editor shapes them', () => {
    const doc = new Y.Doc();
    appendParagraphs(whatMattersToMe(doc), ['One', 'Two']);
    appendParagraphs(whatMattersToMe(doc), ['Three']);
    expect(fragmentText(whatMattersToMe(doc))).toBe('One\nTwo\nThree');
    expect((whatMattersToMe(doc).get(0) as Y.XmlElement).nodeName).toBe('paragraph');
  });
});
