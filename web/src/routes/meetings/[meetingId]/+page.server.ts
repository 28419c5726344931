import { error, fail, redirect } from '@sveltejs/kit';
import { PREP_NOTES_MAX, PREP_NOTES_TOO_LONG, wholeNumber } from '@careweave/shared';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';
import { casePlanHref } from '$lib/meetings';
import type { Actions, PageServerLoad } from './$types';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const user = requireUser(locals, url);
  const found = await runtime().meetings.get(user, params.meetingId);
  if (!found.ok) error(found.status, found.error);
  const { meeting } = found;
  const people = meeting.canChair ? await runtime().people.list(user) : [];
  return {
    meeting,
    now: meeting.status === 'live' ? await caseNow(user, meeting.id) : null,
    // A chair in several teams sees people of all of them: offer only this team's people
    // (neighbourhood names are unique), and none already on the agenda, which takes each once.
    people: people
      .filter((p) => p.neighbourhood === meeting.neighbourhood)
      .filter((p) => !meeting.cases.some((c) => c.personId === p.id))
      .map((p) => ({ id: p.id, name: p.name })),
    canJoin: user.role !== 'admin',
    isPartner: user.role === 'voluntary_partner',
    // Prep notes may carry clinical detail: the API gives a partner none.
    canEditNotes: user.role !== 'admin' && user.role !== 'voluntary_partner',
  };
};

/**
 * The case being discussed, as the user may know it: its plan and person, or only that it is
 * one they may not see (a partner, when its person has not consented to share).
 */
async function caseNow(user: App.Locals['user'] & object, meetingId: string) {
  const live = await runtime().meetings.live(user, meetingId);
  if (!live.ok) error(live.status, live.error);
  const { current, restricted } = live.live;
  return {
    restricted: !!restricted,
    current: current ? { planId: current.planId, personName: current.personName } : null,
  };
}

/** Where someone joining goes: the plan of the case being discussed, with the meeting bar. */
async function currentCaseHref(user: App.Locals['user'] & object, meetingId: string) {
  const planId = (await caseNow(user, meetingId)).current?.planId;
  return planId ? casePlanHref(planId, meetingId) : `/meetings/${meetingId}`;
}

/** A case's prep notes as saved now. */
async function notesOf(user: App.Locals['user'] & object, meetingId: string, caseId: string) {
  const found = await runtime().meetings.get(user, meetingId);
  return found.ok ? (found.meeting.cases.find((c) => c.id === caseId)?.prepNotes ?? null) : null;
}

export const actions: Actions = {
  addCase: async ({ locals, params, url, request }) => {
    const user = requireUser(locals, url);
    const form = await request.formData();
    const values = {
      personId: text(form, 'personId'),
      reason: text(form, 'reason'),
      minutesAllotted: text(form, 'minutesAllotted'),
      prepNotes: text(form, 'prepNotes'),
    };
    const errors: Record<string, string> = {};
    if (!values.personId) errors.personId = 'Choose the person whose case it is';
    if (!values.reason) errors.reason = 'Choose why the case is being discussed';
    const minutes = wholeNumber(values.minutesAllotted);
    if (minutes === null || minutes < 1 || minutes > 120) {
      errors.minutesAllotted = 'Enter the minutes for the case, a whole number from 1 to 120';
    }
    if (values.prepNotes.length > PREP_NOTES_MAX) errors.prepNotes = PREP_NOTES_TOO_LONG;
    if (Object.keys(errors).length > 0) return fail(400, { addCase: { values, errors } });
    const result = await runtime().meetings.addCase(user, params.meetingId, {
      personId: values.personId,
      reason: values.reason,
      minutesAllotted: minutes,
      prepNotes: values.prepNotes || undefined,
    });
    if (!result.ok) {
      return fail(result.status, {
        addCase: { values, errors: result.fields ?? { personId: result.error } },
      });
    }
    return { added: true };
  },

  move: async ({ locals, params, url, request }) => {
    const user = requireUser(locals, url);
    const form = await request.formData();
    const result = await runtime().meetings.moveCase(user, params.meetingId, text(form, 'caseId'), {
      toIndex: Number(text(form, 'toIndex')),
    });
    if (!result.ok) return fail(result.status, { message: result.error });
  },

  removeCase: async ({ locals, params, url, request }) => {
    const user = requireUser(locals, url);
    const form = await request.formData();
    const result = await runtime().meetings.removeCase(
      user,
      params.meetingId,
      text(form, 'caseId'),
    );
    if (!result.ok) return fail(result.status, { message: result.error });
  },

  prepNotes: async ({ locals, params, url, request }) => {
    const user = requireUser(locals, url);
    const form = await request.formData();
    const caseId = text(form, 'caseId');
    const result = await runtime().meetings.updateCase(user, params.meetingId, caseId, {
      prepNotes: text(form, 'prepNotes'),
      // As it was sent: it must match the saved notes, spaces and all.
      prepNotesBefore: String(form.get('prepNotesBefore') ?? ''),
    });
    if (!result.ok) {
      const error = result.fields?.prepNotes ?? result.error;
      // Someone else saved first: send their version, to read before saving over it.
      const theirs =
        result.status === 409 && result.fields?.prepNotes
          ? await notesOf(user, params.meetingId, caseId)
          : null;
      return fail(result.status, { prepNotes: { caseId, error, theirs } });
    }
    return { savedNotes: caseId };
  },

  start: async ({ locals, params, url }) => {
    const user = requireUser(locals, url);
    const result = await runtime().meetings.start(user, params.meetingId);
    if (!result.ok) return fail(result.status, { message: result.error });
    await runtime().meetings.join(user, params.meetingId, {});
    redirect(303, await currentCaseHref(user, params.meetingId));
  },

  join: async ({ locals, params, url, request }) => {
    const user = requireUser(locals, url);
    const mode = text(await request.formData(), 'mode');
    const result = await runtime().meetings.join(user, params.meetingId, {
      mode: mode === 'remote' ? 'remote' : 'in-room',
    });
    if (!result.ok) return fail(result.status, { message: result.error });
    const { current } = await caseNow(user, params.meetingId);
    // No case they may see is being discussed: they wait here, and the page says why.
    if (!current) return { joined: true };
    redirect(303, casePlanHref(current.planId, params.meetingId));
  },
};
