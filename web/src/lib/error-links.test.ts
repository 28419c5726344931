import { describe, expect, it } from 'vitest';
import { summaryLinks } from './error-links';

describe('the error summary links', () => {
  it('lists the fields with a problem in page order, each linking to its field', () => {
    const errors = { place: 'Enter the place', startsAt: 'Enter the date and time' };
    expect(summaryLinks(errors, ['startsAt', 'place', 'callLink'])).toEqual([
      { href: '#startsAt', text: 'Enter the date and time' },
      { href: '#place', text: 'Enter the place' },
    ]);
  });
});
