import { get } from './clients.js';

/** A JSON request to the API as the holder of `cookie`. */
export function send(
  url: string,
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  cookie: string | undefined,
  body: unknown,
): Promise<Response> {
  return fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

/** GETs `path` and parses the JSON, failing loudly on anything but 200. */
export async function getJson<T>(url: string, path: string, cookie: string): Promise<T> {
  const res = await get(url, path, cookie);
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Who the holder of `cookie` is, as `GET /api/me` says. */
export interface Me {
  id: string;
  name: string;
  email: string;
  role: string;
  organisation: string | null;
  /** The directory provider a partner works for; null for everyone else. */
  providerId: string | null;
  neighbourhoods: { id: string; name: string }[];
}

export function me(url: string, cookie: string): Promise<Me> {
  return getJson<Me>(url, '/api/me', cookie);
}

/** `GET /api/plans/:planId` (DESIGN §6, with the plan's action counts). */
export interface PlanView {
  planId: string;
  person: { id: string; name: string; consentToShare: boolean };
  documents: { name: string; kind: 'shared' | 'clinical'; access: 'read' | 'write' }[];
  actions: { open: number; overdue: number };
}

/** One row of `GET /api/me/actions`. */
export interface MyAction {
  planId: string;
  personId: string;
  personName: string;
  actionId: string;
  text: string;
  dueDate: string | null;
  status: string;
  overdue: boolean;
}

/** One entry of `GET /api/plans/:planId/changes`. */
export interface ChangeEntry {
  document: 'shared' | 'clinical';
  section: string;
  itemId: string | null;
  label: string | null;
  kind: 'added' | 'edited' | 'removed';
  authors: { id: string; name: string }[];
  lastAt: string;
}

export interface ChangesAnswer {
  since: string;
  changes: ChangeEntry[];
}

/** `GET /api/people/:id`. */
export interface PersonDetail {
  id: string;
  nhsNumber: string;
  givenName: string;
  familyName: string;
  name: string;
  dateOfBirth: string;
  pathway: string;
  gpPractice: string | null;
  neighbourhoodId: string;
  neighbourhood: string;
  consentToShare: boolean;
  consentRecordedBy: { id: string; name: string } | null;
  consentRecordedAt: string | null;
  planId: string;
}

/** The changes the holder of `cookie` may see, since `since` when given. */
export function changesOf(
  url: string,
  cookie: string,
  planId: string,
  since?: Date,
): Promise<ChangesAnswer> {
  const query = since ? `?since=${encodeURIComponent(since.toISOString())}` : '';
  return getJson<ChangesAnswer>(url, `/api/plans/${planId}/changes${query}`, cookie);
}

/**
 * A valid NHS number (Modulus 11) from the 999 range that is never issued, and not one of
 * the demo people's (they are 999 000 00xx).
 */
export function freshNhsNumber(): string {
  for (;;) {
    const body = `999${String(100_000 + Math.floor(Math.random() * 899_999))}`;
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(body[i]) * (10 - i);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return `${body}${check === 11 ? 0 : check}`;
  }
}

/** Makes `text` safe to use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
