import { describe, expect, it } from 'vitest';
import { measureErrorLinks } from './error-links';

const seven = [1, 2, 3, 4, 5, 6, 7];
const answers = (values: string[]) =>
  Object.fromEntries(values.map((v, i) => [`item-${i + 1}`, v]));

describe('measureErrorLinks', () => {
  it('sends a problem with the instrument to its first choice', () => {
    expect(measureErrorLinks({ instrument: 'Choose WEMWBS or SWEMWBS' }, undefined, seven)).toEqual(
      [{ href: '#instrument-SWEMWBS', text: 'Choose WEMWBS or SWEMWBS' }],
    );
  });

  it('sends a problem with the items to the first one sent unanswered', () => {
    const sent = { instrument: 'SWEMWBS' as const, answers: answers(['1', 'none', '', '4']) };
    expect(measureErrorLinks({ items: 'SWEMWBS has 7 items' }, sent, seven)).toEqual([
      { href: '#item-3', text: 'SWEMWBS has 7 items' },
    ]);
  });

  it('sends it to the item the message names when every item was answered', () => {
    const sent = { instrument: 'SWEMWBS' as const, answers: answers(Array(7).fill('2')) };
    const text = 'Item 5 must be a whole number from 1 to 5, or blank';
    expect(measureErrorLinks({ items: text }, sent, seven)).toEqual([{ href: '#item-5', text }]);
  });

  it('lists the problems in the order of the page', () => {
    const errors = { 'item-2': 'Choose a score for Item 2', takenAt: 'Enter the date' };
    expect(measureErrorLinks(errors, undefined, seven).map((l) => l.href)).toEqual([
      '#takenAt',
      '#item-2',
    ]);
  });
});
