import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, type Db } from '@careweave/db';
import { freshDatabase, type FreshDatabase } from './fresh-database.js';
import { listAudit, recordAudit } from './audit.js';

const adminUrl = process.env.TEST_DATABASE_URL;

/** Two neighbourhood teams, each with a nurse and a person; one GP sits in both. */
async function twoTeams(db: Db) {
  const [heatons, marple] = await db
    .insert(schema.neighbourhoods)
    .values([{ name: 'Heatons' }, { name: 'Marple' }])
    .returning();
  const [heatonsNurse, marpleNurse, sharedGp] = await db
    .insert(schema.users)
    .values(
      ['Heatons nurse', 'Marple nurse', 'Shared GP'].map((name, i) => ({
        email: `user${i}@example.test`,
        name,
        role: i === 2 ? 'gp' : 'nurse',
        passwordHash: 'not used',
      })),
    )
    .returning();
  await db.insert(schema.teamMembers).values([
    { neighbourhoodId: heatons!.id, userId: heatonsNurse!.id },
    { neighbourhoodId: marple!.id, userId: marpleNurse!.id },
    { neighbourhoodId: heatons!.id, userId: sharedGp!.id },
    { neighbourhoodId: marple!.id, userId: sharedGp!.id },
  ]);
  const [heatonsPerson, marplePerson] = await db
    .insert(schema.people)
    .values(
      [
        { nhsNumber: '9990001006', givenName: 'Hetty', neighbourhoodId: heatons!.id },
        { nhsNumber: '9990001014', givenName: 'Mabel', neighbourhoodId: marple!.id },
      ].map((p) => ({
        ...p,
        familyName: 'Example',
        dateOfBirth: '1950-01-01',
        pathway: 'Recovery',
      })),
    )
    .returning();
  const [heatonsPlan, marplePlan] = await db
    .insert(schema.carePlans)
    .values([{ personId: heatonsPerson!.id }, { personId: marplePerson!.id }])
    .returning();
  return {
    heatons: heatons!,
    marple: marple!,
    heatonsNurse: heatonsNurse!,
    marpleNurse: marpleNurse!,
    sharedGp: sharedGp!,
    heatonsPerson: heatonsPerson!,
    heatonsPlan: heatonsPlan!,
    marplePlan: marplePlan!,
  };
}

describe(`the audit trail of one team among several (${adminUrl ? 'postgres' : 'pglite'})`, () => {
  let fresh: FreshDatabase;
  let db: Db;
  let t: Awaited<ReturnType<typeof twoTeams>>;

  beforeAll(async () => {
    fresh = await freshDatabase(adminUrl);
    db = fresh.database.db;
    t = await twoTeams(db);
    const events: Parameters<typeof recordAudit>[1][] = [
      {
        userId: t.heatonsNurse.id,
        action: 'login',
        entityType: 'user',
        entityId: t.heatonsNurse.id,
      },
      { userId: t.marpleNurse.id, action: 'login', entityType: 'user', entityId: t.marpleNurse.id },
      {
        userId: t.heatonsNurse.id,
        action: 'plan.open',
        entityType: 'care_plan',
        entityId: t.heatonsPlan.id,
      },
      {
        userId: t.marpleNurse.id,
        action: 'plan.open',
        entityType: 'care_plan',
        entityId: t.marplePlan.id,
      },
      // Someone outside the team acting on the team's person.
      {
        userId: t.marpleNurse.id,
        action: 'person.update',
        entityType: 'person',
        entityId: t.heatonsPerson.id,
      },
      // A member of both teams, on the other team's person.
      {
        userId: t.sharedGp.id,
        action: 'plan.open',
        entityType: 'care_plan',
        entityId: t.marplePlan.id,
      },
    ];
    for (const event of events) await recordAudit(db, event);
  }, 60_000);
  afterAll(() => fresh?.drop());

  const trailOf = async (neighbourhoodId: string) =>
    (await listAudit(db, { neighbourhoodIds: [neighbourhoodId], limit: 100 }))
      .reverse()
      .map((row) => [
        row.userName,
        row.action,
        row.personGivenName ? `${row.personGivenName} ${row.personFamilyName}` : null,
      ]);

  it("holds the team's members' actions and anything done to its people, naming only its people", async () => {
    expect(await trailOf(t.heatons.id)).toEqual([
      ['Heatons nurse', 'login', null],
      ['Heatons nurse', 'plan.open', 'Hetty Example'],
      ['Marple nurse', 'person.update', 'Hetty Example'],
      ['Shared GP', 'plan.open', null],
    ]);
    expect(await trailOf(t.marple.id)).toEqual([
      ['Marple nurse', 'login', null],
      ['Marple nurse', 'plan.open', 'Mabel Example'],
      ['Marple nurse', 'person.update', null],
      ['Shared GP', 'plan.open', 'Mabel Example'],
    ]);
  });

  it("reads one plan's trail only within the team", async () => {
    const forPlan = (neighbourhoodId: string, planId: string) =>
      listAudit(db, { neighbourhoodIds: [neighbourhoodId], planId, limit: 100 });
    expect((await forPlan(t.heatons.id, t.heatonsPlan.id)).map((r) => r.action).reverse()).toEqual([
      'plan.open',
      'person.update',
    ]);
    // The shared GP's opening shows, but not whose plan it was.
    expect(await forPlan(t.heatons.id, t.marplePlan.id)).toEqual([
      expect.objectContaining({ userName: 'Shared GP', personGivenName: null }),
    ]);
  });
});
