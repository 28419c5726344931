import { describe, expect, it } from 'vitest';
import { passwordChangeProblems, PASSWORD_MIN } from './passwords.js';

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
});
