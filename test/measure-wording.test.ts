import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson } from './support/api.js';
import { login } from './support/clients.js';
import { databaseBackend } from './support/database.js';
import { startServer } from './support/server.js';

// DESIGN §3: the item wording is licensed, so the product ships numbers and neutral labels only
// and reads the wording from an operator-supplied file (MEASURE_WORDING_FILE) when there is one.
// The strings below are made up: no licensed wording belongs in this repository.

interface Item {
  number: number;
  label: string;
  wording: string | null;
}

const fakeWording = (instrument: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${instrument} test wording ${i + 1}`);

describe(`the licensed item wording file (${databaseBackend})`, () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'careweave-wording-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('shows items by number and a neutral label, with no wording, when there is no file', async () => {
    const server = await startServer();
    const cookie = await login(server.url, 'navigator@demo.test');
    const items = await getJson<Item[]>(
      server.url,
      '/api/measures/items?instrument=SWEMWBS',
      cookie,
    );
    expect(items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(items.every((i) => i.wording === null)).toBe(true);
    expect(items[0]!.label).toMatch(/^Item 1\b/);
    const wemwbs = await getJson<Item[]>(
      server.url,
      '/api/measures/items?instrument=WEMWBS',
      cookie,
    );
    expect(wemwbs).toHaveLength(14);
    expect(wemwbs.every((i) => i.wording === null)).toBe(true);
  });

  it('serves the operator’s wording when the file is configured', async () => {
    const file = join(dir, 'wording.json');
    await writeFile(
      file,
      JSON.stringify({ WEMWBS: fakeWording('WEMWBS', 14), SWEMWBS: fakeWording('SWEMWBS', 7) }),
    );
    const server = await startServer({ env: { MEASURE_WORDING_FILE: file } });
    const cookie = await login(server.url, 'navigator@demo.test');
    const items = await getJson<Item[]>(
      server.url,
      '/api/measures/items?instrument=SWEMWBS',
      cookie,
    );
    expect(items.map((i) => i.wording)).toEqual(fakeWording('SWEMWBS', 7));
    const wemwbs = await getJson<Item[]>(
      server.url,
      '/api/measures/items?instrument=WEMWBS',
      cookie,
    );
    expect(wemwbs.map((i) => i.wording)).toEqual(fakeWording('WEMWBS', 14));
  });

  it('refuses to start, naming the setting, on a missing or malformed file', async () => {
    const wrongCount = join(dir, 'short.json');
    await writeFile(
      wrongCount,
      JSON.stringify({ WEMWBS: fakeWording('WEMWBS', 13), SWEMWBS: fakeWording('SWEMWBS', 7) }),
    );
    const notJson = join(dir, 'broken.json');
    await writeFile(notJson, '{"WEMWBS": [');
    for (const file of [join(dir, 'absent.json'), wrongCount, notJson]) {
      await expect(startServer({ env: { MEASURE_WORDING_FILE: file } }), file).rejects.toThrow(
        /MEASURE_WORDING_FILE/,
      );
    }
  });
});
