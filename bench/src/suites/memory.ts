/**
 * What an open plan costs in server memory, and whether the memory comes back: K plans held
 * open by one idle client each, then ten rounds of connecting a whole load, typing, leaving and
 * letting every room unload. Heap figures follow a full garbage collection in the server
 * (asked for over the inspector), so they count what is live.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { sharedPlanDocument } from '@careweave/shared';
import { createPlans, signIn, wsHeaders } from '../careweave-setup.js';
import type { SuiteOptions, SuiteResult } from '../main.js';
import { RawClient } from '../persistence/raw-client.js';
import {
  collectGarbage,
  metric,
  waitUntilIdle,
  waitUntilQuiet,
} from '../persistence/server-probe.js';
import { rssBytes } from '../proc.js';
import { mb, progress, round, type Table } from '../report.js';
import { freePort, startServer, type RunningServer, type ServerKind } from '../servers.js';

const BACKENDS: ServerKind[] = ['careweave-pglite', 'careweave-postgres'];
const USERS = ['gp@demo.test', 'nurse@demo.test', 'social@demo.test'];

interface Plan {
  /** Plans held open at once. */
  rooms: number;
  /** Clients per plan in each connect/disconnect round. */
  clientsPerRoom: number;
  /** Edits each of those clients types per round. */
  edits: number;
  cycles: number;
}

/** The heap after a full collection and the resident set, in bytes. */
interface Sample {
  heap: number;
  rss: number;
}

interface Outcome {
  server: ServerKind;
  baseline: Sample;
  /** With `rooms` plans open, one idle client each. */
  open: Sample;
  /** After each round, once every room had unloaded. */
  cycles: Sample[];
}

/**
 * Heap growth over the second half of the rounds below which the heap counts as settled
 * (bytes, or 2 % of the baseline if more): a leak of a few hundred bytes per connection and
 * round would exceed it.
 */
const SETTLED_BYTES = 1024 * 1024;

export async function run(options: SuiteOptions): Promise<SuiteResult> {
  const plan: Plan = options.quick
    ? { rooms: 20, clientsPerRoom: 2, edits: 2, cycles: 10 }
    : { rooms: 200, clientsPerRoom: 3, edits: 3, cycles: 10 };
  const outcomes: Outcome[] = [];
  for (const backend of BACKENDS) outcomes.push(await measure(backend, plan, options));

  const perRoom: Table = {
    title: `Memory per idle open plan (${plan.rooms} plans, one idle client each)`,
    columns: [
      'server',
      'heap before MB',
      'heap open MB',
      'heap KB/plan',
      'RSS before MB',
      'RSS open MB',
      'RSS KB/plan',
    ],
    rows: outcomes.map((o) => [
      o.server,
      mb(o.baseline.heap),
      mb(o.open.heap),
      round((o.open.heap - o.baseline.heap) / plan.rooms / 1024, 1),
      mb(o.baseline.rss),
      mb(o.open.rss),
      round((o.open.rss - o.baseline.rss) / plan.rooms / 1024, 1),
    ]),
    notes: [
      "Each plan is a newly added person's shared plan; its room holds the Y.Doc, presence,",
      "one WebSocket and its timers. Heap is V8's used heap after a full GC; RSS is the",
      "process's resident set from /proc (for PGlite it includes the embedded database).",
    ],
  };
  const cycles: Table = {
    title:
      `Memory after connect/disconnect rounds (${plan.rooms} plans × ${plan.clientsPerRoom} ` +
      `clients, ${plan.edits} edits each, then all leave and the rooms unload)`,
    columns: ['server', 'round', 'heap MB', 'heap Δ MB', 'RSS MB', 'RSS Δ MB'],
    rows: outcomes.flatMap((o) =>
      [o.baseline, ...o.cycles].map((s, i) => [
        o.server,
        i === 0 ? 'before' : i,
        mb(s.heap),
        mb(s.heap - o.baseline.heap),
        mb(s.rss),
        mb(s.rss - o.baseline.rss),
      ]),
    ),
    notes: [
      ...outcomes.map((o) => {
        const { total, secondHalf, settled } = growth(o);
        return (
          `${o.server}: heap ${mb(total)} MB (${Math.round((total / o.baseline.heap) * 100)} %) ` +
          `over the baseline after ${o.cycles.length} rounds, ${mb(secondHalf)} MB of it in ` +
          `the last ${Math.ceil(o.cycles.length / 2)}: ${settled ? 'settled' : 'STILL GROWING'}.`
        );
      }),
      'Δ is against "before", sampled once the plans had been added and every room unloaded.',
      'Growth that stops after the first rounds is code and caches made on first use; a leak',
      'grows every round. RSS seldom shrinks back: freed pages stay with V8 and the allocator.',
    ],
  };
  return {
    name: 'memory',
    tables: [perRoom, cycles],
    figures: {
      plan,
      outcomes: outcomes.map((o) => ({
        ...o,
        heapPerRoomBytes: (o.open.heap - o.baseline.heap) / plan.rooms,
        rssPerRoomBytes: (o.open.rss - o.baseline.rss) / plan.rooms,
        heapGrowthBytes: growth(o).total,
        heapGrowthSecondHalfBytes: growth(o).secondHalf,
        settled: growth(o).settled,
      })),
    },
  };
}

/** Heap growth over the rounds, and whether the second half of them added (next to) nothing. */
function growth(o: Outcome): { total: number; secondHalf: number; settled: boolean } {
  const last = o.cycles.at(-1)!.heap;
  const middle = o.cycles[Math.floor(o.cycles.length / 2) - 1]?.heap ?? o.baseline.heap;
  const secondHalf = last - middle;
  return {
    total: last - o.baseline.heap,
    secondHalf,
    settled: secondHalf <= Math.max(SETTLED_BYTES, o.baseline.heap * 0.02),
  };
}

async function measure(backend: ServerKind, plan: Plan, options: SuiteOptions): Promise<Outcome> {
  progress(`memory: ${backend}: starting`);
  const inspector = await freePort();
  const server = await startServer(backend, {
    // Rooms unload a moment after their last client leaves, so each round ends empty.
    env: { ROOM_IDLE_MS: '200' },
    nodeArgs: [`--inspect=127.0.0.1:${inspector}`],
    ...(options.databaseUrl ? { adminUrl: options.databaseUrl } : {}),
  });
  try {
    const cookies = await Promise.all(USERS.map((email) => signIn(server.url, email)));
    const documents = (await createPlans(server.url, cookies[0]!, plan.rooms)).map(
      sharedPlanDocument,
    );
    await waitUntilIdle(server);
    const baseline = await sample(server, inspector);

    const idle = await connect(server, documents, 1, cookies);
    const counted = await server.metrics();
    if (metric(counted, 'careweave_rooms_loaded') !== plan.rooms) {
      throw new Error(`expected ${plan.rooms} rooms loaded, /metrics says otherwise`);
    }
    await waitUntilQuiet(server.pid);
    const open = await sample(server, inspector);
    await Promise.all(idle.map((c) => c.close()));
    await waitUntilIdle(server);
    progress(
      `memory: ${backend}: ${round((open.heap - baseline.heap) / plan.rooms / 1024, 1)} KB heap per open plan`,
    );

    const cycles: Sample[] = [];
    for (let cycle = 1; cycle <= plan.cycles; cycle++) {
      const clients = await connect(server, documents, plan.clientsPerRoom, cookies);
      for (let e = 0; e < plan.edits; e++) {
        for (const client of clients) client.doc.getArray<string>('bench').push([`${e}`]);
        await sleep(50);
      }
      await sleep(500);
      await Promise.all(clients.map((c) => c.close()));
      await waitUntilIdle(server);
      cycles.push(await sample(server, inspector));
    }
    progress(
      `memory: ${backend}: heap ${mb(baseline.heap)} MB before, ${mb(cycles.at(-1)!.heap)} MB after ${plan.cycles} rounds`,
    );
    return { server: backend, baseline, open, cycles };
  } finally {
    await server.stop();
  }
}

/** Opens `perRoom` clients on every document, spread over the users; resolves once all synced. */
async function connect(
  server: RunningServer,
  documents: string[],
  perRoom: number,
  cookies: string[],
): Promise<RawClient[]> {
  const clients: RawClient[] = [];
  for (const document of documents) {
    for (let i = 0; i < perRoom; i++) {
      const cookie = cookies[clients.length % cookies.length]!;
      clients.push(new RawClient(server.wsUrl(document), wsHeaders(cookie)));
    }
  }
  await Promise.all(clients.map((c) => c.synced));
  return clients;
}

async function sample(server: RunningServer, inspector: number): Promise<Sample> {
  await collectGarbage(inspector);
  const metrics = await server.metrics();
  return { heap: metric(metrics, 'nodejs_heap_used_bytes'), rss: rssBytes(server.pid) };
}
