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
    const result = await runtime().meetings.create(user, {
      // `datetime-local` has no zone: it is read as the team's wall clock, in London.
      startsAt: values.startsAt,
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
