import { describe, expect, it } from 'vitest';
import { addCondition, clinicalPlanDocument, readConditions } from '@careweave/shared';
import { changesOf, escapeRegExp, getJson, me, sleep, type PlanView } from './support/api.js';
import { connect, destroy, firstPlanId, login, synced, waitFor } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { startServer } from './support/server.js';

const names = (doc: Parameters<typeof readConditions>[0]) => readConditions(doc).map((c) => c.name);

describe(`a read-only connection (${databaseBackend})`, () => {
  for (const reader of ['navigator@demo.test']) {
    it(`drops what ${reader} writes into the clinical document, live and in storage`, async () => {
      const server = await startServer({ env: { ROOM_IDLE_MS: '300' } });
      const gpCookie = await login(server.url, 'gp@demo.test');
      const readerCookie = await login(server.url, reader);
      const [gpMe, readerMe] = await Promise.all([
        me(server.url, gpCookie),
        me(server.url, readerCookie),
      ]);
      const planId = await firstPlanId(server.url, gpCookie);
      const docName = clinicalPlanDocument(planId);

      // The reader is offered the clinical document to read, not to write.
      const plan = await getJson<PlanView>(server.url, `/api/plans/${planId}`, readerCookie);
      expect(plan.documents).toContainEqual(
        expect.objectContaining({ name: docName, access: 'read' }),
      );

      const gp = connect(server.wsUrl, docName, gpCookie);
      const readOnly = connect(server.wsUrl, docName, readerCookie);
      await Promise.all([synced(gp), synced(readOnly)]);

      const forbidden = `Written on a read-only connection by ${readerMe.name}`;
      addCondition(readOnly.doc, { name: forbidden }, readerMe.id);
      // The control: the GP's edit travels, so the room is live in both directions.
      addCondition(gp.doc, { name: 'GP control condition' }, gpMe.id);
      await waitFor(
        () => names(readOnly.doc).includes('GP control condition'),
        'the GP’s edit to reach the read-only client',
      );
      // Give the refused update the time a live one takes, and more.
      await sleep(500);
      expect(names(gp.doc)).not.toContain(forbidden);

      // A client joining now gets the room's state, without the reader's edit.
      const late = connect(server.wsUrl, docName, await login(server.url, 'nurse@demo.test'));
      await synced(late);
      expect(names(late.doc)).toContain('GP control condition');
      expect(names(late.doc)).not.toContain(forbidden);

      // Unload the room so the next client gets what the database holds.
      const unloaded = new RegExp(`room unloaded ${escapeRegExp(docName)}`);
      destroy(gp);
      destroy(readOnly);
      destroy(late);
      await server.waitForOutput(unloaded, 10_000);
      // Counted in the log, naming the document.
      const dropLines = server
        .output()
        .split('\n')
        .filter((line) => /dropped/i.test(line) && line.includes(docName));
      expect(dropLines.length).toBeGreaterThan(0);

      const fresh = connect(server.wsUrl, docName, gpCookie);
      await synced(fresh);
      expect(names(fresh.doc)).toContain('GP control condition');
      expect(names(fresh.doc)).not.toContain(forbidden);

      // Nor does the update log name the reader as an author of anything clinical.
      const { changes } = await changesOf(server.url, gpCookie, planId);
      const clinical = changes.filter((c) => c.document === 'clinical');
      expect(clinical.some((c) => c.authors.some((a) => a.id === gpMe.id))).toBe(true);
      expect(clinical.some((c) => c.authors.some((a) => a.id === readerMe.id))).toBe(false);
      expect(JSON.stringify(changes)).not.toContain(forbidden);
    });
  }
});
