import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createDb, type Database } from '@careweave/db';

export type FreshDatabase = { database: Database; drop(): Promise<void> };

/** For the server's own tests: a migrated, empty database, Postgres at `adminUrl` or PGlite. */
export async function freshDatabase(adminUrl: string | undefined): Promise<FreshDatabase> {
  const fresh = await createFresh(adminUrl);
  await fresh.database.migrate();
  return fresh;
}

async function createFresh(adminUrl: string | undefined): Promise<FreshDatabase> {
  if (adminUrl) {
    const name = `careweave_store_${randomBytes(6).toString('hex')}`;
    const admin = await createDb({ url: adminUrl });
    await admin.db.execute(sql.raw(`CREATE DATABASE ${name}`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = await createDb({ url: url.toString() });
    return {
      database,
      async drop() {
        await database.close();
        await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
        await admin.close();
      },
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'careweave-store-'));
  const database = await createDb({ dataDir: dir });
  return {
    database,
    async drop() {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
