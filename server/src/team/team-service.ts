import { randomBytes } from 'node:crypto';
import type { Db } from '@careweave/db';
import {
  chairProblem,
  isRole,
  isUuid,
  mayManageTeam,
  memberChangeProblem,
  memberProblems,
  normaliseEmail,
  providerLinkProblem,
  roleProblem,
  ROLE_LABELS,
  type Role,
} from '@careweave/shared';
import { hashPassword } from '../auth/passwords.js';
import type { Outcome } from '../person-detail.js';
import { recordAudit } from '../repo/audit.js';
import { isUniqueViolation } from '../repo/people.js';
import { findProvider } from '../repo/providers.js';
import { deleteOtherSessions } from '../repo/sessions.js';
import * as repo from '../repo/team.js';
import { setPasswordHash, type User } from '../repo/users.js';
import { changeProvider, changeRole, removeMember, setChairing } from './team-changes.js';

/** One membership as `GET /api/team/members` answers it. */
export interface TeamMembership {
  id: string;
  name: string;
  email: string;
  role: Role;
  roleLabel: string;
  organisation: string | null;
  /** The directory provider a voluntary-sector partner works for, and its name; else null. */
  providerId: string | null;
  provider: string | null;
  neighbourhoodId: string;
  neighbourhood: string;
  canChair: boolean;
}

/** A member added: a new account comes with its temporary password, shown this once. */
export interface AddedMember {
  id: string;
  name: string;
  created: boolean;
  temporaryPassword: string | null;
}

/** An administrator's management of their neighbourhood teams (DESIGN §1). */
export interface TeamService {
  members(user: User): Promise<Outcome<{ members: TeamMembership[] }>>;
  add(user: User, body: Record<string, unknown>): Promise<Outcome<AddedMember>>;
  /**
   * Changes a member's role (`role`), the provider a partner works for (`providerId`, needed
   * to make someone a partner) and whether they may chair (`canChair`, per team).
   */
  update(
    user: User,
    memberId: string,
    body: Record<string, unknown>,
  ): Promise<Outcome<{ members: TeamMembership[] }>>;
  remove(user: User, memberId: string, neighbourhoodId: string): Promise<Outcome<object>>;
  /**
   * Gives a member who cannot sign in a new temporary password, to be changed at their next
   * sign-in, and signs them out everywhere: whoever knew the old one is shut out.
   */
  resetPassword(
    user: User,
    memberId: string,
  ): Promise<Outcome<{ name: string; temporaryPassword: string }>>;
}

const ONLY_ADMINS = {
  ok: false,
  status: 403,
  error: 'Only a team administrator can manage the team.',
} as const;
const NO_MEMBER = {
  ok: false,
  status: 404,
  error: 'There is no such member in your teams.',
} as const;
const invalid = (fields: Record<string, string>) =>
  ({ ok: false, status: 400, error: 'Check the fields marked.', fields }) as const;
const refused = (error: string) => ({ ok: false, status: 403, error }) as const;
const NOT_IN_DIRECTORY = 'Choose a provider that is in the directory';

function view(row: repo.MembershipRow): TeamMembership {
  const role = row.role as Role;
  const { userId, ...rest } = row;
  return { ...rest, id: userId, role, roleLabel: ROLE_LABELS[role] ?? row.role };
}

/** 96 random bits, base64url: typed once by the new member, then changed. */
function temporaryPassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * @param accessChanged called once a member's role or provider changed or they left a team, so
 *   their open documents are checked again at once.
 */
export function createTeamService(db: Db, accessChanged: () => void = () => {}): TeamService {
  const teamsOf = (user: User) => user.neighbourhoods.map((n) => n.id);

  /** The team the change is for: the one named, or the only one both belong to. */
  function teamFor(
    given: unknown,
    among: string[],
  ): { ok: true; id: string } | ReturnType<typeof invalid> {
    if (given === undefined || given === null || given === '') {
      if (among.length === 1) return { ok: true, id: among[0]! };
      return invalid({ neighbourhoodId: 'Choose the neighbourhood team' });
    }
    if (typeof given !== 'string' || !among.includes(given)) {
      return invalid({ neighbourhoodId: 'Choose one of your neighbourhood teams' });
    }
    return { ok: true, id: given };
  }

  return {
    async members(user) {
      if (!mayManageTeam(user.role)) return ONLY_ADMINS;
      const rows = await repo.listMemberships(db, teamsOf(user));
      return { ok: true, members: rows.map(view) };
    },

    async add(user, body) {
      if (!mayManageTeam(user.role)) return ONLY_ADMINS;
      const team = teamFor(body.neighbourhoodId, teamsOf(user));
      if (!team.ok) return team;
      const email = typeof body.email === 'string' ? normaliseEmail(body.email) : '';
      const existing = email ? await repo.findAccountByEmail(db, email) : null;
      if (existing) {
        if (!(await repo.addMembership(db, team.id, existing.id))) {
          return {
            ok: false,
            status: 409,
            error: `${existing.name} is already in this team.`,
            fields: { email: `${existing.name} is already in this team` },
          };
        }
        await audit(user, 'member.add', existing.id, { neighbourhoodId: team.id, existing: true });
        return {
          ok: true,
          id: existing.id,
          name: existing.name,
          created: false,
          temporaryPassword: null,
        };
      }
      const problems = memberProblems(body);
      if (Object.keys(problems).length > 0) return invalid(problems);
      const role = body.role as Role;
      // A partner sees their provider's referrals from the first sign-in (memberProblems asked).
      const provider =
        role === 'voluntary_partner' ? await findProvider(db, body.providerId as string) : null;
      if (role === 'voluntary_partner' && !provider) {
        return invalid({ providerId: NOT_IN_DIRECTORY });
      }
      const password = temporaryPassword();
      const organisation = typeof body.organisation === 'string' ? body.organisation.trim() : '';
      const name = (body.name as string).trim();
      try {
        const id = await repo.createAccount(db, team.id, {
          name,
          email,
          role,
          organisation: organisation || null,
          providerId: provider?.id ?? null,
          passwordHash: await hashPassword(password),
        });
        await audit(user, 'member.add', id, {
          neighbourhoodId: team.id,
          existing: false,
          ...(provider ? { provider: { id: provider.id, name: provider.name } } : {}),
        });
        return { ok: true, id, name, created: true, temporaryPassword: password };
      } catch (error) {
        // Someone added the same email a moment ago.
        if (!isUniqueViolation(error)) throw error;
        const taken = 'An account with this email was added just now. Add it again as existing';
        return { ok: false, status: 409, error: `${taken}.`, fields: { email: taken } };
      }
    },

    async update(user, memberId, body) {
      if (!mayManageTeam(user.role)) return ONLY_ADMINS;
      if (!isUuid(memberId)) return NO_MEMBER;
      const rows = await repo.membershipsOf(db, memberId, teamsOf(user));
      if (rows.length === 0) return NO_MEMBER;
      const { role, canChair, providerId } = body;
      if (role === undefined && canChair === undefined && providerId === undefined) {
        return invalid({ role: 'Send a role, a providerId, or canChair as true or false' });
      }
      const fields: Record<string, string> = {};
      const problem = role === undefined ? null : roleProblem(role);
      if (problem) fields.role = problem;
      if (canChair !== undefined && typeof canChair !== 'boolean') {
        fields.canChair = 'Say whether they may chair: true or false';
      }
      const before = rows[0]!.role as Role;
      const after = typeof role === 'string' && isRole(role) ? role : before;
      const partner = after === 'voluntary_partner';
      // Someone made a partner names their provider; someone else names none.
      if (!problem && (providerId !== undefined || (partner && before !== after))) {
        const linkProblem = providerLinkProblem(after, providerId);
        if (linkProblem) fields.providerId = linkProblem;
      }
      if (canChair === true) {
        const why = chairProblem(after);
        if (why) fields.canChair = why;
      }
      if (Object.keys(fields).length > 0) return invalid(fields);

      // Which team a chair change is for is settled before anything changes.
      const team =
        typeof canChair === 'boolean'
          ? teamFor(
              body.neighbourhoodId,
              rows.map((r) => r.neighbourhoodId),
            )
          : null;
      if (team && !team.ok) return team;

      const linkTo = partner && typeof providerId === 'string' ? providerId : undefined;
      if (after !== before || (linkTo !== undefined && linkTo !== rows[0]!.providerId)) {
        const why = memberChangeProblem(user, { id: memberId }, 'role');
        if (why) return refused(why);
        const actor = { id: user.id, teams: teamsOf(user) };
        const changed =
          after !== before
            ? await changeRole(db, actor, { id: memberId, to: after, providerId: linkTo })
            : await changeProvider(db, actor, { id: memberId, providerId: linkTo! });
        if (!changed.ok) return changed;
        accessChanged();
      }
      if (team?.ok && typeof canChair === 'boolean') {
        const row = rows.find((r) => r.neighbourhoodId === team.id)!;
        if (row.canChair !== canChair) {
          const changed = await setChairing(db, user.id, {
            id: memberId,
            neighbourhoodId: team.id,
            canChair,
          });
          if (!changed.ok) return changed;
        }
      }
      const members = await repo.membershipsOf(db, memberId, teamsOf(user));
      return { ok: true, members: members.map(view) };
    },

    async remove(user, memberId, neighbourhoodId) {
      if (!mayManageTeam(user.role)) return ONLY_ADMINS;
      if (!isUuid(memberId) || !isUuid(neighbourhoodId)) return NO_MEMBER;
      const rows = await repo.membershipsOf(db, memberId, teamsOf(user));
      if (!rows.some((r) => r.neighbourhoodId === neighbourhoodId)) return NO_MEMBER;
      const why = memberChangeProblem(user, { id: memberId }, 'remove');
      if (why) return refused(why);
      const removed = await removeMember(db, user.id, memberId, neighbourhoodId);
      if (!removed.ok) return removed;
      accessChanged();
      return { ok: true };
    },

    async resetPassword(user, memberId) {
      if (!mayManageTeam(user.role)) return ONLY_ADMINS;
      if (!isUuid(memberId)) return NO_MEMBER;
      const rows = await repo.membershipsOf(db, memberId, teamsOf(user));
      if (rows.length === 0) return NO_MEMBER;
      const why = memberChangeProblem(user, { id: memberId }, 'password');
      if (why) return refused(why);
      const password = temporaryPassword();
      await setPasswordHash(db, memberId, await hashPassword(password), { temporary: true });
      await deleteOtherSessions(db, memberId, null);
      accessChanged();
      await audit(user, 'member.password-reset', memberId, {});
      return { ok: true, name: rows[0]!.name, temporaryPassword: password };
    },
  };

  function audit(
    user: User,
    action: 'member.add' | 'member.password-reset',
    memberId: string,
    detail: Record<string, unknown>,
  ) {
    return recordAudit(db, {
      userId: user.id,
      action,
      entityType: 'user',
      entityId: memberId,
      detail,
    });
  }
}
