import type { Outcome } from '../person-detail.js';
import { fail } from './errors.js';

/** The body as a JSON object, or a 400 that says what to send. */
export async function jsonObject(req: Request, what: string): Promise<Record<string, unknown>> {
  const body: unknown = await req.json().catch(() => null);
  if (!body || typeof body !== 'object' || Array.isArray(body))
    fail(400, `Send JSON with ${what}.`);
  return storable(body as Record<string, unknown>);
}

/** The fields holding text the database cannot store (U+0000), anywhere inside them. */
function unstorableFields(body: Record<string, unknown>): string[] {
  const holdsNul = (value: unknown): boolean =>
    typeof value === 'string'
      ? value.includes('\u0000')
      : typeof value === 'object' && value !== null && Object.values(value).some(holdsNul);
  return Object.keys(body).filter((key) => holdsNul(body[key]) || key.includes('\u0000'));
}

/** The body, or a 400 naming each field with a character no text column can hold. */
function storable(body: Record<string, unknown>): Record<string, unknown> {
  const fields = unstorableFields(body);
  if (fields.length > 0) {
    fail(
      400,
      'Check the fields marked.',
      Object.fromEntries(fields.map((key) => [key, 'Remove the null character (U+0000).'])),
    );
  }
  return body;
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
  return storable(body as Record<string, unknown>);
}

/** A service's refusal becomes the error answer; success passes through. */
export function unwrap<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) fail(outcome.status, outcome.error, outcome.fields);
  return outcome;
}
