import { error, fail } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { requireTeamAdmin } from '$lib/server/team-admin';
import type { Actions, PageServerLoad } from './$types';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** A refused change to one member: the message goes beside that member's control. */
const refused = (status: number, memberId: string, field: string, message: string) =>
  fail(status, { memberId, errors: { [`${field}-${memberId}`]: message } });

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireTeamAdmin(locals, url);
  const result = await runtime().team.members(user);
  if (!result.ok) error(result.status, result.error);
  const directory = await runtime().referrals.providers(user);
  if (!directory.ok) error(directory.status, directory.error);
  return {
    members: result.members,
    providers: directory.providers.map(({ id, name }) => ({ id, name })),
    youId: user.id,
    manyTeams: user.neighbourhoods.length > 1,
  };
};

export const actions: Actions = {
  role: async ({ locals, url, request }) => {
    const user = requireTeamAdmin(locals, url);
    const form = await request.formData();
    const memberId = text(form, 'memberId');
    const role = text(form, 'role');
    // Only someone being made a partner names a provider; the form offers it for no one else.
    const providerId = role === 'voluntary_partner' ? text(form, 'providerId') : '';
    const result = await runtime().team.update(user, memberId, {
      role,
      ...(providerId ? { providerId } : {}),
    });
    if (!result.ok) {
      const { fields } = result;
      return refused(
        result.status,
        memberId,
        'role',
        fields?.role ?? fields?.providerId ?? result.error,
      );
    }
    return {
      done: `${result.members[0]?.name ?? 'The member'} is now ${result.members[0]?.roleLabel}`,
    };
  },
  provider: async ({ locals, url, request }) => {
    const user = requireTeamAdmin(locals, url);
    const form = await request.formData();
    const memberId = text(form, 'memberId');
    const result = await runtime().team.update(user, memberId, {
      providerId: text(form, 'providerId'),
    });
    if (!result.ok) {
      return refused(
        result.status,
        memberId,
        'provider',
        result.fields?.providerId ?? result.error,
      );
    }
    const member = result.members[0];
    return { done: `${member?.name ?? 'The member'} now works for ${member?.provider}` };
  },
  chair: async ({ locals, url, request }) => {
    const user = requireTeamAdmin(locals, url);
    const form = await request.formData();
    const memberId = text(form, 'memberId');
    const canChair = text(form, 'canChair') === 'yes';
    const neighbourhoodId = text(form, 'neighbourhoodId');
    const result = await runtime().team.update(user, memberId, { canChair, neighbourhoodId });
    if (!result.ok) {
      return refused(result.status, memberId, 'chair', result.fields?.canChair ?? result.error);
    }
    const name = result.members[0]?.name ?? 'The member';
    return { done: canChair ? `${name} may now chair` : `${name} may no longer chair` };
  },
  remove: async ({ locals, url, request }) => {
    const user = requireTeamAdmin(locals, url);
    const form = await request.formData();
    const memberId = text(form, 'memberId');
    const result = await runtime().team.remove(user, memberId, text(form, 'neighbourhoodId'));
    if (!result.ok) return refused(result.status, memberId, 'remove', result.error);
    return { done: `${text(form, 'name') || 'The member'} removed from the team` };
  },
  password: async ({ locals, url, request }) => {
    const user = requireTeamAdmin(locals, url);
    const form = await request.formData();
    const memberId = text(form, 'memberId');
    const result = await runtime().team.resetPassword(user, memberId);
    if (!result.ok) return refused(result.status, memberId, 'password', result.error);
    // The temporary password goes in this one answer, to the row it was asked from.
    return {
      reset: {
        memberId,
        neighbourhoodId: text(form, 'neighbourhoodId'),
        temporaryPassword: result.temporaryPassword,
      },
    };
  },
};
