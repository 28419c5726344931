const FORM_TYPE = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)/i;

/**
 * A form post as the actions should read it: 400 when it cannot be parsed at all; null
 * characters, which no one types and no text column can hold, dropped rather than failing the
 * save of everything else on the form.
 */
export async function readableForm(request: Request): Promise<Request | Response> {
  if (request.method !== 'POST' || !FORM_TYPE.test(request.headers.get('content-type') ?? '')) {
    return request;
  }
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    return new Response('This form could not be read. Reload the page and try again.', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const holdsNul = [...form].some(
    ([key, value]) => key.includes('\0') || (typeof value === 'string' && value.includes('\0')),
  );
  if (!holdsNul) return request;
  const cleaned = new FormData();
  for (const [key, value] of form) {
    cleaned.append(
      key.replaceAll('\0', ''),
      typeof value === 'string' ? value.replaceAll('\0', '') : value,
    );
  }
  const headers = new Headers(request.headers);
  headers.delete('content-type');
  headers.delete('content-length');
  return new Request(request.url, { method: 'POST', headers, body: cleaned });
}

/** One text field of a form post, read without using up the body; null if there is none. */
export async function formField(request: Request, name: string): Promise<string | null> {
  if (request.method !== 'POST' || !FORM_TYPE.test(request.headers.get('content-type') ?? '')) {
    return null;
  }
  const value = (await request.clone().formData()).get(name);
  return typeof value === 'string' ? value : null;
}
