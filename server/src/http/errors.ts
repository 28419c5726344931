import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every error answer is `{ error }`, plus per-field messages when input was invalid. */
export function fail(
  status: ContentfulStatusCode,
  error: string,
  fields?: Record<string, string>,
  headers?: Record<string, string>,
): never {
  throw new HTTPException(status, {
    res: Response.json(fields ? { error, fields } : { error }, { status, headers }),
  });
}

/** The one place errors become responses. */
export function onError(err: Error, c: Context): Response {
  if (err instanceof HTTPException) return err.getResponse();
  console.error(err);
  return c.json({ error: 'Something went wrong on our side. Try again in a moment.' }, 500);
}
