import { schema, type Db } from '@careweave/db';
import { isValidNhsNumber } from '@careweave/shared';
import { MemoryStore } from '../collab/store.js';
import { Rooms } from '../collab/rooms.js';
import { findUser, type User } from '../repo/users.js';
import type { VersionsService } from '../versions/versions-service.js';
import type { MeetingDeps } from './meeting-context.js';

let issued = 0;

/** Fictitious NHS numbers in the never-issued 999 range that pass the check digit, new each time. */
function nhsNumbers(count: number): string[] {
  const found: string[] = [];
  while (found.length < count) {
    const candidate = `999${String(issued++).padStart(7, '0')}`;
    if (isValidNhsNumber(candidate)) found.push(candidate);
  }
  return found;
}

/** A meeting row as a test needs it, with these cases (by person) on its agenda. */
export interface MeetingSeed {
  startsAt: Date;
  status?: 'scheduled' | 'live' | 'closed';
  startedAt?: Date;
  closedAt?: Date;
  cases?: { personId: string; prepNotes?: string; status?: string; carriedFromCaseId?: string }[];
}

/** What a close test works with: a team whose GP lead chairs, and people with plans. */
export interface CloseFixture {
  deps: MeetingDeps;
  chair: User;
  neighbourhoodId: string;
  personIds: string[];
  /** Inserts a meeting as it is, as older data may hold it; its id. */
  meeting(seed: MeetingSeed): Promise<string>;
  close(): Promise<void>;
}

/** Seeds one neighbourhood team on `db` for testing `closeMeeting` without HTTP. */
export async function closeFixture(db: Db, people = 4): Promise<CloseFixture> {
  const [hood] = await db
    .insert(schema.neighbourhoods)
    .values({ name: `Testbury ${issued}` })
    .returning();
  const [gp] = await db
    .insert(schema.users)
    .values({
      email: `chair${issued}@example.test`,
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
    async meeting({ cases = [], ...row }) {
      const [inserted] = await db
        .insert(schema.meetings)
        .values({ neighbourhoodId: hood!.id, chairId: gp!.id, ...row })
        .returning();
      if (cases.length > 0) {
        await db.insert(schema.meetingCases).values(
          cases.map((c, i) => ({
            ...c,
            meetingId: inserted!.id,
            reason: 'review',
            minutesAllotted: 10,
            position: i + 1,
          })),
        );
      }
      return inserted!.id;
    },
    close: () => rooms.closeAll(),
  };
}
