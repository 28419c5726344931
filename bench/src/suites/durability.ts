/**
 * What a crash costs: plans typed into by stock y-websocket clients while the server is killed
 * with SIGKILL at random moments and started again on the same port. An edit is acknowledged
 * once another client has received it from the server. After each kill a fresh reader opens
 * every plan before any writer is back (what the log alone kept); after the last restart and
 * every writer's resync, fresh readers check that no acknowledged edit is missing.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { sharedPlanDocument } from '@careweave/shared';
import { createPlans, signIn, wsHeaders } from '../careweave-setup.js';
import type { SuiteOptions, SuiteResult } from '../main.js';
import { readOnce } from '../persistence/raw-client.js';
import { metric, waitFor } from '../persistence/server-probe.js';
import { ms } from '../persistence/stats.js';
import { EditLedger, Typing, Writer } from '../persistence/writers.js';
import { progress, round, type Table } from '../report.js';
import { startServer, type RunningServer, type ServerKind } from '../servers.js';

const BACKENDS: ServerKind[] = ['careweave-pglite', 'careweave-postgres'];

/** Demo users who may write every plan the GP adds; writers are spread across them. */
const WRITERS = [
  'gp@demo.test',
  'nurse@demo.test',
  'social@demo.test',
  'mentalhealth@demo.test',
  'physio@demo.test',
];

interface Plan {
  rooms: number;
  writersPerRoom: number;
  kills: number;
  /** Typing time before each kill, drawn uniformly from this range (ms). */
  gapMs: [number, number];
}

/** One kill: what the server said just before it, and what the log alone had kept. */
interface Kill {
  server: ServerKind;
  kill: number;
  /** Typing time since the server (re)started. */
  uptimeS: number;
  commitP50Ms: number;
  commitP99Ms: number;
  commitMaxMs: number;
  acknowledged: number;
  /** Acknowledged edits a fresh reader did not find before any writer reconnected. */
  missingBeforeResync: number;
  /** How long before the kill the oldest of those was typed. */
  oldestMissingMs: number;
  restartMs: number;
  resyncMs: number;
  /** The restarted process's commit window p99 once the writers' resync had been logged. */
  resyncCommitP99Ms: number;
}

interface Outcome {
  server: ServerKind;
  kills: Kill[];
  typed: number;
  acknowledged: number;
  /** Acknowledged edits missing once every writer had resynced (the target is 0). */
  missingAcknowledged: number;
  /** Any edit ever typed missing at the end (the writers re-send even unacknowledged ones). */
  missingTyped: number;
}

export async function run(options: SuiteOptions): Promise<SuiteResult> {
  const plan: Plan = options.quick
    ? { rooms: 4, writersPerRoom: 5, kills: 2, gapMs: [2_000, 4_000] }
    : { rooms: 20, writersPerRoom: 10, kills: 4, gapMs: [4_000, 9_000] };
  const outcomes: Outcome[] = [];
  for (const backend of BACKENDS) outcomes.push(await crashTest(backend, plan, options));
  const kills = outcomes.flatMap((o) => o.kills);

  const perKill: Table = {
    title: `Durability: SIGKILL under load (${plan.rooms} plans × ${plan.writersPerRoom} writers, 1 edit/s each)`,
    columns: [
      'server',
      'kill',
      'typing s',
      'commit p50 ms',
      'commit p99 ms',
      'commit max ms',
      'acknowledged',
      'missing before resync',
      'oldest missing ms',
      'restart ms',
      'resync ms',
      'resync commit p99 ms',
    ],
    rows: kills.map((k) => [
      k.server,
      k.kill,
      round(k.uptimeS, 1),
      round(k.commitP50Ms, 2),
      round(k.commitP99Ms, 2),
      round(k.commitMaxMs, 1),
      k.acknowledged,
      k.missingBeforeResync,
      k.missingBeforeResync > 0 ? round(k.oldestMissingMs, 1) : '-',
      Math.round(k.restartMs),
      Math.round(k.resyncMs),
      round(k.resyncCommitP99Ms, 1),
    ]),
    notes: [
      "commit: from an update's arrival at the server to the commit of its log row, from",
      '/metrics just before the kill (every update since that process started).',
      'acknowledged: edits, since the start, that a client other than the author received',
      'from the server before the kill. missing before resync: of those, the ones a fresh',
      'reader did not find after the restart with every writer held offline, i.e. what the',
      'crash lost from the log; oldest missing: how long before the kill it was typed.',
      'restart: SIGKILL to ready on the same port; resync: writers let back to all synced;',
      "resync commit p99: the new process's commit window one second after that, i.e. over",
      'the burst of edits the writers sent again (and typed offline) as they came back.',
    ],
  };
  const summary: Table = {
    title: "Durability: after the last restart and every writer's resync",
    columns: [
      'server',
      'kills',
      'edits typed',
      'acknowledged',
      'ack. missing (target 0)',
      'typed missing',
      'lost before resync',
      'worst commit p99 ms',
    ],
    rows: outcomes.map((o) => [
      o.server,
      o.kills.length,
      o.typed,
      o.acknowledged,
      o.missingAcknowledged,
      o.missingTyped,
      o.kills.reduce((sum, k) => sum + k.missingBeforeResync, 0),
      round(Math.max(...o.kills.map((k) => k.commitP99Ms)), 2),
    ]),
    notes: [
      'A fresh reader per plan (a new client with an empty document) counts the edits.',
      'lost before resync: acknowledged edits the log alone had not kept, summed over kills;',
      'the writers, stock y-websocket clients, sent them again when they reconnected.',
      '@y/websocket-server and Hocuspocus as benchmarked keep documents in memory only: a',
      'kill loses every edit no connected client still holds, so they are not run here.',
    ],
  };
  return { name: 'durability', tables: [perKill, summary], figures: { plan, outcomes } };
}

async function crashTest(backend: ServerKind, plan: Plan, options: SuiteOptions): Promise<Outcome> {
  progress(`durability: ${backend}: starting`);
  const server = await startServer(
    backend,
    options.databaseUrl ? { adminUrl: options.databaseUrl } : {},
  );
  const ledger = new EditLedger();
  const writers: Writer[] = [];
  const typing = new Typing(writers);
  try {
    const cookies = await Promise.all(WRITERS.map((email) => signIn(server.url, email)));
    const documents = (await createPlans(server.url, cookies[0]!, plan.rooms)).map(
      sharedPlanDocument,
    );
    const serverUrl = server.wsUrl('').replace(/\/$/, '');
    process.setMaxListeners(
      Math.max(process.getMaxListeners(), plan.rooms * plan.writersPerRoom + 10),
    );
    for (let room = 0; room < plan.rooms; room++) {
      for (let i = 0; i < plan.writersPerRoom; i++) {
        const id = writers.length;
        const headers = wsHeaders(cookies[id % cookies.length]!);
        writers.push(new Writer(id, room, serverUrl, documents[room]!, headers, ledger));
      }
    }
    await waitFor(() => writers.every((w) => w.synced), 'every writer to sync', 60_000);

    typing.start();
    const kills: Kill[] = [];
    let startedAt = performance.now();
    for (let k = 1; k <= plan.kills; k++) {
      const [low, high] = plan.gapMs;
      await sleep(low + Math.random() * (high - low));
      const kill = await killAndRestart(server, writers, ledger, documents, cookies[0]!);
      kills.push({
        server: backend,
        kill: k,
        uptimeS: (kill.killedAt - startedAt) / 1000,
        ...kill.figures,
      });
      progress(
        `durability: ${backend}: kill ${k}: ${kill.figures.missingBeforeResync} of ` +
          `${kill.figures.acknowledged} acknowledged edits missing before resync`,
      );
      startedAt = performance.now();
    }
    // A last stretch of typing after the last restart, then everything settles.
    await sleep(plan.gapMs[0]);
    typing.stop();
    await waitFor(() => writers.every((w) => w.synced), 'every writer to resync', 60_000);
    await sleep(2_000);

    const present = await readAll(server, documents, cookies[0]!);
    const missingAcknowledged = [...ledger.acknowledged.keys()].filter(
      (id) => !present[ledger.typed.get(id)!.room]!.has(id),
    ).length;
    const missingTyped = [...ledger.typed].filter(([id, t]) => !present[t.room]!.has(id)).length;
    progress(
      `durability: ${backend}: ${missingAcknowledged} of ${ledger.acknowledged.size} acknowledged ` +
        `and ${missingTyped} of ${ledger.typed.size} typed edits missing at the end`,
    );
    return {
      server: backend,
      kills,
      typed: ledger.typed.size,
      acknowledged: ledger.acknowledged.size,
      missingAcknowledged,
      missingTyped,
    };
  } finally {
    typing.stop();
    for (const writer of writers) writer.destroy();
    await server.stop();
  }
}

/**
 * Reads /metrics, kills the server, holds every writer offline, restarts the server, counts
 * which acknowledged edits fresh readers find, then lets the writers back and waits for them.
 */
async function killAndRestart(
  server: RunningServer,
  writers: Writer[],
  ledger: EditLedger,
  documents: string[],
  cookie: string,
) {
  const metrics = await server.metrics();
  await server.kill('SIGKILL');
  const killedAt = performance.now();
  // Offline, as a laptop closing: they keep typing, and send it all when let back.
  for (const writer of writers) writer.provider.disconnect();
  // Every edit that reached another client had been relayed by the server before it died.
  const acknowledged = [...ledger.acknowledged.keys()];

  await server.restart();
  const restartMs = performance.now() - killedAt;
  const present = await readAll(server, documents, cookie);
  const missing = acknowledged.filter((id) => !present[ledger.typed.get(id)!.room]!.has(id));
  const oldestMissingMs = Math.max(0, ...missing.map((id) => killedAt - ledger.typed.get(id)!.at));

  const reconnecting = performance.now();
  for (const writer of writers) writer.provider.connect();
  await waitFor(() => writers.every((w) => w.synced), 'every writer to resync', 60_000);
  const resyncMs = performance.now() - reconnecting;
  await sleep(1_000);
  const afterResync = await server.metrics();
  return {
    killedAt,
    figures: {
      commitP50Ms: ms(metric(metrics, 'careweave_log_commit_seconds', '0.5')),
      commitP99Ms: ms(metric(metrics, 'careweave_log_commit_seconds', '0.99')),
      commitMaxMs: ms(metric(metrics, 'careweave_log_commit_seconds', '1')),
      acknowledged: acknowledged.length,
      missingBeforeResync: missing.length,
      oldestMissingMs,
      restartMs,
      resyncMs,
      resyncCommitP99Ms: ms(metric(afterResync, 'careweave_log_commit_seconds', '0.99')),
    },
  };
}

/** The edit ids a fresh reader finds in each plan, by room. */
async function readAll(
  server: RunningServer,
  documents: string[],
  cookie: string,
): Promise<Set<string>[]> {
  return Promise.all(
    documents.map(async (document) => {
      const read = await readOnce(server.wsUrl(document), wsHeaders(cookie));
      if (!read) throw new Error(`${document} did not load for a fresh reader`);
      const ids = new Set(read.doc.getArray<string>('bench').toArray());
      read.doc.destroy();
      return ids;
    }),
  );
}
