import { error } from '@sveltejs/kit';
import { mayManageTeam } from '@careweave/shared';
import type { User } from '@careweave/server';
import { requireUser } from './guard';

/** The signed-in administrator; anyone else is shown a refusal that says who can help. */
export function requireTeamAdmin(locals: App.Locals, url: URL): User {
  const user = requireUser(locals, url);
  if (!mayManageTeam(user.role)) {
    error(
      403,
      'Only a team administrator can manage the team. Ask your administrator for changes.',
    );
  }
  return user;
}
