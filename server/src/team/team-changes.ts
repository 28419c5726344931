import type { Db } from '@careweave/db';
import type { Role } from '@careweave/shared';
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

function lastAdministrator(teams: string[]) {
  const error = `This would leave ${teams.join(' and ')} without an administrator. Add another administrator there first.`;
  return { ok: false, status: 409, error } as const;
}

/** Gives the member a new role (in all their teams), audited. */
export async function changeRole(
  db: Db,
  actorId: string,
  member: { id: string; from: string; to: Role },
): Promise<Outcome<object>> {
  const teams = await repo.teamIdsOf(db, member.id);
  return repo.withTeamsLocked(db, teams, async (tx) => {
    if ((await repo.roleOf(tx, actorId)) !== 'admin') return NO_LONGER_ADMIN;
    if (member.from === 'admin' && member.to !== 'admin') {
      const orphaned = await repo.teamsOnlyAdministeredBy(tx, member.id, teams);
      if (orphaned.length > 0) return lastAdministrator(orphaned);
    }
    await repo.setRole(tx, member.id, member.to);
    await recordAudit(tx, {
      userId: actorId,
      action: 'member.role',
      entityType: 'user',
      entityId: member.id,
      detail: { from: member.from, to: member.to },
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
