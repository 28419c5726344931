import { roleMayChair } from './access.js';
import { isUuid } from './documents.js';
import { NAME_MAX } from './person.js';
import { isRole, ROLES, type Role } from './roles.js';

/** Who may manage a neighbourhood team's members, roles and chairs (DESIGN §1). */
export function mayManageTeam(role: Role): boolean {
  return role === 'admin';
}

/** Why a member with this role cannot be let chair, or null when they can. */
export function chairProblem(role: Role): string | null {
  if (roleMayChair(role)) return null;
  return role === 'admin'
    ? 'Administrators do not attend meetings, so cannot chair'
    : 'A chair signs off the clinical sections too, which voluntary-sector partners never see';
}

/** A change an administrator makes to a member of one of their teams. */
export type MemberChange = 'role' | 'chair' | 'remove' | 'password';

/**
 * Why the administrator may not make this change to this member, or null. Nobody changes
 * their own role or removes themselves: the administrator acting is always one, so a team
 * never loses its last.
 */
export function memberChangeProblem(
  actor: { id: string; role: Role },
  member: { id: string },
  change: MemberChange,
): string | null {
  if (!mayManageTeam(actor.role)) return 'Only a team administrator can change the team.';
  if (actor.id !== member.id || change === 'chair') return null;
  switch (change) {
    case 'role':
      return 'You cannot change your own role. Ask another administrator to do it.';
    case 'remove':
      return 'You cannot remove yourself from the team. Ask another administrator to do it.';
    case 'password':
      return 'You cannot reset your own password. Change it from your account instead.';
  }
}

/** The details of a member being added; values are checked, not trusted. */
export interface MemberInput {
  name?: unknown;
  email?: unknown;
  role?: unknown;
  organisation?: unknown;
  /** The directory provider a voluntary-sector partner works for. */
  providerId?: unknown;
}

export const EMAIL_MAX = 254;
export const ORGANISATION_MAX = 200;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The role, or a message saying how to choose one. */
export function roleProblem(value: unknown): string | null {
  if (typeof value !== 'string' || !value) return 'Choose a role';
  return isRole(value) ? null : `Choose one of the roles: ${ROLES.join(', ')}`;
}

/** What is wrong with a new member's details, one message per field (empty when all is well). */
export function memberProblems(input: MemberInput): Record<string, string> {
  const problems: Record<string, string> = {};
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : null);
  const name = text(input.name);
  if (!name)
    problems.name = input.name == null || name === '' ? 'Enter the name' : 'Name must be text';
  else if (name.length > NAME_MAX) problems.name = `Name must be ${NAME_MAX} characters or fewer`;
  const email = text(input.email);
  if (!email) problems.email = 'Enter the email address';
  else if (email.length > EMAIL_MAX || !EMAIL.test(email)) {
    problems.email = 'Enter an email address in the right format, like name@example.test';
  }
  const role = roleProblem(input.role);
  if (role) problems.role = role;
  else {
    const provider = providerLinkProblem(input.role as Role, input.providerId);
    if (provider) problems.providerId = provider;
  }
  if (input.organisation != null && input.organisation !== '') {
    const organisation = text(input.organisation);
    if (organisation === null) problems.organisation = 'Organisation must be text';
    else if (organisation.length > ORGANISATION_MAX) {
      problems.organisation = `Organisation must be ${ORGANISATION_MAX} characters or fewer`;
    }
  }
  return problems;
}

const noProvider = (value: unknown) => value === undefined || value === null || value === '';

/**
 * Why this provider link does not suit the role, or null. A voluntary-sector partner's account
 * is linked to the directory provider they work for: that is whose referrals they see, and whose
 * staff they count as when a referral needs consent. Nobody else is linked to one. Whether the
 * provider exists is for the server to check.
 */
export function providerLinkProblem(role: Role, providerId: unknown): string | null {
  if (role !== 'voluntary_partner') {
    return noProvider(providerId)
      ? null
      : 'Only a voluntary-sector partner is linked to a provider: choose none for this role';
  }
  if (noProvider(providerId)) {
    return 'Choose the organisation they work for from the provider directory';
  }
  return typeof providerId === 'string' && isUuid(providerId)
    ? null
    : 'Choose a provider from the directory';
}

/** An email as accounts are keyed: trimmed and lower-cased, so case never makes a second one. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
