import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/** Which database the servers under test run on: Postgres when TEST_DATABASE_URL is set, else PGlite. */
export const databaseBackend: 'postgres' | 'pglite' = process.env.TEST_DATABASE_URL
  ? 'postgres'
  : 'pglite';

/** A database of one test server's own, kept across restarts and removed at teardown. */
export interface TestDatabase {
  backend: 'postgres' | 'pglite';
  /** Environment that points the server at this database. */
  env: Record<string, string>;
  /** Extra command-line arguments the server needs for it. */
  args: string[];
  drop(): Promise<void>;
}

/** Creates a fresh, empty database so no test sees another's data. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  return adminUrl ? createPostgresDatabase(adminUrl) : createPgliteDirectory();
}

/**
 * A fresh Postgres database, even in a PGlite run: several server processes can share
 * Postgres, never one PGlite folder. Uses TEST_DATABASE_URL, else the local server.
 */
export function createSharedPostgresDatabase(): Promise<TestDatabase> {
  return createPostgresDatabase(
    process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
}

async function createPostgresDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `careweave_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    backend: 'postgres',
    // The demo team is seeded on Postgres only when asked (DESIGN §6).
    env: { DATABASE_URL: url.toString() },
    args: ['--seed-demo'],
    async drop() {
      const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        // FORCE: a SIGKILLed server may leave connections the database has not noticed yet.
        await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await sql.end();
      }
    },
  };
}

async function createPgliteDirectory(): Promise<TestDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'careweave-test-'));
  return {
    backend: 'pglite',
    env: { DATA_DIR: dir },
    args: [],
    async drop() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}
