import type { Db } from '@careweave/db';
import { mayChair, roleMayChair, type Role } from '@careweave/shared';
import type { Outcome } from '../person-detail.js';
import { recordAudit } from '../repo/audit.js';
import { findProvider } from '../repo/providers.js';
import * as repo from '../repo/team.js';

/**
 * The changes that could leave a team without an administrator, each under its teams' locks:
 * two administrators demoting or removing each other at once take turns, and the second finds
 * they are no longer one. The acting administrator is read again inside the lock for that.
 */

const NO_LONGER_ADMIN = {
  ok: false,
  status: 403,
  error: 'Only a team administrator can manage the team.',
} as const;

const TEAMS_CHANGED = {
  ok: false,
  status: 409,
  error: 'Their teams changed as you made this change. Look at the team again, then try again.',
} as const;
const IN_OTHER_TEAMS = {
  ok: false,
  status: 403,
  error:
    'They are also in a team you do not administer, and a role holds in all their teams: an administrator of every one of them can change it.',
} as const;

function lastAdministrator(teams: string[]) {
  const error = `This would leave ${teams.join(' and ')} without an administrator. Add another administrator there first.`;
  return { ok: false, status: 409, error } as const;
}

function lastChair(teams: string[]) {
  const error = `This would leave ${teams.join(' and ')} without anyone who may chair its meetings. Let another member chair there first.`;
  return { ok: false, status: 409, error } as const;
}

/** What a change makes of one member: a new role, their mark to chair one team, or leaving one. */
interface ChairChange {
  id: string;
  role?: Role;
  chair?: { neighbourhoodId: string; canChair: boolean };
  leaves?: string;
}

/**
 * The names of the teams among these that someone may chair now and nobody could after the
 * change: none would be left to run their meetings or sign off their plans.
 */
async function teamsLeftWithoutChair(
  tx: Db,
  neighbourhoodIds: string[],
  change: ChairChange,
): Promise<string[]> {
  const rows = await repo.listMemberships(tx, neighbourhoodIds);
  const before = (r: repo.MembershipRow) =>
    mayChair(r.role as Role, { inTeam: true, canChair: r.canChair });
  const after = (r: repo.MembershipRow) => {
    if (r.userId !== change.id) return before(r);
    if (change.leaves === r.neighbourhoodId) return false;
    const canChair =
      change.chair?.neighbourhoodId === r.neighbourhoodId ? change.chair.canChair : r.canChair;
    return mayChair(change.role ?? (r.role as Role), { inTeam: true, canChair });
  };
  const teams = [...new Set(rows.filter(before).map((r) => r.neighbourhoodId))];
  return teams
    .filter((team) => !rows.some((r) => r.neighbourhoodId === team && after(r)))
    .map((team) => rows.find((r) => r.neighbourhoodId === team)!.neighbourhood);
}

/** A change to what a member's account may see: its role, its provider link, or both. */
interface AccessChange {
  id: string;
  role?: Role;
  /** The directory provider a partner works for; checked to exist here, under the lock. */
  providerId?: string;
}

const NOT_PARTNER_NOW = {
  ok: false,
  status: 409,
  error:
    'They are no longer a voluntary-sector partner, so have no provider. Look at the team again.',
} as const;
const unknownProvider = (problem: string) =>
  ({
    ok: false,
    status: 400,
    error: 'Check the fields marked.',
    fields: { providerId: problem },
  }) as const;

/**
 * Changes a member's role and provider link together, audited. Both are the account's, in all
 * their teams, so only an administrator of every one of those teams may change them; role, link
 * and teams are read again under the lock, since any may have changed since the request was
 * read. A partner always keeps a provider; anyone else loses theirs.
 */
async function changeAccess(
  db: Db,
  actor: { id: string; teams: string[] },
  change: AccessChange,
): Promise<Outcome<object>> {
  const teams = await repo.teamIdsOf(db, change.id);
  return repo.withTeamsLocked(db, teams, async (tx) => {
    if ((await repo.roleOf(tx, actor.id)) !== 'admin') return NO_LONGER_ADMIN;
    const teamsNow = await repo.teamIdsOf(tx, change.id);
    if (teamsNow.some((t) => !teams.includes(t))) return TEAMS_CHANGED;
    if (teamsNow.some((t) => !actor.teams.includes(t))) return IN_OTHER_TEAMS;
    const now = await repo.accessOf(tx, change.id);
    if (!now) return TEAMS_CHANGED;
    const role = change.role ?? (now.role as Role);
    const partner = role === 'voluntary_partner';
    if (change.providerId !== undefined && !partner) return NOT_PARTNER_NOW;
    const providerId = partner ? (change.providerId ?? now.providerId) : null;
    if (providerId === null && partner) {
      return unknownProvider('Choose the organisation they work for from the provider directory');
    }
    let provider = now.provider;
    if (providerId !== null && providerId !== now.providerId) {
      const found = await findProvider(tx, providerId);
      if (!found) return unknownProvider('Choose a provider that is in the directory');
      provider = found.name;
    }

    if (role === now.role && providerId === now.providerId) return { ok: true };
    if (role !== now.role && now.role === 'admin') {
      const orphaned = await repo.teamsOnlyAdministeredBy(tx, change.id, teamsNow);
      if (orphaned.length > 0) return lastAdministrator(orphaned);
    }
    if (role !== now.role) {
      const unchaired = await teamsLeftWithoutChair(tx, teamsNow, { id: change.id, role });
      if (unchaired.length > 0) return lastChair(unchaired);
    }
    await repo.setAccess(tx, change.id, { role, providerId });
    // A mark to chair would come back with a later role that may; it is given again instead.
    if (!roleMayChair(role)) await repo.stopChairing(tx, change.id);
    const audit = (action: 'member.role' | 'member.provider', detail: Record<string, unknown>) =>
      recordAudit(tx, {
        userId: actor.id,
        action,
        entityType: 'user',
        entityId: change.id,
        detail,
      });
    if (role !== now.role) await audit('member.role', { from: now.role, to: role });
    if (providerId !== now.providerId) {
      await audit('member.provider', {
        from: now.providerId === null ? null : { id: now.providerId, name: now.provider },
        to: providerId === null ? null : { id: providerId, name: provider },
      });
    }
    return { ok: true };
  });
}

/**
 * Gives the member a new role, audited; a partner's comes with the provider they work for, and
 * a former partner's link is cleared.
 */
export function changeRole(
  db: Db,
  actor: { id: string; teams: string[] },
  member: { id: string; to: Role; providerId?: string },
): Promise<Outcome<object>> {
  return changeAccess(db, actor, { id: member.id, role: member.to, providerId: member.providerId });
}

/** Links a partner to another provider in the directory, audited. */
export function changeProvider(
  db: Db,
  actor: { id: string; teams: string[] },
  member: { id: string; providerId: string },
): Promise<Outcome<object>> {
  return changeAccess(db, actor, member);
}

/** Takes the member out of one team, audited. */
export async function removeMember(
  db: Db,
  actorId: string,
  memberId: string,
  neighbourhoodId: string,
): Promise<Outcome<object>> {
  return repo.withTeamsLocked(db, [neighbourhoodId], async (tx) => {
    if ((await repo.roleOf(tx, actorId)) !== 'admin') return NO_LONGER_ADMIN;
    const orphaned = await repo.teamsOnlyAdministeredBy(tx, memberId, [neighbourhoodId]);
    if (orphaned.length > 0) return lastAdministrator(orphaned);
    const unchaired = await teamsLeftWithoutChair(tx, [neighbourhoodId], {
      id: memberId,
      leaves: neighbourhoodId,
    });
    if (unchaired.length > 0) return lastChair(unchaired);
    await repo.removeMembership(tx, neighbourhoodId, memberId);
    await recordAudit(tx, {
      userId: actorId,
      action: 'member.remove',
      entityType: 'user',
      entityId: memberId,
      detail: { neighbourhoodId },
    });
    return { ok: true };
  });
}

/** Lets the member chair one team's meetings, or stops them, audited; never its last chair. */
export async function setChairing(
  db: Db,
  actorId: string,
  change: { id: string; neighbourhoodId: string; canChair: boolean },
): Promise<Outcome<object>> {
  const { id, neighbourhoodId, canChair } = change;
  return repo.withTeamsLocked(db, [neighbourhoodId], async (tx) => {
    if ((await repo.roleOf(tx, actorId)) !== 'admin') return NO_LONGER_ADMIN;
    if (!canChair) {
      const unchaired = await teamsLeftWithoutChair(tx, [neighbourhoodId], {
        id,
        chair: { neighbourhoodId, canChair },
      });
      if (unchaired.length > 0) return lastChair(unchaired);
    }
    await repo.setCanChair(tx, neighbourhoodId, id, canChair);
    await recordAudit(tx, {
      userId: actorId,
      action: 'member.chair',
      entityType: 'user',
      entityId: id,
      detail: { neighbourhoodId, canChair },
    });
    return { ok: true };
  });
}
