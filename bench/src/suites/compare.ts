/**
 * Careweave (PGlite and Postgres) against @y/websocket-server and Hocuspocus under the same
 * load, with a relay that forwards bytes and keeps nothing as the floor under them all: 10 clients per room typing at 1 Hz, more clients each step until a server misses the
 * budget (p99 < 100 ms, every edit delivered); then the same with carets moving at 5 Hz.
 *
 * Flags: --servers=a,b (default all), --steps=250,500 (default the ladders below),
 * --no-carets / --carets-only, --profile=<dir> (CPU profiles of the servers), --repeat=N
 * (each step N times per server, reported as the median; see load/repeats.ts).
 */
import { flagValue, hasFlag } from '../flags.js';
import { LATENCY_BUDGET_MS, STANDARD_SHAPE, runStep, type StepFigures } from '../load/step.js';
import { combineRuns } from '../load/repeats.js';
import { COLUMN_NOTES, stepSummary, stepTable } from '../load/step-table.js';
import type { SuiteOptions, SuiteResult } from '../main.js';
import { progress, round, type Table } from '../report.js';
import { SERVER_KINDS, type ServerKind } from '../servers.js';

/**
 * 500 clients apart from 1,500 to 5,000, where the servers compared reach their capacity: with
 * steps 1,000 apart a ratio near the 1.5× target could only read 1.33×, 1.5× or 1.67×.
 */
const LADDER = [250, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000, 6000, 8000];
/** Carets add load on top of the edits: the ladder starts higher and climbs in bigger steps. */
const CARET_LADDER = [500, 1000, 1500, 2000, 2500, 3000, 4000];
const QUICK_LADDER = [100, 250];
const CARET_HZ = 5;

/**
 * The Careweave every ratio is set against: as the product ships by default (PGlite), or on
 * Postgres when the run left PGlite out.
 */
const REFERENCES: ServerKind[] = ['careweave-pglite', 'careweave-postgres'];

interface Series {
  name: string;
  caretHz: number;
  results: Map<ServerKind, StepFigures[]>;
}

function listFlag(options: SuiteOptions, name: string): string[] | undefined {
  return flagValue(options.args, name)
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Climbs the ladder one step at a time for every server still in the race, so that servers
 * are measured side by side: a machine that slows down for a while (a shared VM does) slows
 * every server's same step, not one server's whole ladder.
 */
async function runSeries(
  options: SuiteOptions,
  kinds: ServerKind[],
  steps: number[],
  caretHz: number,
): Promise<Series['results']> {
  const results = new Map<ServerKind, StepFigures[]>(kinds.map((kind) => [kind, []]));
  const climbing = new Set(kinds);
  const profile = flagValue(options.args, 'profile');
  const repeat = Math.max(1, Number(flagValue(options.args, 'repeat') ?? 1));
  for (const clients of steps) {
    const runs = new Map<ServerKind, StepFigures[]>();
    // Round after round of every server, so a slow spell of the machine lands on them all.
    for (let repetition = 0; repetition < repeat; repetition++) {
      for (const kind of kinds) {
        if (!climbing.has(kind)) continue;
        const step = await runStep({
          kind,
          adminUrl: options.databaseUrl,
          nodeArgs: profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : undefined,
          shape: {
            ...STANDARD_SHAPE,
            clients,
            caretHz,
            ...(options.quick ? { warmupMs: 2_000, measureMs: 5_000 } : {}),
          },
        });
        progress(stepSummary(step));
        runs.set(kind, [...(runs.get(kind) ?? []), step]);
      }
    }
    for (const [kind, measured] of runs) {
      const step = combineRuns(measured);
      if (repeat > 1) progress(`median of ${repeat}:${stepSummary(step).slice(1)}`);
      results.get(kind)!.push(step);
      // Past its capacity a server only gets slower: it stops climbing.
      if (!step.passed) climbing.delete(kind);
    }
  }
  return results;
}

/** The largest step a server passed (0 when none). */
function capacity(steps: StepFigures[]): number {
  return Math.max(0, ...steps.filter((s) => s.passed).map((s) => s.clients));
}

/** The floor under the others, not a contender: it does not pull the common step down. */
const FLOOR: ServerKind = 'relay';

/** What the Careweave servers are held to, against @y/websocket-server. */
const TARGET_OPPONENT: ServerKind = 'y-websocket-server';
const TARGET_CAPACITY = 1.5;
const TARGET_CPU = 0.7;

/**
 * The largest step every server passed, so that figures compare like with like; a server
 * that passed no step at all does not hold the others back.
 */
function commonStep(series: Series): number | undefined {
  const passedBy = [...series.results]
    .filter(([kind]) => kind !== FLOOR)
    .map(([, steps]) => new Set(steps.filter((s) => s.passed).map((s) => s.clients)))
    .filter((passed) => passed.size > 0);
  const all = [...series.results.values()].flat().map((s) => s.clients);
  const shared = [...new Set(all)].filter((c) => passedBy.every((set) => set.has(c)));
  return shared.length ? Math.max(...shared) : undefined;
}

/** CPU seconds of one kind per million edit deliveries. */
function perMillion(f: StepFigures | undefined, seconds: (f: StepFigures) => number): number {
  return f ? seconds(f) / (f.editDeliveries / 1e6) : NaN;
}
const withPostgresSeconds = (f: StepFigures) => f.serverCpu + f.postgresCpu;
const kernelSeconds = (f: StepFigures) => f.serverKernelCpu;
const userSeconds = (f: StepFigures) => f.serverCpu - f.serverKernelCpu;

function summaryTable(series: Series): Table {
  const common = commonStep(series);
  const at = (kind: ServerKind) =>
    series.results.get(kind)?.find((s) => s.clients === common) ?? undefined;
  const referenceKind = REFERENCES.find((kind) => series.results.has(kind));
  const reference = referenceKind && series.results.get(referenceKind);
  const refCapacity = reference ? capacity(reference) : NaN;
  const refAt = referenceKind && at(referenceKind);
  const rows = [...series.results].map(([kind, steps]) => {
    const here = at(kind);
    const cap = capacity(steps);
    return [
      kind,
      cap,
      here ? round(here.p99, 1) : '-',
      here ? round(here.cpuPerMillion, 2) : '-',
      here ? round(perMillion(here, withPostgresSeconds), 2) : '-',
      cap > 0 ? round(refCapacity / cap, 2) : '-',
      here && refAt ? round(here.cpuPerMillion / refAt.cpuPerMillion, 2) : '-',
      here && refAt ? round(here.p99 / refAt.p99, 2) : '-',
    ];
  });
  return {
    title: `Summary — ${series.name}`,
    columns: [
      'server',
      'capacity (clients)',
      `p99 ms @${common ?? '-'}`,
      `CPU s/1M @${common ?? '-'}`,
      `+pg CPU s/1M @${common ?? '-'}`,
      'capacity: Careweave/this',
      'CPU: this/Careweave',
      'p99: this/Careweave',
    ],
    rows,
    notes: [
      `capacity = largest step with p99 < ${LATENCY_BUDGET_MS} ms and every edit delivered`,
      `ratios against ${referenceKind ?? 'Careweave'}; > 1 means Careweave is better on that figure`,
      'CPU s/1M = server CPU seconds per million edit deliveries (edit × other client in the room);',
      '  +pg adds the Postgres processes, which run outside the server (PGlite runs inside it)',
    ],
  };
}

/** The largest step both passed: where their costs compare with neither past its limit. */
function sharedStep(a: StepFigures[], b: StepFigures[]): number | undefined {
  const passedByB = new Set(b.filter((s) => s.passed).map((s) => s.clients));
  const both = a.filter((s) => s.passed && passedByB.has(s.clients)).map((s) => s.clients);
  return both.length ? Math.max(...both) : undefined;
}

/**
 * Careweave against @y/websocket-server on the targets: at least 1.5× its clients within the
 * budget, at most 0.7× its CPU per million deliveries at the largest step both passed, and
 * for scale what the relay, which does nothing but forward, costs there.
 */
function targetsTable(series: Series): Table | null {
  const opponent = series.results.get(TARGET_OPPONENT);
  if (!opponent) return null;
  const at = (steps: StepFigures[] | undefined, step: number | undefined) =>
    steps?.find((s) => s.clients === step);
  const ratio = (a: number, b: number | undefined) => (b ? round(a / b, 2) : '-');
  const rows = [...series.results]
    .filter(([kind]) => kind.startsWith('careweave'))
    .map(([kind, steps]) => {
      const step = sharedStep(steps, opponent);
      const here = at(steps, step);
      const opponentAt = at(opponent, step);
      const floorAt = at(series.results.get(FLOOR), step);
      const capacityRatio = capacity(opponent) > 0 ? capacity(steps) / capacity(opponent) : NaN;
      const cpuRatio = here && opponentAt ? here.cpuPerMillion / opponentAt.cpuPerMillion : NaN;
      const withDatabase = perMillion(here, withPostgresSeconds);
      return [
        kind,
        Number.isNaN(capacityRatio) ? '-' : round(capacityRatio, 2),
        capacityRatio >= TARGET_CAPACITY ? 'met' : 'not met',
        step ?? '-',
        Number.isNaN(cpuRatio) ? '-' : round(cpuRatio, 2),
        cpuRatio <= TARGET_CPU ? 'met' : 'not met',
        ratio(withDatabase, opponentAt?.cpuPerMillion),
        ratio(perMillion(here, kernelSeconds), perMillion(opponentAt, kernelSeconds)),
        ratio(perMillion(here, userSeconds), perMillion(opponentAt, userSeconds)),
        here && floorAt ? ratio(here.cpuPerMillion, floorAt.cpuPerMillion) : '-',
        here && opponentAt ? ratio(here.p99, opponentAt.p99) : '-',
      ];
    });
  return {
    title: `Targets against ${TARGET_OPPONENT} — ${series.name}`,
    columns: [
      'server',
      'clients ×',
      `≥ ${TARGET_CAPACITY}×`,
      'at clients',
      'CPU/1M ×',
      `≤ ${TARGET_CPU}×`,
      'CPU/1M with pg ×',
      'kernel ×',
      'user ×',
      'CPU/1M × relay',
      'p99 ×',
    ],
    rows,
    notes: [
      `× = Careweave's figure divided by ${TARGET_OPPONENT}'s (the relay's in "× relay"), measured in this run`,
      `at clients: the largest step both passed, where CPU and p99 are compared`,
      'with pg: adds the Postgres processes to Careweave on Postgres (PGlite is already inside)',
      "kernel, user: the CPU/1M ratio split into the server's system time (socket writes and",
      '  reads, about as many for every server) and its user time (everything it does itself)',
    ],
  };
}

/** Runs the edits series and/or the carets series and reports both. */
export async function runCompare(
  options: SuiteOptions,
  name: string,
  which: { edits: boolean; carets: boolean },
): Promise<SuiteResult> {
  const kinds = (listFlag(options, 'servers') ?? SERVER_KINDS) as ServerKind[];
  for (const kind of kinds) {
    if (!SERVER_KINDS.includes(kind)) throw new Error(`Unknown server "${kind}"`);
  }
  const chosen = listFlag(options, 'steps')?.map(Number);
  const steps = chosen ?? (options.quick ? QUICK_LADDER : LADDER);
  const caretSteps = chosen ?? (options.quick ? QUICK_LADDER : CARET_LADDER);
  const series: Series[] = [];
  if (which.edits) {
    progress(`edits at 1 Hz, steps ${steps.join(', ')}`);
    series.push({
      name: 'edits at 1 Hz',
      caretHz: 0,
      results: await runSeries(options, kinds, steps, 0),
    });
  }
  if (which.carets) {
    progress(`edits at 1 Hz + carets at ${CARET_HZ} Hz, steps ${caretSteps.join(', ')}`);
    series.push({
      name: `edits at 1 Hz + carets at ${CARET_HZ} Hz`,
      caretHz: CARET_HZ,
      results: await runSeries(options, kinds, caretSteps, CARET_HZ),
    });
  }

  const tables: Table[] = [];
  for (const s of series) {
    for (const [kind, figures] of s.results) {
      tables.push(stepTable(`${kind} — ${s.name}`, figures, s.caretHz > 0));
    }
    tables.push(summaryTable(s));
    const targets = targetsTable(s);
    if (targets) tables.push(targets);
  }
  for (const s of series) {
    const all = [...s.results.values()].flat();
    tables.push(stepTable(`All servers — ${s.name}`, all, s.caretHz > 0, COLUMN_NOTES));
  }
  return {
    name,
    tables,
    figures: Object.fromEntries(
      series.map((s) => [
        s.name,
        {
          capacity: Object.fromEntries([...s.results].map(([k, v]) => [k, capacity(v)])),
          commonStep: commonStep(s),
          steps: [...s.results.values()].flat(),
        },
      ]),
    ),
  };
}

export function run(options: SuiteOptions): Promise<SuiteResult> {
  return runCompare(options, 'compare', {
    edits: !hasFlag(options.args, 'carets-only'),
    carets: !hasFlag(options.args, 'no-carets'),
  });
}
