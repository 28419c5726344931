function minutes(seconds: number): string {
  const n = Math.max(1, Math.ceil(seconds / 60));
  return `${n} minute${n === 1 ? '' : 's'}`;
}

/**
 * What sign-in says once an account has had too many attempts from this address: when to try
 * again, and where to turn meanwhile, since repeated failures usually mean a forgotten password.
 */
export function tooManyAttempts(retryAfterSeconds: number): string {
  return (
    `Too many attempts to sign in. Try again in ${minutes(retryAfterSeconds)}. ` +
    'If you have forgotten your password, ask your team administrator for help.'
  );
}
