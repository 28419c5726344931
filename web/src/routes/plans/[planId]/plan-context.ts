import { createContext } from 'svelte';
import type { AwarenessUser } from './plan-connection.svelte';

/** Someone in the caller's neighbourhood teams, who may own an action. */
export interface TeamMember {
  id: string;
  name: string;
  role: string;
  organisation: string | null;
}

/** Who is looking at the plan and whom its ids name; set once by the plan page. */
export interface PlanPeople {
  me: AwarenessUser;
  team: TeamMember[];
  /** Those of the person's team who may see this plan: the only ones offered as owners. */
  owners: TeamMember[];
  /** Today in local time (YYYY-MM-DD), for overdue actions. */
  today: string;
}

export const [getPlanPeople, setPlanPeople] = createContext<PlanPeople>();

/** A user's name from the team list, for ids stored in the documents. */
export function nameOf(people: PlanPeople, id: string | null): string {
  if (!id) return 'No one';
  if (id === people.me.id) return people.me.name;
  return people.team.find((m) => m.id === id)?.name ?? 'Someone outside your team';
}

/** An action's owner by name, saying so when they cannot see the plan and so never see it. */
export function ownerName(people: PlanPeople, id: string | null): string {
  if (id && id !== people.me.id && !people.owners.some((m) => m.id === id)) {
    const member = people.team.find((m) => m.id === id);
    if (member) return `${member.name} (cannot see this plan)`;
  }
  return nameOf(people, id);
}

/** What the page knows of the session, for the forms that wait while nothing can be sent. */
export interface PlanSession {
  /** Why nothing can be saved or sent now (the session has ended), or null while it can. */
  readonly paused: string | null;
}

const [getSession, setSession, hasSession] = createContext<PlanSession>();

/** Set once by the live plan page. */
export const setPlanSession = setSession;

/** The live page's session; a signed-off version, which never sends anything, has none. */
export function getPlanSession(): PlanSession {
  return hasSession() ? getSession() : { paused: null };
}
