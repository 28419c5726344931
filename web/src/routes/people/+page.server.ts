import { canEditPeople } from '@careweave/shared';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireUser(locals, url);
  return {
    people: await runtime().people.list(user),
    canAdd: canEditPeople(user.role) && user.neighbourhoods.length > 0,
    // Administrators run the team but see no one's plan.
    seesPeople: user.role !== 'admin',
    // Partners see only the people who consented to share with them.
    consentedOnly: user.role === 'voluntary_partner',
  };
};
