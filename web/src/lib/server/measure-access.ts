import { error } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';

/**
 * The signed-in user and the person whose wellbeing measures they record or remove: only their
 * care team may (a partner or an administrator is told why not, with `notAllowed`).
 */
export async function measuresPerson(
  locals: App.Locals,
  url: URL,
  personId: string,
  notAllowed: string,
) {
  const user = requireUser(locals, url);
  if (user.role === 'voluntary_partner' || user.role === 'admin') error(403, notAllowed);
  const found = await runtime().people.get(user, personId);
  if (!found.ok) error(found.status, found.error);
  return { user, person: found.person };
}
