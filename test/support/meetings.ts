import * as Y from 'yjs';
import {
  CLINICAL_PLAN_SECTIONS,
  clinicalPlanDocument,
  meetingStateMap,
  SHARED_PLAN_SECTIONS,
  sharedPlanDocument,
} from '@careweave/shared';
import { getJson, send } from './api.js';

// The meeting HTTP API and the versions rows of DESIGN §6,
// typed as far as the tests read them.

/** One case of `GET /api/meetings/:id`. */
export interface MeetingCase {
  id: string;
  personId: string;
  personName: string;
  planId: string;
  reason: string;
  minutesAllotted: number;
  position: number;
  status: 'pending' | 'discussing' | 'done' | 'deferred';
  prepNotes?: string;
  decision: string | null;
  decidedBy: unknown;
  versionId: string | null;
  /** The case on an earlier meeting's agenda this one carried on from. */
  carriedFromCaseId: string | null;
}

/** `GET /api/meetings/:id`. */
export interface MeetingDetail {
  id: string;
  startsAt: string;
  status: 'scheduled' | 'live' | 'closed';
  place: string | null;
  chair: { id: string; name: string };
  cases: MeetingCase[];
  attendance: { userId: string; name: string; mode: string }[];
  currentCaseId: string | null;
  caseStartedAt: string | null;
  canChair: boolean;
}

/** `GET /api/meetings/:id/live`. */
export interface LiveAnswer {
  status: string;
  currentCaseId: string | null;
  caseStartedAt: string | null;
  current: { caseId: string; personName: string; planId: string; minutesAllotted: number } | null;
  restricted?: boolean;
}

/** One row of `GET /api/plans/:planId/versions` (DESIGN §6). */
export interface VersionSummary {
  id: string;
  label: string;
  signedBy: unknown;
  meetingId: string | null;
  createdAt: string;
}

/** `GET /api/plans/:planId/versions/:id` (DESIGN §6). */
export interface VersionDetail {
  label: string;
  signedBy: unknown;
  createdAt: string;
  documents: { name: string; state: string }[];
}

/** Sends `body` and parses the JSON answer, failing loudly unless the status is `expected`. */
export async function call<T>(
  url: string,
  method: 'POST' | 'PATCH',
  path: string,
  cookie: string,
  body: unknown = {},
  expected = 200,
): Promise<T> {
  const res = await send(url, method, path, cookie, body);
  const text = await res.text();
  if (res.status !== expected) {
    throw new Error(`${method} ${path}: expected ${expected}, got ${res.status} ${text}`);
  }
  return (text ? JSON.parse(text) : {}) as T;
}

/** Schedules a meeting as the chair holding `cookie`; returns its id. */
export async function createMeeting(
  url: string,
  cookie: string,
  startsAt: Date,
  place = 'Test surgery, room 2',
): Promise<string> {
  const body = { startsAt: startsAt.toISOString(), place, callLink: 'https://call.example/mdt' };
  return (await call<{ id: string }>(url, 'POST', '/api/meetings', cookie, body, 201)).id;
}

export interface CaseInput {
  personId: string;
  reason?: string;
  minutesAllotted?: number;
  prepNotes?: string;
}

/** Adds a case to a meeting's agenda as the chair; returns its id. */
export async function addCase(
  url: string,
  cookie: string,
  meetingId: string,
  input: CaseInput,
): Promise<string> {
  const body = { reason: 'review', minutesAllotted: 10, ...input };
  const path = `/api/meetings/${meetingId}/cases`;
  return (await call<{ id: string }>(url, 'POST', path, cookie, body, 201)).id;
}

export function meetingOf(url: string, cookie: string, meetingId: string): Promise<MeetingDetail> {
  return getJson<MeetingDetail>(url, `/api/meetings/${meetingId}`, cookie);
}

/** POSTs a chair's step (`start`, `advance`, `close`) and returns the answer. */
export function chairStep<T = unknown>(
  url: string,
  cookie: string,
  meetingId: string,
  step: 'start' | 'advance' | 'close',
  body: unknown = {},
): Promise<T> {
  return call<T>(url, 'POST', `/api/meetings/${meetingId}/${step}`, cookie, body);
}

/** Signs a plan off through the versions API (DESIGN §6); returns the version id. */
export async function signOffPlan(
  url: string,
  cookie: string,
  planId: string,
  label: string,
  meetingId?: string,
): Promise<string> {
  const path = `/api/plans/${planId}/versions`;
  const body = meetingId ? { label, meetingId } : { label };
  return (await call<{ id: string }>(url, 'POST', path, cookie, body, 201)).id;
}

/** A fresh Y.Doc holding a version's base64 state. */
export function docOfState(state: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(Buffer.from(state, 'base64')));
  return doc;
}

/**
 * Everything a reader sees in a plan document, section by section (lists as JSON, rich text
 * as XML), so two documents can be compared for equal content.
 */
export function contentOf(doc: Y.Doc, kind: 'shared' | 'clinical'): Record<string, unknown> {
  const sections = kind === 'shared' ? SHARED_PLAN_SECTIONS : CLINICAL_PLAN_SECTIONS;
  const content: Record<string, unknown> = {};
  for (const [name, shape] of Object.entries(sections)) {
    content[name] =
      shape === 'list' ? doc.getArray(name).toJSON() : doc.getXmlFragment(name).toString();
  }
  return content;
}

/** The documents of a version, by kind, as fresh Y.Docs. */
export function versionDocs(
  planId: string,
  version: VersionDetail,
): { shared?: Y.Doc; clinical?: Y.Doc } {
  const out: { shared?: Y.Doc; clinical?: Y.Doc } = {};
  for (const { name, state } of version.documents) {
    if (name === sharedPlanDocument(planId)) out.shared = docOfState(state);
    else if (name === clinicalPlanDocument(planId)) out.clinical = docOfState(state);
    else throw new Error(`version names an unexpected document ${name}`);
  }
  return out;
}

/** The meeting document's `state` map: who is current, written by the server only. */
export const meetingState = meetingStateMap;

/** A start time `days` from now, on the minute. */
export function daysFromNow(days: number): Date {
  const at = new Date(Date.now() + days * 86_400_000);
  at.setSeconds(0, 0);
  return at;
}

/** `promise`, or a rejection naming `what` after `timeoutMs`. */
export async function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timed out after ${timeoutMs} ms: ${what}`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
