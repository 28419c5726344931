import type { Db } from '@careweave/db';
import { roleMayChair, type Role } from '@careweave/shared';
import type { Outcome } from '../person-detail.js';
import { recordAudit } from '../repo/audit.js';
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

/**
 * Gives the member a new role, audited. A role is the account's, in all their teams, so only an
 * administrator of every one of those teams may change it; their role and teams are read again
 * under the lock, since either may have changed since the request was read.
 */
export async function changeRole(
  db: Db,
  actor: { id: string; teams: string[] },
  member: { id: string; to: Role },
): Promise<Outcome<object>> {
  const teams = await repo.teamIdsOf(db, member.id);
  return repo.withTeamsLocked(db, teams, async (tx) => {
    if ((await repo.roleOf(tx, actor.id)) !== 'admin') return NO_LONGER_ADMIN;
    const teamsNow = await repo.teamIdsOf(tx, member.id);
    if (teamsNow.some((t) => !teams.includes(t))) return TEAMS_CHANGED;
    if (teamsNow.some((t) => !actor.teams.includes(t))) return IN_OTHER_TEAMS;
    const from = await repo.roleOf(tx, member.id);
    if (from === member.to) return { ok: true };
    if (from === 'admin') {
      const orphaned = await repo.teamsOnlyAdministeredBy(tx, member.id, teamsNow);
      if (orphaned.length > 0) return lastAdministrator(orphaned);
    }
    await repo.setRole(tx, member.id, member.to);
    // A mark to chair would come back with a later role that may; it is given again instead.
    if (!roleMayChair(member.to)) await repo.stopChairing(tx, member.id);
    await recordAudit(tx, {
      userId: actor.id,
      action: 'member.role',
      entityType: 'user',
      entityId: member.id,
      detail: { from, to: member.to },
    });
    return { ok: true };
  });
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
