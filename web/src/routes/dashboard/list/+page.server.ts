import { error } from '@sveltejs/kit';
import { runtime } from '@careweave/server/runtime';
import { requireUser } from '$lib/server/guard';
import { serviceLabel } from '../figures';
import type { User } from '@careweave/server';
import type { PageServerLoad } from './$types';

/**
 * Whose overdue actions, or which service's referrals, a list holds, as its bar named them: the
 * key alone is an id. Null when the id names nobody the user's team knows.
 */
async function subjectOf(user: User, figure: string, key: string): Promise<string | null> {
  if (figure === 'overdue-actions') {
    if (key === 'none' || key === '') return null;
    return (await runtime().people.team(user)).find((m) => m.id === key)?.name ?? null;
  }
  if (figure === 'referrals') {
    const listed = await runtime().referrals.providers(user);
    const services = listed.ok
      ? listed.providers.flatMap((p) =>
          p.services.map((s) => ({ id: s.id, name: s.name, provider: p.name })),
        )
      : [];
    return serviceLabel(services, key.split(':')[0] ?? '');
  }
  return null;
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireUser(locals, url);
  const figure = url.searchParams.get('figure') ?? '';
  const key = url.searchParams.get('key') ?? '';
  const listed = await runtime().dashboard.list(user, figure, key);
  if (!listed.ok) error(listed.status, listed.error);
  return { figure, key, rows: listed.rows, subject: await subjectOf(user, figure, key) };
};
