import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { createDb, schema, type Database } from '@careweave/db';
import { createDocumentStore } from './documents.js';

const adminUrl = process.env.TEST_DATABASE_URL;
const DOC = 'plan:00000000-0000-4000-8000-00000000000a:shared';

/** A fresh database: Postgres under TEST_DATABASE_URL, else PGlite in a temporary folder. */
async function freshDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
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

describe(`the document store (${adminUrl ? 'postgres' : 'pglite'})`, () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;

  beforeAll(async () => {
    fresh = await freshDatabase();
    await fresh.database.migrate();
  }, 60_000);
  afterAll(() => fresh?.drop());

  it('loses nothing when writers append while compaction runs, and logs each update once', async () => {
    const store = createDocumentStore(fresh.database.db);
    const writers = 4;
    const updatesEach = 30;
    const expected: string[] = [];

    const writer = async (w: number) => {
      const doc = new Y.Doc();
      for (let i = 0; i < updatesEach; i++) {
        const word = `w${w}u${i} `;
        expected.push(word);
        const before = Y.encodeStateVector(doc);
        doc.getText('t').insert(0, word);
        const update = Y.encodeStateAsUpdate(doc, before);
        await store.append([{ documentName: DOC, entries: [{ update, authorId: null }] }]);
      }
    };
    let writing = true;
    const compactor = async () => {
      let compactions = 0;
      while (writing || compactions === 0) {
        await store.compact(DOC);
        compactions++;
      }
      return compactions;
    };

    const compacting = compactor();
    await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
    writing = false;
    expect(await compacting).toBeGreaterThan(0);

    const stored = await store.load(DOC);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    const text = doc.getText('t').toString();
    for (const word of expected) expect(text).toContain(word);
    expect(text.length).toBe(expected.join('').length);

    const [{ rows }] = await fresh.database.db
      .select({ rows: count() })
      .from(schema.documentUpdates)
      .where(eq(schema.documentUpdates.documentName, DOC));
    expect(rows).toBe(writers * updatesEach);
  });
});
