// What the browser reads from the meeting API, and how it talks to it.
import type { MeetingCaseView, MeetingDetail, MeetingLive } from '@careweave/server';

/** `GET /api/meetings/:id/live`: where a live meeting is, for those who poll rather than sync. */
export type LiveAnswer = MeetingLive;

/** One case of `GET /api/meetings/:id`. */
export type CaseView = MeetingCaseView;

/** One row of a meeting's attendance. */
export type AttendanceView = MeetingDetail['attendance'][number];

/** `GET /api/meetings/:id`. */
export type MeetingView = MeetingDetail;

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

/** Sends a JSON request to the API; the answer's `error` becomes the thrown message. */
export async function apiSend<T>(
  method: 'POST' | 'PATCH',
  path: string,
  body: unknown = {},
): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const answer = (text ? JSON.parse(text) : {}) as T & { error?: string };
  if (!response.ok) throw new Error(answer.error ?? `The server answered ${response.status}`);
  return answer;
}

/** Reads JSON from the API, or throws. */
export async function apiGet<T>(path: string, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json', ...headers } });
  if (!response.ok) throw new Error(`The server answered ${response.status}`);
  return (await response.json()) as T;
}
