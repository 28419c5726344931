import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
  // Read on every navigation, not only the first: SvelteKit reruns a load only when what it read
  // has changed, and a session that ended meanwhile must not leave the header naming the user
  // (with "Sign out") on the sign-in page they are sent to.
  void url.pathname;
  const user = locals.user;
  return {
    user: user
      ? { id: user.id, name: user.name, role: user.role, organisation: user.organisation }
      : null,
  };
};
