import { describe, expect, it } from 'vitest';
import { generateSessionToken, sessionIdOf } from './tokens.js';

describe('session tokens', () => {
  it('are random, cookie-safe and at least 160 bits', () => {
    const a = generateSessionToken();
    const b = generateSessionToken();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{27,}$/);
  });

  it('are stored only as their SHA-256', () => {
    const token = generateSessionToken();
    const id = sessionIdOf(token);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(id).toBe(sessionIdOf(token));
    expect(id).not.toContain(token);
  });
});
