import type { Outcome } from '../person-detail.js';
import { fail } from './errors.js';

/** The body as a JSON object, or a 400 that says what to send. */
export async function jsonObject(req: Request, what: string): Promise<Record<string, unknown>> {
  const body: unknown = await req.json().catch(() => null);
  if (!body || typeof body !== 'object' || Array.isArray(body))
    fail(400, `Send JSON with ${what}.`);
  return body as Record<string, unknown>;
}

/** The body as a JSON object when one was sent; an empty object for an empty body. */
export async function optionalJsonObject(req: Request): Promise<Record<string, unknown>> {
  const text = await req.text();
  if (text.trim() === '') return {};
  const body: unknown = (() => {
    try {
      return JSON.parse(text);
    } catch {
      return null;
    }
  })();
  if (!body || typeof body !== 'object' || Array.isArray(body)) fail(400, 'Send a JSON object.');
  return body as Record<string, unknown>;
}

/** A service's refusal becomes the error answer; success passes through. */
export function unwrap<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) fail(outcome.status, outcome.error, outcome.fields);
  return outcome;
}
