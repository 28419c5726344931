import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, type Db } from '@careweave/db';
import { freshDatabase, type FreshDatabase } from '../repo/fresh-database.js';
import { accessOf, roleOf } from '../repo/team.js';
import { changeProvider, changeRole } from './team-changes.js';

const adminUrl = process.env.TEST_DATABASE_URL;

describe(`changing a member's role (${adminUrl ? 'postgres' : 'pglite'})`, () => {
  let fresh: FreshDatabase;
  let db: Db;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    fresh = await freshDatabase(adminUrl);
    db = fresh.database.db;
    const teams = await db
      .insert(schema.neighbourhoods)
      .values([{ name: 'Heatons & Tame Valley' }, { name: 'Marple & Werneth' }])
      .returning({ id: schema.neighbourhoods.id });
    [ids.heatons, ids.marple] = teams.map((t) => t.id);
    const people = await db
      .insert(schema.users)
      .values(
        ['heatons.admin', 'marple.admin', 'shared.nurse'].map((who) => ({
          email: `${who}@example.test`,
          name: who,
          role: who.endsWith('admin') ? 'admin' : 'nurse',
          passwordHash: 'x',
        })),
      )
      .returning({ id: schema.users.id });
    [ids.heatonsAdmin, ids.marpleAdmin, ids.nurse] = people.map((p) => p.id);
    await db.insert(schema.teamMembers).values([
      { neighbourhoodId: ids.heatons!, userId: ids.heatonsAdmin! },
      { neighbourhoodId: ids.marple!, userId: ids.marpleAdmin! },
      { neighbourhoodId: ids.heatons!, userId: ids.nurse! },
      { neighbourhoodId: ids.marple!, userId: ids.nurse! },
    ]);
  }, 60_000);
  afterAll(() => fresh?.drop());

  it('leaves a role held in another team to an administrator of every team the member is in', async () => {
    const heatonsAdmin = { id: ids.heatonsAdmin!, teams: [ids.heatons!] };
    const refused = await changeRole(db, heatonsAdmin, { id: ids.nurse!, to: 'admin' });
    expect(refused).toMatchObject({ ok: false, status: 403 });
    expect(await roleOf(db, ids.nurse!)).toBe('nurse');

    await db
      .insert(schema.teamMembers)
      .values({ neighbourhoodId: ids.marple!, userId: ids.heatonsAdmin! });
    const both = { id: ids.heatonsAdmin!, teams: [ids.heatons!, ids.marple!] };
    expect(await changeRole(db, both, { id: ids.nurse!, to: 'admin' })).toEqual({ ok: true });
    expect(await roleOf(db, ids.nurse!)).toBe('admin');
  });

  it('links a partner in two teams to another provider only at the hand of an administrator of both', async () => {
    const [tame, money] = await db
      .insert(schema.providers)
      .values([
        { name: 'Tame Valley Peer Support', description: '' },
        { name: 'Heatons Money Advice', description: '' },
      ])
      .returning({ id: schema.providers.id });
    const [partner] = await db
      .insert(schema.users)
      .values({
        email: 'shared.partner@example.test',
        name: 'shared.partner',
        role: 'voluntary_partner',
        providerId: tame!.id,
        passwordHash: 'x',
      })
      .returning({ id: schema.users.id });
    await db.insert(schema.teamMembers).values([
      { neighbourhoodId: ids.heatons!, userId: partner!.id },
      { neighbourhoodId: ids.marple!, userId: partner!.id },
    ]);
    const marpleOnly = { id: ids.marpleAdmin!, teams: [ids.marple!] };
    const refused = await changeProvider(db, marpleOnly, {
      id: partner!.id,
      providerId: money!.id,
    });
    expect(refused).toMatchObject({ ok: false, status: 403 });
    expect((await accessOf(db, partner!.id))?.providerId).toBe(tame!.id);

    const both = { id: ids.heatonsAdmin!, teams: [ids.heatons!, ids.marple!] };
    expect(await changeProvider(db, both, { id: partner!.id, providerId: money!.id })).toEqual({
      ok: true,
    });
    expect(await accessOf(db, partner!.id)).toEqual({
      role: 'voluntary_partner',
      providerId: money!.id,
      provider: 'Heatons Money Advice',
    });
    // No longer a partner: no provider either.
    expect(await changeRole(db, both, { id: partner!.id, to: 'care_navigator' })).toEqual({
      ok: true,
    });
    expect(await accessOf(db, partner!.id)).toMatchObject({ providerId: null, provider: null });
  });
});
