import * as Y from 'yjs';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { CloseCode, fragmentText, sharedPlanDocument, whatMattersToMe } from '@careweave/shared';
import type { WebsocketProvider } from 'y-websocket';
import { me, send } from './support/api.js';
import {
  closeCodeOf,
  connect,
  destroy,
  firstMessage,
  firstPlanId,
  login,
  openRaw,
  postLogin,
  synced,
  waitFor,
} from './support/clients.js';
import { createSharedPostgresDatabase, type TestDatabase } from './support/database.js';
import { addPerson } from './support/outcomes.js';
import { startServer, type TestServer } from './support/server.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Two server processes on one Postgres database and one Redis; the first seeds the demo team. */
async function twoProcesses(
  database: TestDatabase,
  extraEnv: Record<string, string> = {},
): Promise<[TestServer, TestServer]> {
  const env = { REDIS_URL, ...extraEnv };
  const a = await startServer({ database, env });
  const b = await startServer({ database, env });
  return [a, b];
}

/** Types `sentence` a key at a time into a new paragraph of "What matters to me". */
function type(client: WebsocketProvider, sentence: string) {
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  whatMattersToMe(client.doc).insert(0, [paragraph]);
  for (const [i, key] of [...sentence].entries()) text.insert(i, key);
}

const textOf = (client: WebsocketProvider) => fragmentText(whatMattersToMe(client.doc));

/** Every logged row of a document, with its author, straight from Postgres. */
async function loggedRows(database: TestDatabase, docName: string) {
  const sql = postgres(database.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ update: Buffer; author_id: string | null }[]>`
      select "update", author_id from document_updates where document_name = ${docName} order by seq`;
    return rows.map((r) => ({ update: new Uint8Array(r.update), authorId: r.author_id }));
  } finally {
    await sql.end();
  }
}

/** For each Yjs client, the clock ranges of the items each row holds. */
function itemRanges(rows: { update: Uint8Array; authorId: string | null }[]) {
  const ranges = new Map<number, { from: number; to: number; authorId: string | null }[]>();
  for (const row of rows) {
    for (const struct of Y.decodeUpdate(row.update).structs) {
      const list = ranges.get(struct.id.client) ?? [];
      list.push({
        from: struct.id.clock,
        to: struct.id.clock + struct.length,
        authorId: row.authorId,
      });
      ranges.set(struct.id.client, list);
    }
  }
  return ranges;
}

describe('several server processes on one Postgres and Redis', () => {
  it('converges clients on different processes, shares carets and logs each update once', async () => {
    const database = await createSharedPostgresDatabase();
    try {
      const [a, b] = await twoProcesses(database);
      const gpCookie = await login(a.url, 'gp@demo.test');
      const nurseCookie = await login(b.url, 'nurse@demo.test');
      const docName = sharedPlanDocument(await firstPlanId(a.url, gpCookie));

      const gp = connect(a.wsUrl, docName, gpCookie);
      const nurse = connect(b.wsUrl, docName, nurseCookie);
      await Promise.all([synced(gp), synced(nurse)]);

      type(gp, 'I want to walk to the park by spring.');
      type(nurse, 'Check my inhaler technique.');
      await waitFor(
        () =>
          textOf(gp) === textOf(nurse) &&
          textOf(gp).includes('walk to the park by spring.') &&
          textOf(gp).includes('inhaler technique.'),
        'both processes to hold both sentences',
      );

      // The caret crosses too, named by the server that admitted the GP.
      gp.awareness.setLocalStateField('cursor', { anchor: 1 });
      const gpName = (await me(a.url, gpCookie)).name;
      await waitFor(() => {
        const state = nurse.awareness.getStates().get(gp.doc.clientID) as
          { user?: { name?: string }; cursor?: unknown } | undefined;
        return state?.user?.name === gpName && state.cursor !== undefined;
      }, "the GP's caret to reach the nurse through the other process");

      // Every item each client typed is in the log exactly once, under its author.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const ranges = itemRanges(await loggedRows(database, docName));
      const gpId = (await me(a.url, gpCookie)).id;
      const nurseId = (await me(b.url, nurseCookie)).id;
      const typedUpTo = Y.decodeStateVector(Y.encodeStateVector(gp.doc));
      for (const [client, authorId] of [
        [gp.doc.clientID, gpId],
        [nurse.doc.clientID, nurseId],
      ] as const) {
        const logged = (ranges.get(client) ?? []).sort((x, y) => x.from - y.from);
        let clock = 0;
        for (const range of logged) {
          expect(range.from, `client ${client}: no item logged twice`).toBe(clock);
          expect(range.authorId).toBe(authorId);
          clock = range.to;
        }
        expect(clock, `client ${client}: every item logged`).toBe(typedUpTo.get(client));
      }

      destroy(gp);
      destroy(nurse);
      await Promise.all([a.stop(), b.stop()]);
    } finally {
      await database.drop();
    }
  });

  it('loses nothing the other process had broadcast when one is killed', async () => {
    const database = await createSharedPostgresDatabase();
    try {
      const [a, b] = await twoProcesses(database);
      const gpCookie = await login(a.url, 'gp@demo.test');
      const nurseCookie = await login(b.url, 'nurse@demo.test');
      const docName = sharedPlanDocument(await firstPlanId(a.url, gpCookie));
      const sentence = 'Ask the pharmacist about my morning tablets.';

      const gp = connect(a.wsUrl, docName, gpCookie);
      const nurse = connect(b.wsUrl, docName, nurseCookie);
      await Promise.all([synced(gp), synced(nurse)]);
      type(gp, sentence);
      await waitFor(() => textOf(nurse).includes(sentence), 'the nurse to see the sentence');

      // The GP's process dies at once; neither client may send anything again.
      await a.kill('SIGKILL');
      destroy(gp);
      destroy(nurse);
      // The other process dies too, so only what is in Postgres can answer.
      await b.kill('SIGKILL');
      await b.restart();

      const reader = connect(b.wsUrl, docName, await login(b.url, 'navigator@demo.test'));
      await synced(reader);
      expect(textOf(reader)).toContain(sentence);
      destroy(reader);
      await Promise.all([a.stop(), b.stop()]);
    } finally {
      await database.drop();
    }
  });

  it('closes documents open on one process at once when consent is withdrawn or a user signs out on the other', async () => {
    const database = await createSharedPostgresDatabase();
    try {
      // Heartbeats far apart: only the announcement can close the sockets in time.
      const [a, b] = await twoProcesses(database, { HEARTBEAT_MS: '60000' });
      const navigatorCookie = await login(a.url, 'navigator@demo.test');
      const person = await addPerson(a.url, navigatorCookie, 'Prevention', { consent: true });
      const docName = sharedPlanDocument(person.planId);
      const partnerCookie = await login(b.url, 'partner@demo.test');
      const nurseCookie = await login(b.url, 'nurse@demo.test');
      const [partner, nurse] = [partnerCookie, nurseCookie].map((cookie) =>
        openRaw(b.wsUrl, docName, { cookie }),
      );
      await Promise.all([firstMessage(partner!), firstMessage(nurse!)]);

      const partnerClosed = closeCodeOf(partner!, 5_000);
      const withdrawn = await send(a.url, 'PATCH', `/api/people/${person.id}`, navigatorCookie, {
        consentToShare: false,
      });
      expect(withdrawn.status).toBe(200);
      expect(await partnerClosed).toEqual({
        code: CloseCode.Forbidden,
        reason: 'Your access to this document has changed',
      });
      expect(nurse!.readyState).toBe(nurse!.OPEN);

      const nurseClosed = closeCodeOf(nurse!, 5_000);
      const out = await fetch(`${a.url}/api/auth/logout`, {
        method: 'POST',
        headers: { cookie: nurseCookie },
      });
      expect(out.status).toBe(200);
      expect(await nurseClosed).toEqual({
        code: CloseCode.Unauthorized,
        reason: 'Your session has ended: sign in again',
      });
      await Promise.all([a.stop(), b.stop()]);
    } finally {
      await database.drop();
    }
  });

  it('grants an account one allowance of sign-in attempts across the processes', async () => {
    const database = await createSharedPostgresDatabase();
    try {
      const [a, b] = await twoProcesses(database, { LOGIN_ATTEMPTS: '3' });
      const statuses = [];
      for (const server of [a, b, a]) {
        statuses.push((await postLogin(server.url, 'pharmacist@demo.test', 'wrong')).status);
      }
      expect(statuses).toEqual([401, 401, 401]);
      expect((await postLogin(b.url, 'pharmacist@demo.test')).status).toBe(429);
      expect((await postLogin(a.url, 'pharmacist@demo.test')).status).toBe(429);
      await Promise.all([a.stop(), b.stop()]);
    } finally {
      await database.drop();
    }
  });
});
