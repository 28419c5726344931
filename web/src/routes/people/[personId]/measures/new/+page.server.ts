import { fail, redirect } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { todayIso } from '@careweave/shared';
import { measuresPerson } from '$lib/server/measure-access';
import type { Actions, PageServerLoad } from './$types';

const INSTRUMENTS = ['SWEMWBS', 'WEMWBS'] as const;
const NOT_ALLOWED = 'Your role cannot record wellbeing measures.';
type Instrument = (typeof INSTRUMENTS)[number];

/** "" (not chosen yet), "none" (not answered) or 1–5, as the form sends each item. */
const NOT_ANSWERED = 'none';

const person = (locals: App.Locals, url: URL, personId: string) =>
  measuresPerson(locals, url, personId, NOT_ALLOWED);

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { person: found } = await person(locals, url, params.personId);
  return {
    person: {
      id: found.id,
      name: found.name,
      planId: found.planId,
      dateOfBirth: found.dateOfBirth,
    },
    items: {
      SWEMWBS: runtime().measures.items('SWEMWBS') ?? [],
      WEMWBS: runtime().measures.items('WEMWBS') ?? [],
    },
    today: todayIso(),
  };
};

export const actions: Actions = {
  save: async ({ locals, params, url, request }) => {
    const { user, person: found } = await person(locals, url, params.personId);
    const form = await request.formData();
    const chosen = String(form.get('instrument') ?? '');
    const takenAt = String(form.get('takenAt') ?? '').trim();
    const errors: Record<string, string> = {};
    if (!(INSTRUMENTS as readonly string[]).includes(chosen)) {
      errors['instrument'] = 'Choose WEMWBS or SWEMWBS';
    }
    const instrument = (chosen || 'SWEMWBS') as Instrument;
    const count = instrument === 'WEMWBS' ? 14 : 7;
    const answers: Record<string, string> = {};
    const items: (number | null)[] = [];
    for (let n = 1; n <= count; n += 1) {
      const value = String(form.get(`item-${n}`) ?? '');
      answers[`item-${n}`] = value;
      if (value === NOT_ANSWERED) items.push(null);
      else if (/^[1-5]$/.test(value)) items.push(Number(value));
      else errors[`item-${n}`] = `Choose a score for Item ${n}, or choose "Item not answered"`;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(takenAt))
      errors['takenAt'] = 'Enter the date the scores were taken';
    else if (takenAt > todayIso())
      errors['takenAt'] = 'The date taken must be today or in the past';
    const values = { instrument, takenAt, answers };
    if (Object.keys(errors).length > 0) return fail(400, { values, errors, message: null });

    const result = await runtime().measures.record(user, found.id, { instrument, items, takenAt });
    if (!result.ok) {
      return fail(result.status, { values, errors: result.fields ?? {}, message: result.error });
    }
    redirect(303, `/plans/${found.planId}#wellbeing-title`);
  },
};
