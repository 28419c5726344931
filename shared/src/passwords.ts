/**
 * The shortest password a member may choose. Sign-in sets no rule of its own; 12 keeps a
 * chosen password no weaker than the demo's, and the temporary one (16) passes it.
 */
export const PASSWORD_MIN = 12;
/** Argon2 hashes any length; this only bounds the work one request can ask for. */
export const PASSWORD_MAX = 256;

/**
 * What is left of a password once capitals, digits, spaces and symbols are taken out, when it is
 * one a guesser would try first: among the commonest passwords, or a word of this service.
 */
const GUESSED_FIRST = new Set([
  'password',
  'passwordpassword',
  'qwerty',
  'qwertyuiop',
  'qwertyuiopasdfghjkl',
  'asdfghjkl',
  'letmein',
  'welcome',
  'iloveyou',
  'changeme',
  'admin',
  'administrator',
  'secret',
  'football',
  'sunshine',
  'princess',
  'monkey',
  'dragon',
  'trustno',
  'starwars',
  'careweave',
  'careweavedemo',
  'nhs',
  'nhspassword',
  'stockport',
  'spring',
  'summer',
  'autumn',
  'winter',
]);
/** Rows of keys and runs of letters or digits, read either way. */
const RUNS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm'];

/**
 * Whether a password is one of the first a guesser would try: a common one with digits and
 * symbols added, one short chunk repeated ("abcabcabcabc"), or a run of keys ("123456789012",
 * "poiuytrewq12").
 */
export function easilyGuessed(password: string): boolean {
  const text = password.toLowerCase().replace(/\s+/g, '');
  const letters = text.replace(/[^a-z]/g, '');
  if (letters && GUESSED_FIRST.has(letters)) return true;
  if (/^(.{1,4})\1+$/.test(text)) return true;
  return isRun(text) || (letters.length >= 6 && isRun(letters));
}

function isRun(text: string): boolean {
  // Doubled, so that a run going round the end ("789012") is found too.
  return RUNS.some((run) => {
    const twice = run + run;
    return twice.includes(text) || [...twice].reverse().join('').includes(text);
  });
}

/** A password change as a form or an API body carries it; values are checked, not trusted. */
export interface PasswordChangeInput {
  current?: unknown;
  next?: unknown;
  confirm?: unknown;
}

/** What is wrong with a password change, one message per field (the current one is checked later). */
export function passwordChangeProblems(input: PasswordChangeInput): Record<string, string> {
  const problems: Record<string, string> = {};
  if (typeof input.current !== 'string' || !input.current) {
    problems.current = 'Enter your current password';
  } else if (input.current.length > PASSWORD_MAX) {
    problems.current = 'Your current password is not right';
  }
  if (typeof input.next !== 'string' || !input.next) problems.next = 'Enter a new password';
  else if (input.next.length < PASSWORD_MIN) {
    problems.next = `New password must be ${PASSWORD_MIN} characters or more`;
  } else if (input.next.length > PASSWORD_MAX) {
    problems.next = `New password must be ${PASSWORD_MAX} characters or fewer`;
  } else if (input.next === input.current) {
    problems.next = 'New password must be different from your current one';
  } else if (easilyGuessed(input.next)) {
    problems.next =
      'New password is too easy to guess. Try three random words, like ‘harbour lantern pebble’';
  }
  if (!problems.next && input.confirm !== input.next) {
    problems.confirm = 'Type the same new password again';
  }
  return problems;
}
