import { schema, type Db } from '@careweave/db';
import { isValidNhsNumber } from '@careweave/shared';
import { MemoryStore } from '../collab/store.js';
import { Rooms } from '../collab/rooms.js';
import { findUser, type User } from '../repo/users.js';
import type { VersionsService } from '../versions/versions-service.js';
import type { MeetingDeps } from './meeting-context.js';

/** Fictitious NHS numbers in the never-issued 999 range that pass the check digit. */
function nhsNumbers(count: number): string[] {
  const found: string[] = [];
  for (let n = 0; found.length < count; n++) {
    const candidate = `999${String(n).padStart(7, '0')}`;
    if (isValidNhsNumber(candidate)) found.push(candidate);
  }
  return found;
}

/** What a close test works with: a team whose GP lead chairs, and people with plans. */
export interface CloseFixture {
  deps: MeetingDeps;
  chair: User;
  neighbourhoodId: string;
  personIds: string[];
  /** A meeting row as older data may hold it, with these cases (by person) on its agenda. */
  meeting(
    startsAt: Date,
    cases?: { personId: string; prepNotes?: string }[],
    status?: 'scheduled' | 'live' | 'closed',
  ): Promise<string>;
  close(): Promise<void>;
}

/** Seeds one neighbourhood team on `db` for testing `closeMeeting` without HTTP. */
export async function closeFixture(db: Db, people = 4): Promise<CloseFixture> {
  const [hood] = await db.insert(schema.neighbourhoods).values({ name: 'Testbury' }).returning();
  const [gp] = await db
    .insert(schema.users)
    .values({
      email: 'chair@example.test',
      name: 'Dr Test Chair',
      role: 'gp_lead',
      passwordHash: 'not used',
    })
    .returning();
  await db.insert(schema.teamMembers).values({ neighbourhoodId: hood!.id, userId: gp!.id });
  const rows = await db
    .insert(schema.people)
    .values(
      nhsNumbers(people).map((nhsNumber, i) => ({
        nhsNumber,
        givenName: `Person${i + 1}`,
        familyName: 'Example',
        dateOfBirth: '1950-01-01',
        pathway: 'Recovery',
        neighbourhoodId: hood!.id,
      })),
    )
    .returning();
  await db.insert(schema.carePlans).values(rows.map((p) => ({ personId: p.id })));
  const rooms = new Rooms(new MemoryStore(), { idleMs: 20, batchMs: 1 });
  return {
    // Closing a meeting signs nothing off.
    deps: { db, rooms, versions: {} as VersionsService },
    chair: (await findUser(db, gp!.id))!,
    neighbourhoodId: hood!.id,
    personIds: rows.map((p) => p.id),
    async meeting(startsAt, cases = [], status = 'scheduled') {
      const [row] = await db
        .insert(schema.meetings)
        .values({ neighbourhoodId: hood!.id, startsAt, chairId: gp!.id, status })
        .returning();
      if (cases.length > 0) {
        await db.insert(schema.meetingCases).values(
          cases.map((c, i) => ({
            ...c,
            meetingId: row!.id,
            reason: 'review',
            minutesAllotted: 10,
            position: i + 1,
          })),
        );
      }
      return row!.id;
    },
    close: () => rooms.closeAll(),
  };
}
