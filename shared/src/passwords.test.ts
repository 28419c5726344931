import { describe, expect, it } from 'vitest';
import { easilyGuessed, passwordChangeProblems, PASSWORD_MIN } from './passwords.js';

describe('changing a password', () => {
  const good = 'a long enough phrase';

  it('accepts a new password typed twice', () => {
    expect(passwordChangeProblems({ current: 'old one', next: good, confirm: good })).toEqual({});
  });

  it('says what is wrong with each field', () => {
    expect(passwordChangeProblems({})).toEqual({
      current: 'Enter your current password',
      next: 'Enter a new password',
    });
    expect(passwordChangeProblems({ current: 'x', next: 'short', confirm: 'short' })).toEqual({
      next: `New password must be ${PASSWORD_MIN} characters or more`,
    });
    expect(passwordChangeProblems({ current: good, next: good, confirm: good })).toHaveProperty(
      'next',
    );
    expect(passwordChangeProblems({ current: 'x', next: good, confirm: `${good}!` })).toEqual({
      confirm: 'Type the same new password again',
    });
  });

  it('refuses a password a guesser would try first, and says how to choose one', () => {
    expect(
      passwordChangeProblems({ current: 'x', next: 'Password1234!', confirm: 'Password1234!' }),
    ).toEqual({
      next: 'New password is too easy to guess. Try three random words, like ‘harbour lantern pebble’',
    });
  });
});

describe('a password a guesser would try first', () => {
  it.each([
    'Password1234!',
    'password password',
    'careweave-demo',
    'Careweave2026',
    'Stockport2026!',
    'Summer2026!!',
    'qwertyuiopas',
    'POIUYTREWQ12',
    '123456789012',
    '210987654321',
    'abcdefghijklm',
    'aaaaaaaaaaaa',
    'abcabcabcabc',
  ])('%s is one', (password) => {
    expect(easilyGuessed(password)).toBe(true);
  });

  it.each([
    'harbour lantern pebble',
    'a long enough phrase',
    'correct horse battery',
    'Tame Valley walks 4 me',
    '8491 3377 2016',
  ])('%s is not', (password) => {
    expect(easilyGuessed(password)).toBe(false);
  });
});
