import { fail, redirect } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireUser(locals, url);
  const [meetings, chaired] = await Promise.all([
    runtime().meetings.list(user),
    runtime().meetings.chairedNeighbourhoods(user),
  ]);
  return { meetings, canSchedule: chaired.length > 0, neighbourhoods: chaired };
};

export const actions: Actions = {
  schedule: async ({ locals, url, request }) => {
    const user = requireUser(locals, url);
    const form = await request.formData();
    const values = {
      startsAt: text(form, 'startsAt'),
      place: text(form, 'place'),
      callLink: text(form, 'callLink'),
      neighbourhoodId: text(form, 'neighbourhoodId'),
    };
    // `datetime-local` has no zone: the browser sends its offset alongside when it can.
    const offset = Number(text(form, 'offsetMinutes'));
    const startsAt = localToInstant(values.startsAt, Number.isFinite(offset) ? offset : null);
    if (!startsAt) {
      return fail(400, { values, errors: { startsAt: 'Enter the date and time of the meeting' } });
    }
    const result = await runtime().meetings.create(user, {
      startsAt: startsAt.toISOString(),
      place: values.place || undefined,
      callLink: values.callLink || undefined,
      neighbourhoodId: values.neighbourhoodId || undefined,
    });
    if (!result.ok) {
      return fail(result.status, { values, errors: result.fields ?? {}, message: result.error });
    }
    redirect(303, `/meetings/${result.id}`);
  },
};

/** "2026-11-23T09:30" typed in a browser `offsetMinutes` from UTC (as `getTimezoneOffset`). */
function localToInstant(value: string, offsetMinutes: number | null): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date =
    offsetMinutes === null
      ? new Date(value)
      : new Date(new Date(`${value.slice(0, 16)}:00Z`).getTime() + offsetMinutes * 60_000);
  return Number.isNaN(date.getTime()) ? null : date;
}
