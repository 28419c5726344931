import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, type Db } from '@careweave/db';
import { freshDatabase, type FreshDatabase } from './fresh-database.js';
import { findVersion, insertVersion, listVersions } from './versions.js';
import { listAudit, recordAudit } from './audit.js';

const adminUrl = process.env.TEST_DATABASE_URL;

describe(`storing a signed-off version (${adminUrl ? 'postgres' : 'pglite'})`, () => {
  let fresh: FreshDatabase;
  let db: Db;
  let team: string;
  let chair: string;
  let planId: string;

  beforeAll(async () => {
    fresh = await freshDatabase(adminUrl);
    db = fresh.database.db;
    const [heatons] = await db
      .insert(schema.neighbourhoods)
      .values({ name: 'Heatons' })
      .returning();
    const [gp] = await db
      .insert(schema.users)
      .values({ email: 'chair@example.test', name: 'Chair', role: 'gp_lead', passwordHash: '-' })
      .returning();
    await db.insert(schema.teamMembers).values({ neighbourhoodId: heatons!.id, userId: gp!.id });
    const [person] = await db
      .insert(schema.people)
      .values({
        nhsNumber: '9990001006',
        givenName: 'Hetty',
        familyName: 'Example',
        dateOfBirth: '1950-01-01',
        pathway: 'Recovery',
        neighbourhoodId: heatons!.id,
      })
      .returning();
    const [plan] = await db.insert(schema.carePlans).values({ personId: person!.id }).returning();
    [team, chair, planId] = [heatons!.id, gp!.id, plan!.id];
  }, 60_000);
  afterAll(() => fresh?.drop());

  const store = (label: string, withVersion: (tx: Db, id: string) => Promise<void>) =>
    insertVersion(
      db,
      { planId, label, signedBy: chair },
      [{ name: `plan:${planId}:shared`, state: new Uint8Array([0, 0]) }],
      { withVersion },
    );

  it('keeps the version, its documents and what is recorded with it together', async () => {
    const row = await store('Agreed', (tx, versionId) =>
      recordAudit(tx, {
        userId: chair,
        action: 'plan.sign-off',
        entityType: 'care_plan',
        entityId: planId,
        detail: { versionId },
      }),
    );
    expect((await findVersion(db, planId, row!.id))?.documents).toHaveLength(1);
    const [audited] = await listAudit(db, { neighbourhoodIds: [team], limit: 1 });
    expect(audited?.detail).toEqual({ versionId: row!.id });
  });

  it('keeps none of it when recording with it fails', async () => {
    const before = await listVersions(db, planId);
    await expect(
      store('Interrupted', () => Promise.reject(new Error('the connection dropped'))),
    ).rejects.toThrow('the connection dropped');
    expect(await listVersions(db, planId)).toEqual(before);
  });
});
