import * as Y from 'yjs';

function textOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as { insert: unknown }[])
      .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
      .join('');
  }
  if (node instanceof Y.XmlElement) return node.toArray().map(textOf).join('');
  return '';
}

const LISTS = new Set(['bulletList', 'orderedList']);

/** A block's lines: one for a paragraph or heading, one per item (and its blocks) for a list. */
function blockLines(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string[] {
  if (node instanceof Y.XmlElement && LISTS.has(node.nodeName)) {
    return node
      .toArray()
      .flatMap((item) => (item instanceof Y.XmlElement ? item.toArray().flatMap(blockLines) : []));
  }
  return [textOf(node)];
}

/** Plain text of a rich-text fragment, one line per block, and per item of a list. */
export function fragmentText(fragment: Y.XmlFragment): string {
  return fragment.toArray().flatMap(blockLines).join('\n');
}

/** Appends plain paragraphs to a rich-text fragment, shaped as the editor writes them. */
export function appendParagraphs(fragment: Y.XmlFragment, texts: string[]): void {
  fragment.insert(
    fragment.length,
    texts.map((text) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      return paragraph;
    }),
  );
}
