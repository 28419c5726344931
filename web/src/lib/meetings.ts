// What the browser reads from the meeting API, and how it talks to it.
import type { MeetingCaseView, MeetingDetail, MeetingLive } from '@careweave/server';
import { todayIso } from '@careweave/shared';

/** `GET /api/meetings/:id/live`: where a live meeting is, for those who poll rather than sync. */
export type LiveAnswer = MeetingLive;

/** One case of `GET /api/meetings/:id`. */
export type CaseView = MeetingCaseView;

/** One row of a meeting's attendance. */
export type AttendanceView = MeetingDetail['attendance'][number];

/** `GET /api/meetings/:id`. */
export type MeetingView = MeetingDetail;

/** Whether a meeting was held on another day than the one it was planned for (early or late). */
export function heldOnAnotherDay(m: { startsAt: string; startedAt: string | null }): boolean {
  return !!m.startedAt && todayIso(new Date(m.startedAt)) !== todayIso(new Date(m.startsAt));
}

/** When a meeting is dated: the day it was held, where that was not the day planned. */
export function meetingTime(m: { startsAt: string; startedAt: string | null }): string {
  return heldOnAnotherDay(m) ? m.startedAt! : m.startsAt;
}

/** Where a meeting opens a case: the person's plan, with the meeting bar. */
export function casePlanHref(planId: string, meetingId: string): string {
  return `/plans/${planId}?meeting=${encodeURIComponent(meetingId)}`;
}

/** "3:12 of 10 min": time on a case against its allotment. */
export function timerText(elapsedMs: number, minutesAllotted: number): string {
  const seconds = Math.max(0, Math.floor(elapsedMs / 1000));
  const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return `${clock} of ${minutesAllotted} min`;
}

/**
 * What to tell the person when the API did not do what was asked and gave no reason of its own:
 * in plain words, never "Failed to fetch" or a bare status code.
 */
function apiProblem(status: number | null): string {
  if (status === null) {
    return 'Careweave could not be reached. Check your connection, then try again.';
  }
  if (status === 401) return 'Your session has ended. Sign in again, then try again.';
  if (status === 403) return 'You are not allowed to do that.';
  if (status === 404) return 'That could not be found. It may have been removed.';
  if (status >= 500) return 'Something went wrong in Careweave. Try again in a moment.';
  return 'That did not work. Try again.';
}

/** `fetch`, with a plain-words error when nothing came back. */
async function request(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, init);
  } catch {
    throw new Error(apiProblem(null));
  }
}

/** Sends a JSON request to the API; the answer's `error` becomes the thrown message. */
export async function apiSend<T>(
  method: 'POST' | 'PATCH',
  path: string,
  body: unknown = {},
): Promise<T> {
  const response = await request(path, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  let answer: T & { error?: string };
  try {
    const text = await response.text();
    answer = (text ? JSON.parse(text) : {}) as T & { error?: string };
  } catch {
    // Not our JSON: a proxy's error page, or an answer cut off with the connection.
    throw new Error(apiProblem(response.ok ? 500 : response.status));
  }
  if (!response.ok) throw new Error(answer.error ?? apiProblem(response.status));
  return answer;
}

/** Reads JSON from the API, or throws. */
export async function apiGet<T>(path: string, headers: Record<string, string> = {}): Promise<T> {
  const response = await request(path, { headers: { accept: 'application/json', ...headers } });
  if (!response.ok) throw new Error(apiProblem(response.status));
  return (await response.json()) as T;
}
