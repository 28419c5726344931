import { describe, expect, it } from 'vitest';
import { itemAbout } from './labels';

describe('itemAbout', () => {
  it('names the item by its kind and text', () => {
    expect(itemAbout('action', 'Book the walking group')).toBe('action: Book the walking group');
  });

  it('cuts a long text at a word, without a trailing comma, and says it was cut', () => {
    const long = 'Ask the housing officer about the damp in the back bedroom, and the boiler';
    expect(itemAbout('action', long)).toBe(
      'action: Ask the housing officer about the damp in the…',
    );
    expect(itemAbout('goal', `${'a'.repeat(60)}`)).toBe(`goal: ${'a'.repeat(49)}…`);
    expect(itemAbout('goal', 'Walk to   the\nshops')).toBe('goal: Walk to the shops');
  });
});
