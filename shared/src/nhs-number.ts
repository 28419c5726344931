/**
 * What people write between the groups of an NHS number: spaces, dots, and any kind of dash (a
 * word processor or a phone turns a hyphen into an en or em dash; a letter may use dots).
 */
const NHS_NUMBER_SEPARATORS = /[\s.\p{Pd}\u2212]/gu;

/** The input without the spaces, dots and dashes that may sit between an NHS number's groups. */
export function withoutNhsNumberSeparators(input: string): string {
  return input.replace(NHS_NUMBER_SEPARATORS, '');
}

/** Digits only, or null when the input holds anything but digits and separators. */
function digitsOf(input: string): string | null {
  const compact = withoutNhsNumberSeparators(input);
  return /^\d+$/.test(compact) ? compact : null;
}

/** Why an NHS number is not acceptable, or null when it is valid. */
export function nhsNumberProblem(input: string): string | null {
  const digits = digitsOf(input);
  if (digits === null) return 'An NHS number has digits only, for example 999 000 0018';
  if (digits.length !== 10) return 'An NHS number has 10 digits';
  if (/^(\d)\1{9}$/.test(digits)) return 'An NHS number cannot be the same digit ten times';
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return 'This is not a valid NHS number: check the digits';
  if ((check === 11 ? 0 : check) !== Number(digits[9])) {
    return 'This is not a valid NHS number: check the digits';
  }
  return null;
}

/** True for a 10-digit NHS number that passes the Modulus 11 check. */
export function isValidNhsNumber(input: string): boolean {
  return nhsNumberProblem(input) === null;
}

/** The canonical stored form: 10 digits, no separators. Throws on an invalid number. */
export function normaliseNhsNumber(input: string): string {
  const problem = nhsNumberProblem(input);
  if (problem) throw new Error(problem);
  return digitsOf(input)!;
}

/** Display form 3-3-4, e.g. "999 000 0018". */
export function formatNhsNumber(digits: string): string {
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}
