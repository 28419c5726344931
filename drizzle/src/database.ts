import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema.js';

/** Drizzle over either driver: both speak the same schema and SQL. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  /** `embedded` is PGlite in a folder; `postgres` is a server given by URL. */
  kind: 'embedded' | 'postgres';
  /** Applies every migration not yet applied. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A Postgres URL; without one, PGlite stores its data in `dataDir`. */
  url?: string | undefined;
  dataDir?: string;
}

const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

/** Opens the one database connection pool a process uses. */
export async function createDb({
  url,
  dataDir = '.data',
}: DatabaseOptions = {}): Promise<Database> {
  if (url) {
    const client = postgres(url, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema });
    return {
      db: db as unknown as Db,
      kind: 'postgres',
      migrate: () => migratePostgres(db, { migrationsFolder }),
      close: () => client.end({ timeout: 5 }),
    };
  }
  await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite(client, { schema });
  return {
    db: db as unknown as Db,
    kind: 'embedded',
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
  };
}
