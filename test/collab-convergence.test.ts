import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fragmentText, sharedPlanDocument, whatMattersToMe } from '@careweave/shared';
import { connect, firstPlanId, login, synced, waitFor } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { startServer, type TestServer } from './support/server.js';

/** Appends one paragraph, the way the Tiptap editor stores a block. */
function appendParagraph(fragment: Y.XmlFragment, text: string) {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  fragment.insert(fragment.length, [paragraph]);
}

describe(`live co-editing over y-websocket (${databaseBackend})`, () => {
  let server: TestServer;
  let docName: string;
  let gpCookie: string;
  let nurseCookie: string;

  beforeAll(async () => {
    server = await startServer();
    gpCookie = await login(server.url, 'gp@demo.test');
    nurseCookie = await login(server.url, 'nurse@demo.test');
    docName = sharedPlanDocument(await firstPlanId(server.url, gpCookie));
  });

  it('converges when the GP and the nurse type into the same text at once', async () => {
    const gp = connect(server.wsUrl, docName, gpCookie);
    const nurse = connect(server.wsUrl, docName, nurseCookie);
    await Promise.all([synced(gp), synced(nurse)]);
    const gpText = gp.doc.getText('probe');
    const nurseText = nurse.doc.getText('probe');

    // Same tick, same position: neither has seen the other's edit yet.
    gpText.insert(0, 'GP: review medicines. ');
    nurseText.insert(0, 'Nurse: check feet. ');

    await waitFor(
      () => gpText.toString() === nurseText.toString() && gpText.length > 25,
      'both clients to hold both edits',
    );
    expect(gpText.toString()).toContain('GP: review medicines. ');
    expect(gpText.toString()).toContain('Nurse: check feet. ');
  });

  it('converges on concurrent paragraphs in "What matters to me"', async () => {
    const gp = connect(server.wsUrl, docName, gpCookie);
    const nurse = connect(server.wsUrl, docName, nurseCookie);
    await Promise.all([synced(gp), synced(nurse)]);

    appendParagraph(whatMattersToMe(gp.doc), 'Walking to the shops on my own');
    appendParagraph(whatMattersToMe(nurse.doc), 'Seeing my grandchildren every Sunday');

    const textOf = (doc: Y.Doc) => fragmentText(whatMattersToMe(doc));
    await waitFor(
      () =>
        textOf(gp.doc) === textOf(nurse.doc) &&
        textOf(gp.doc).includes('Walking') &&
        textOf(gp.doc).includes('grandchildren'),
      'both clients to hold both paragraphs',
    );
    expect(textOf(nurse.doc)).toContain('Walking to the shops on my own');
    expect(textOf(nurse.doc)).toContain('Seeing my grandchildren every Sunday');
  });

  it('gives a late joiner the full state of the document', async () => {
    const gp = connect(server.wsUrl, docName, gpCookie);
    await synced(gp);
    gp.doc.getText('late').insert(0, 'Written before the navigator arrived');
    appendParagraph(whatMattersToMe(gp.doc), 'Getting back to the allotment');

    const navigatorCookie = await login(server.url, 'navigator@demo.test');
    const navigator = connect(server.wsUrl, docName, navigatorCookie);
    await synced(navigator);
    await waitFor(
      () =>
        navigator.doc.getText('late').toString() === 'Written before the navigator arrived' &&
        fragmentText(whatMattersToMe(navigator.doc)).includes('Getting back to the allotment'),
      'the late joiner to receive earlier edits',
    );
    // Everything the GP holds, not just the latest edits.
    expect(Y.decodeStateVector(Y.encodeStateVector(navigator.doc))).toEqual(
      Y.decodeStateVector(Y.encodeStateVector(gp.doc)),
    );
  });

  it('carries messages over 64 KiB whole, live and to a late joiner', async () => {
    // Past 65,535 bytes a WebSocket frame switches to a 64-bit length.
    const gp = connect(server.wsUrl, docName, gpCookie);
    const nurse = connect(server.wsUrl, docName, nurseCookie);
    await Promise.all([synced(gp), synced(nurse)]);
    const letter = 'Discharge letter pasted in full. '.repeat(3000);
    gp.doc.getText('pasted').insert(0, letter);
    await waitFor(
      () => nurse.doc.getText('pasted').length === letter.length,
      'the pasted letter to reach the nurse',
    );
    expect(nurse.doc.getText('pasted').toString()).toBe(letter);

    const late = connect(server.wsUrl, docName, await login(server.url, 'navigator@demo.test'));
    await synced(late);
    expect(late.doc.getText('pasted').toString()).toBe(letter);
  });
});
