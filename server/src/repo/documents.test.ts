import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { schema } from '@careweave/db';
import { applyStored } from '../collab/store.js';
import { appendLogged, createDocumentStore } from './documents.js';
import { freshDatabase, type FreshDatabase } from './fresh-database.js';

const adminUrl = process.env.TEST_DATABASE_URL;
/** Where a test that needs several connections at once finds Postgres, even in a PGlite run. */
const postgresUrl = adminUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DOC = 'plan:00000000-0000-4000-8000-00000000000a:shared';

describe(`the document store (${adminUrl ? 'postgres' : 'pglite'})`, () => {
  let fresh: FreshDatabase;

  beforeAll(async () => {
    fresh = await freshDatabase(adminUrl);
  }, 60_000);
  afterAll(() => fresh?.drop());

  it('loses nothing when writers append while compaction runs, and logs each update once', async () => {
    const store = createDocumentStore(fresh.database.db);
    const writers = 6;
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
        // Each append also carries rows of other documents, as a process's writer does, so
        // that a row's sequence number is drawn a while before its statement commits.
        const others = Array.from({ length: 20 }, (_, k) => ({
          documentName: `${DOC}-other-${k}`,
          entries: [{ update, authorId: null }],
        }));
        await store.append([
          ...others,
          { documentName: DOC, entries: [{ update, authorId: null }] },
        ]);
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

    const doc = new Y.Doc();
    applyStored(doc, await store.load(DOC));
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

describe('compaction beside an append still being committed (postgres)', () => {
  let fresh: FreshDatabase;

  beforeAll(async () => {
    fresh = await freshDatabase(postgresUrl);
  }, 60_000);
  afterAll(() => fresh?.drop());

  it('waits for the append, so the snapshot never folds past a row not yet visible', async () => {
    const db = fresh.database.db;
    const store = createDocumentStore(db);
    const doc = new Y.Doc();
    const edit = (word: string) => {
      const before = Y.encodeStateVector(doc);
      doc.getText('t').insert(doc.getText('t').length, word);
      return [
        {
          documentName: DOC,
          entries: [{ update: Y.encodeStateAsUpdate(doc, before), authorId: null }],
        },
      ];
    };

    let commitSlowAppend!: () => void;
    const held = new Promise<void>((resolve) => (commitSlowAppend = resolve));
    let slowAppendDrawn!: () => void;
    const drawn = new Promise<void>((resolve) => (slowAppendDrawn = resolve));
    // An append that has drawn its sequence number but not yet committed.
    const slowAppend = db.transaction(async (tx) => {
      await appendLogged(tx as unknown as typeof db, edit('first '));
      slowAppendDrawn();
      await held;
    });
    await drawn;
    await store.append(edit('second '));

    let compacted = false;
    const compaction = store.compact(DOC).then(() => (compacted = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(compacted).toBe(false);

    commitSlowAppend();
    await Promise.all([slowAppend, compaction]);
    const loaded = new Y.Doc();
    applyStored(loaded, await store.load(DOC));
    expect(loaded.getText('t').toString()).toBe('first second ');
  });
});
