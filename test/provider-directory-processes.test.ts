import { describe, expect, it } from 'vitest';
import { getJson, send } from './support/api.js';
import { login } from './support/clients.js';
import { createSharedPostgresDatabase } from './support/database.js';
import { startServer } from './support/server.js';

describe('the provider directory on two server processes sharing Postgres', () => {
  it('lets one of many concurrent creates of a name through, across the processes', async () => {
    const database = await createSharedPostgresDatabase();
    try {
      const a = await startServer({ database });
      const b = await startServer({ database });
      const cookie = await login(a.url, 'admin@demo.test');
      const spellings = ['Cheadle Heath Repair Cafe', 'cheadle heath repair cafe'];
      const answers = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          send([a, b][i % 2]!.url, 'POST', '/api/providers', cookie, {
            name: spellings[Math.floor(i / 2) % 2],
          }),
        ),
      );
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses).toEqual([201, ...Array<number>(23).fill(409)]);

      const listed = await getJson<{ name: string }[]>(b.url, '/api/providers', cookie);
      const named = listed.filter((p) => p.name.toLowerCase() === spellings[1]);
      expect(named).toHaveLength(1);
      await Promise.all([a.stop(), b.stop()]);
    } finally {
      await database.drop();
    }
  });
});
