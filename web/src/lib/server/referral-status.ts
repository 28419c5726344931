import { fail } from '@sveltejs/kit';
import { isReferralStatus } from '@careweave/shared';
import type { User } from '@careweave/server';
import { runtime } from '@careweave/server/runtime';
import type { ReferralStatusAnswer } from '$lib/outcomes';

/**
 * The status form's action, for the referrals page and the plan page alike: moves the
 * referral, or hands the note back with the message for the field that is wrong.
 */
export async function moveReferralFrom(user: User, request: Request) {
  const form = await request.formData();
  const id = String(form.get('id') ?? '');
  const status = String(form.get('status') ?? '');
  const written = String(form.get('note') ?? '');
  const note = written.trim();
  // Handed back as written, so that nothing typed is lost when it is refused.
  const answer: ReferralStatusAnswer = {
    id,
    note: written,
    problem: null,
    noteProblem: null,
    moved: null,
  };
  if (!isReferralStatus(status)) {
    return fail(400, { referralStatus: { ...answer, problem: 'Choose what to do next' } });
  }
  const result = await runtime().referrals.setStatus(user, id, { status, note: note || null });
  if (!result.ok) {
    const noteProblem = result.fields?.note ?? null;
    // A message for the note is shown at the note; anything else above the buttons.
    const problem = noteProblem ? null : (result.fields?.status ?? result.error);
    return fail(result.status, { referralStatus: { ...answer, problem, noteProblem } });
  }
  return { referralStatus: { ...answer, note: '', moved: status } };
}
