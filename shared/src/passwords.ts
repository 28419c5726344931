/**
 * The shortest password a member may choose. Sign-in sets no rule of its own; 12 keeps a
 * chosen password no weaker than the demo's, and the temporary one (16) passes it.
 */
export const PASSWORD_MIN = 12;
/** Argon2 hashes any length; this only bounds the work one request can ask for. */
export const PASSWORD_MAX = 256;

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
  }
  if (!problems.next && input.confirm !== input.next) {
    problems.confirm = 'Type the same new password again';
  }
  return problems;
}
