import { describe, expect, it } from 'vitest';
import { tooManyAttempts } from './rate-limit';

describe('tooManyAttempts', () => {
  it('says when to try again as a sentence, and whom to ask about a forgotten password', () => {
    expect(tooManyAttempts(15 * 60)).toBe(
      'Too many attempts to sign in. Try again in 15 minutes. ' +
        'If you have forgotten your password, ask your team administrator for help.',
    );
  });

  it('rounds up to whole minutes, one at least', () => {
    expect(tooManyAttempts(61)).toContain('Try again in 2 minutes.');
    expect(tooManyAttempts(1)).toContain('Try again in 1 minute.');
  });
});
