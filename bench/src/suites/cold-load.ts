/**
 * How long a plan takes to open when nobody has it open: the server reads its snapshot and the
 * updates logged after it, folds them into a Y.Doc and answers the client's sync step 1. Plans
 * with 10,000 and 100,000 logged keystrokes, before their first load (the whole log is read)
 * and after it (the unload writes a snapshot), on PGlite and on Postgres.
 */
import { fragmentText, sharedPlanDocument, whatMattersToMe } from '@careweave/shared';
import { createPlans, signIn, wsHeaders } from '../careweave-setup.js';
import type { SuiteOptions, SuiteResult } from '../main.js';
import { DirectStore, type LogRow } from '../persistence/database.js';
import { readOnce, type SyncTiming } from '../persistence/raw-client.js';
import { waitUntilIdle } from '../persistence/server-probe.js';
import { median, quantile } from '../persistence/stats.js';
import { typingUpdates, type TypedUpdate } from '../persistence/typing.js';
import { progress, round, type Table } from '../report.js';
import { startServer, type RunningServer, type ServerKind } from '../servers.js';

const BACKENDS: ServerKind[] = ['careweave-pglite', 'careweave-postgres'];

/** A compacted plan of typical size should open within this. */
const TARGET_MS = 50;

interface Plan {
  /** How many settings the suite runs with. */
  sizes: number[];
  /** Documents seeded per size. */
  copies: number;
  /** Loads of each document after compaction. */
  repeats: number;
  /** A first load still unanswered after this long is abandoned. */
  deadlineMs: number;
}

/** Documents that share a size and so are reported together. */
interface Group {
  label: string;
  /** Logged updates per document (the mean, for the demo plans). */
  updates: number;
  documents: string[];
  /** Characters of "What matters to me" each document must show once loaded. */
  minChars: number;
  /** Set when a first load outlasted the deadline: never loaded, so never compacted. */
  timedOut?: boolean;
}

interface Row {
  server: ServerKind;
  plan: string;
  updates: number;
  state: 'before compaction' | 'after compaction';
  timings: SyncTiming[];
  /** Mean snapshot size of the group's documents (after compaction only). */
  snapshotBytes: number;
  /** Set when a load had not finished within the deadline. */
  unfinished: boolean;
}

/** The running server and what every load needs. */
interface Session {
  server: RunningServer;
  cookie: string;
  /** A document loaded first after each start, so timed loads do not pay for the first. */
  warmUp: string;
  deadlineMs: number;
}

export async function run(options: SuiteOptions): Promise<SuiteResult> {
  const plan: Plan = options.quick
    ? { sizes: [10_000], copies: 1, repeats: 2, deadlineMs: 30_000 }
    : { sizes: [10_000, 100_000], copies: 3, repeats: 5, deadlineMs: 30_000 };
  progress(`cold-load: generating typing histories of ${plan.sizes.join(' and ')} updates`);
  const histories = new Map(plan.sizes.map((n) => [n, typingUpdates(n)]));

  const rows: Row[] = [];
  for (const backend of BACKENDS) {
    rows.push(...(await measure(backend, histories, plan, options)));
  }
  return {
    name: 'cold-load',
    tables: [table(rows, plan)],
    figures: {
      targetMs: TARGET_MS,
      loads: rows.map((r) => ({
        server: r.server,
        plan: r.plan,
        updates: r.updates,
        state: r.state,
        loadMs: r.timings.map((t) => round(t.loadMs, 2)),
        p50Ms: round(median(r.timings.map((t) => t.loadMs)), 2),
        unfinishedAfterMs: r.unfinished ? plan.deadlineMs : null,
        snapshotBytes: r.snapshotBytes,
      })),
    },
  };
}

function table(rows: Row[], plan: Plan): Table {
  const unfinished = `> ${plan.deadlineMs / 1000} s`;
  return {
    title: 'Cold load: WebSocket open → sync step 2 of a plan nobody has open',
    columns: [
      'server',
      'plan',
      'logged updates',
      'state',
      'loads',
      'p50 ms',
      'min ms',
      'max ms',
      'connect p50 ms',
      'snapshot KB',
    ],
    rows: rows.map((r) => {
      const loads = r.timings.map((t) => t.loadMs);
      // A plan whose first load never finished was never compacted either.
      const none = !r.unfinished ? '-' : r.state === 'before compaction' ? unfinished : 'none';
      return [
        r.server,
        r.plan,
        r.updates,
        r.state,
        loads.length,
        loads.length > 0 ? round(median(loads), 1) : none,
        loads.length > 0 ? round(quantile(loads, 0), 1) : none,
        r.unfinished ? none : round(quantile(loads, 1), 1),
        round(median(r.timings.map((t) => t.connectMs)), 1),
        r.snapshotBytes > 0 ? round(r.snapshotBytes / 1024, 1) : '-',
      ];
    }),
    notes: [
      '"before compaction": the first load, which reads every logged update; "after": later',
      'loads, which read the snapshot the unload wrote. Each load is of a room not in memory;',
      'the server is idle between loads (the previous room fully unloaded and compacted).',
      '"connect" is dialling to open: the upgrade with its session and access checks.',
      '"demo plans" are the seeded demo team\'s shared plans (their logged history as seeded);',
      'the others are new plans whose log holds that many one-character updates by two',
      'colleagues taking turns a word at a time, seeded directly into document_updates.',
      ...(rows.some((r) => r.unfinished)
        ? [
            `${unfinished}: the first load had not finished by then; the server was restarted`,
            'and the plan, never loaded, was never compacted ("none" after compaction).',
          ]
        : []),
      `Target: a compacted typical plan opens in < ${TARGET_MS} ms.`,
    ],
  };
}

async function measure(
  backend: ServerKind,
  histories: Map<number, TypedUpdate[]>,
  plan: Plan,
  options: SuiteOptions,
): Promise<Row[]> {
  progress(`cold-load: ${backend}: starting`);
  const server = await startServer(backend, {
    // Unload as soon as the reader leaves, so every load is cold.
    env: { ROOM_IDLE_MS: '50' },
    ...(options.databaseUrl ? { adminUrl: options.databaseUrl } : {}),
  });
  try {
    const gp = await signIn(server.url, 'gp@demo.test');
    const nurse = await signIn(server.url, 'nurse@demo.test');
    const authors = [await userId(server.url, gp), await userId(server.url, nurse)];
    const demo = await demoPlans(server.url, gp);
    const created = (await createPlans(server.url, gp, histories.size * plan.copies + 1)).map(
      sharedPlanDocument,
    );
    const session: Session = {
      server,
      cookie: gp,
      warmUp: created.shift()!,
      deadlineMs: plan.deadlineMs,
    };
    const groups: Group[] = [
      { label: 'demo plans (mean)', updates: 0, documents: demo, minChars: 0 },
    ];
    for (const [updates, history] of histories) {
      groups.push({
        label: `typed ×${plan.copies}`,
        updates,
        documents: created.splice(0, plan.copies),
        minChars: history.filter((u) => u.keystroke).length,
      });
    }

    // Rooms opened while people were added must be gone before their logs are written to.
    await waitUntilIdle(server);
    progress(`cold-load: ${backend}: seeding ${plan.sizes.join(', ')} updates × ${plan.copies}`);
    const counts = await seed(server, groups.slice(1), histories, authors);
    groups[0]!.updates = Math.round(
      demo.reduce((sum, d) => sum + (counts.get(d) ?? 0), 0) / demo.length,
    );
    await warm(session);

    const before = new Map<Group, SyncTiming[]>();
    for (const group of groups) before.set(group, await loadEach(session, group));
    const after = new Map<Group, SyncTiming[]>();
    for (const group of groups) {
      const timings: SyncTiming[] = [];
      for (let r = 0; r < plan.repeats && !group.timedOut; r++) {
        timings.push(...(await loadEach(session, group)));
      }
      after.set(group, timings);
      const p50 = (timings: SyncTiming[]) =>
        timings.length > 0 ? `${median(timings.map((t) => t.loadMs)).toFixed(1)} ms` : 'none';
      progress(
        `cold-load: ${backend}: ${group.label} ${group.updates}: before p50 ` +
          `${p50(before.get(group)!)}, after p50 ${p50(timings)}`,
      );
    }

    const sizes = await snapshotSizes(server);
    return groups.flatMap((group): Row[] => {
      const base = {
        server: backend,
        plan: group.label,
        updates: group.updates,
        unfinished: group.timedOut ?? false,
      };
      const bytes = group.documents.map((d) => sizes.get(d) ?? 0);
      return [
        { ...base, state: 'before compaction', timings: before.get(group)!, snapshotBytes: 0 },
        {
          ...base,
          state: 'after compaction',
          timings: after.get(group)!,
          snapshotBytes: bytes.reduce((a, b) => a + b, 0) / bytes.length,
        },
      ];
    });
  } finally {
    await server.stop();
  }
}

async function userId(url: string, cookie: string): Promise<string> {
  const response = await fetch(`${url}/api/me`, { headers: { cookie } });
  return ((await response.json()) as { id: string }).id;
}

/** The shared documents of the plans the demo team was seeded with. */
async function demoPlans(url: string, cookie: string): Promise<string[]> {
  const response = await fetch(`${url}/api/people`, { headers: { cookie } });
  const people = (await response.json()) as { planId: string }[];
  return people.map((p) => sharedPlanDocument(p.planId));
}

/**
 * Writes each group's typing history into its documents' logs; returns how many rows each
 * document had before. PGlite is a folder only one process may open, so the server is stopped
 * cleanly meanwhile and started again after.
 */
async function seed(
  server: RunningServer,
  groups: Group[],
  histories: Map<number, TypedUpdate[]>,
  authors: string[],
): Promise<Map<string, number>> {
  const embedded = server.kind === 'careweave-pglite';
  if (embedded) await server.kill('SIGTERM');
  const store = await DirectStore.open(
    embedded ? { dataDir: server.dataDir! } : { url: server.databaseUrl! },
  );
  try {
    const counts = await store.logRowCounts();
    for (const group of groups) {
      const rows: LogRow[] = histories
        .get(group.updates)!
        .map((u) => ({ update: u.update, authorId: authors[u.author]! }));
      for (const document of group.documents) await store.append(document, rows);
    }
    return counts;
  } finally {
    await store.close();
    if (embedded) await server.restart();
  }
}

/** Loads and unloads the warm-up document twice, so the process has run the load path. */
async function warm({ server, cookie, warmUp, deadlineMs }: Session): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await readOnce(server.wsUrl(warmUp), wsHeaders(cookie), deadlineMs);
    await waitUntilIdle(server);
  }
}

/**
 * Opens each document of the group once, from cold; checks what arrived is the whole plan. A
 * load that outlasts the deadline is abandoned: the server (its event loop still busy with
 * it) is restarted and the group's other documents are skipped.
 */
async function loadEach(session: Session, group: Group): Promise<SyncTiming[]> {
  const { server, cookie, deadlineMs } = session;
  const timings: SyncTiming[] = [];
  for (const document of group.documents) {
    const read = await readOnce(server.wsUrl(document), wsHeaders(cookie), deadlineMs);
    if (!read) {
      progress(`cold-load: ${server.kind}: ${document} not loaded after ${deadlineMs} ms`);
      group.timedOut = true;
      await server.restart();
      await warm(session);
      break;
    }
    const chars = fragmentText(whatMattersToMe(read.doc)).length;
    read.doc.destroy();
    if (chars < group.minChars) {
      throw new Error(`${document} loaded with ${chars} characters, expected ${group.minChars}+`);
    }
    timings.push(read.timing);
    await waitUntilIdle(server);
  }
  return timings;
}

/**
 * Every snapshot's size in bytes. Read over Postgres while the server runs; PGlite's folder is
 * free only once the server has stopped, so this comes last.
 */
async function snapshotSizes(server: RunningServer): Promise<Map<string, number>> {
  const embedded = server.kind === 'careweave-pglite';
  if (embedded) await server.kill('SIGTERM');
  const store = await DirectStore.open(
    embedded ? { dataDir: server.dataDir! } : { url: server.databaseUrl! },
  );
  try {
    return await store.snapshotBytes();
  } finally {
    await store.close();
  }
}
