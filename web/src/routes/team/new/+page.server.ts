import { error, fail } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { requireTeamAdmin } from '$lib/server/team-admin';
import type { Actions, PageServerLoad } from './$types';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireTeamAdmin(locals, url);
  const directory = await runtime().referrals.providers(user);
  if (!directory.ok) error(directory.status, directory.error);
  return {
    neighbourhoods: user.neighbourhoods,
    providers: directory.providers.map(({ id, name }) => ({ id, name })),
  };
};

export const actions: Actions = {
  add: async ({ locals, url, request }) => {
    const user = requireTeamAdmin(locals, url);
    const form = await request.formData();
    const values = {
      name: text(form, 'name'),
      email: text(form, 'email'),
      role: text(form, 'role'),
      organisation: text(form, 'organisation'),
      neighbourhoodId: text(form, 'neighbourhoodId'),
      providerId: text(form, 'providerId'),
    };
    // A provider chosen and then left behind by choosing another role is not the member's.
    const providerId = values.role === 'voluntary_partner' ? values.providerId : undefined;
    const result = await runtime().team.add(user, { ...values, providerId });
    if (!result.ok) {
      // The service only checks the rest once the email is not an existing account's.
      const errors = result.fields ?? { email: result.error };
      return fail(result.status, { values, errors });
    }
    // The temporary password goes in this one answer and nowhere else.
    return {
      added: {
        name: result.name,
        created: result.created,
        temporaryPassword: result.temporaryPassword,
      },
    };
  },
};
