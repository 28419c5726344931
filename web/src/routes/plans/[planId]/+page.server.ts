import { error, fail } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';
import { moveReferralFrom } from '$lib/server/referral-status';
import { canEditPeople, isUrgency, mayRestoreVersion } from '@careweave/shared';
import { sinceParam } from './changes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const user = requireUser(locals, url);
  const plan = await runtime().people.openPlan(user, params.planId);
  if (!plan) error(404, 'This care plan does not exist, or you do not have access to it');
  const meetingId = url.searchParams.get('meeting');
  const savedParam = url.searchParams.get('saved');
  // Back from editing the person's details: what was saved, for the plan to confirm.
  const saved = savedParam === 'consent' || savedParam === 'details' ? savedParam : null;
  const [team, owners, listed, meeting, measures, referrals, providers] = await Promise.all([
    runtime().people.team(user),
    runtime().people.actionOwners(user, plan.planId),
    runtime().versions.list(user, plan.planId),
    meetingId ? runtime().meetings.get(user, meetingId) : null,
    runtime().measures.list(user, plan.person.id),
    runtime().referrals.forPlan(user, plan.planId),
    runtime().referrals.providers(user),
  ]);
  const versions = listed.ok ? listed.versions : [];
  const lastSignOff = versions[0]?.createdAt ?? null;
  const changes = await runtime().plans.changes(user, plan.planId, sinceParam(url, lastSignOff));
  const teamMember = user.role !== 'voluntary_partner' && user.role !== 'admin';
  return {
    plan,
    team,
    owners: owners ?? [],
    changes,
    lastSignOff,
    versions,
    meeting: meeting?.ok ? meeting.meeting : null,
    // Partners and administrators have no access to the meeting document: they poll instead.
    meetingSyncs: teamMember,
    me: { id: user.id, name: user.name, role: user.role },
    canEditPerson: canEditPeople(user.role),
    measures: measures.ok ? measures : null,
    canRecordWellbeing: teamMember,
    referrals: referrals.ok ? referrals.referrals : null,
    providers: providers.ok ? providers.providers : [],
    canRefer: teamMember,
    canExport: teamMember,
    canRestore: mayRestoreVersion(user.role),
    saved,
  };
};

export const actions: Actions = {
  refer: async ({ locals, params, url, request }) => {
    const user = requireUser(locals, url);
    const form = await request.formData();
    const values = {
      serviceId: String(form.get('serviceId') ?? ''),
      reason: String(form.get('reason') ?? '').trim(),
      goalId: String(form.get('goalId') ?? ''),
      urgency: String(form.get('urgency') ?? ''),
    };
    const errors: Record<string, string> = {};
    if (!values.serviceId) errors['referral-service'] = 'Choose the service to refer to';
    if (!values.reason) errors['referral-reason'] = 'Enter the reason for the referral';
    if (!isUrgency(values.urgency)) errors['referral-urgency'] = 'Choose how urgent it is';
    if (Object.keys(errors).length > 0) return fail(400, { referral: { values, errors } });

    const result = await runtime().referrals.create(user, params.planId, {
      serviceId: values.serviceId,
      reason: values.reason,
      goalId: values.goalId || null,
      urgency: values.urgency,
    });
    if (!result.ok) {
      const fields: Record<string, string> = Object.fromEntries(
        Object.entries(result.fields ?? {}).map(([k, v]) => [`referral-${fieldId(k)}`, String(v)]),
      );
      const errors: Record<string, string> =
        Object.keys(fields).length > 0 ? fields : { 'referral-service': result.error };
      return fail(result.status, { referral: { values, errors } });
    }
    return { referred: values.serviceId };
  },
  referralStatus: async ({ locals, url, request }) =>
    moveReferralFrom(requireUser(locals, url), request),
};

/** The API names fields as the JSON does; the form's controls are named for the page. */
function fieldId(field: string): string {
  return field === 'serviceId' ? 'service' : field === 'goalId' ? 'goal' : field;
}
