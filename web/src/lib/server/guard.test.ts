import { describe, expect, it } from 'vitest';
import { safeNext } from './guard';

describe('safeNext', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeNext('/plans/abc?meeting=1#notes')).toBe('/plans/abc?meeting=1#notes');
    expect(safeNext('/people')).toBe('/people');
  });

  it.each([
    null,
    '',
    'https://example.com/',
    '//',
    '//[',
    '//example.com',
    '/\\example.com',
    '/\t/example.com',
    '/\n/example.com',
    '\t//example.com',
  ])('sends %j to the people list instead', (next) => {
    expect(safeNext(next)).toBe('/people');
  });

  it('writes control characters out encoded, never raw into a header', () => {
    expect(safeNext('/people\r\nSet-Cookie: x=1')).toMatch(/^\/people[^\r\n]*$/);
  });
});
