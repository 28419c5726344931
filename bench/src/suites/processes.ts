/**
 * Careweave as several processes on one Postgres + Redis: one process against two, each pinned
 * to its own core, under the compare suite's load, every room's clients alternating between
 * the processes (so every edit crosses Redis to reach half its readers). With two servers on
 * two cores the generator shares core 1 with the second process.
 *
 * Flags: --steps=500,1000 (default the ladder below).
 */
import { flagValue } from '../flags.js';
import { LATENCY_BUDGET_MS, STANDARD_SHAPE, runStep, type StepFigures } from '../load/step.js';
import { COLUMN_NOTES, stepSummary, stepTable } from '../load/step-table.js';
import type { SuiteOptions, SuiteResult } from '../main.js';
import { progress, round, type Table } from '../report.js';

const LADDER = [1000, 2000, 3000, 4000];
const QUICK_LADDER = [100, 250];

function capacity(steps: StepFigures[]): number {
  return Math.max(0, ...steps.filter((s) => s.passed).map((s) => s.clients));
}

export async function run(options: SuiteOptions): Promise<SuiteResult> {
  const steps =
    flagValue(options.args, 'steps')?.split(',').map(Number) ??
    (options.quick ? QUICK_LADDER : LADDER);
  const byProcesses = new Map<number, StepFigures[]>();
  for (const processes of [1, 2]) {
    const figures: StepFigures[] = [];
    byProcesses.set(processes, figures);
    for (const clients of steps) {
      const step = await runStep({
        kind: 'careweave-postgres',
        processes,
        adminUrl: options.databaseUrl,
        shape: {
          ...STANDARD_SHAPE,
          clients,
          ...(options.quick ? { warmupMs: 2_000, measureMs: 5_000 } : {}),
        },
      });
      progress(stepSummary(step));
      figures.push(step);
      if (!step.passed) break;
    }
  }

  const one = byProcesses.get(1)!;
  const two = byProcesses.get(2)!;
  const passedByBoth = one
    .filter((s) => s.passed && two.some((t) => t.passed && t.clients === s.clients))
    .map((s) => s.clients);
  const common = passedByBoth.length ? Math.max(...passedByBoth) : undefined;
  const at = (list: StepFigures[]) => list.find((s) => s.clients === common);
  const [a, b] = [at(one), at(two)];
  const summary: Table = {
    title: 'Summary — Careweave on Postgres + Redis, 1 vs 2 processes',
    columns: ['figure', '1 process', '2 processes', '2 / 1'],
    rows: [
      ['capacity (clients)', capacity(one), capacity(two), round(capacity(two) / capacity(one), 2)],
      ...(a && b
        ? [
            [`p99 ms @${common}`, round(a.p99, 1), round(b.p99, 1), round(b.p99 / a.p99, 2)],
            [
              `server CPU s @${common}`,
              round(a.serverCpu, 2),
              round(b.serverCpu, 2),
              round(b.serverCpu / a.serverCpu, 2),
            ],
            [
              `server+pg+redis CPU s @${common}`,
              round(a.serverCpu + a.postgresCpu + a.redisCpu, 2),
              round(b.serverCpu + b.postgresCpu + b.redisCpu, 2),
              round(
                (b.serverCpu + b.postgresCpu + b.redisCpu) /
                  (a.serverCpu + a.postgresCpu + a.redisCpu),
                2,
              ),
            ],
            [
              `CPU s/1M @${common}`,
              round(a.cpuPerMillion, 2),
              round(b.cpuPerMillion, 2),
              round(b.cpuPerMillion / a.cpuPerMillion, 2),
            ],
          ]
        : []),
    ],
    notes: [
      `capacity = largest step with p99 < ${LATENCY_BUDGET_MS} ms and every edit delivered`,
      'with 2 processes the second server and the generator share core 1',
      'server CPU sums both processes; Postgres and Redis run outside them',
    ],
  };
  return {
    name: 'processes',
    tables: [
      stepTable('Careweave on Postgres, 1 process (core 0)', one, false),
      stepTable(
        'Careweave on Postgres + Redis, 2 processes (cores 0 and 1)',
        two,
        false,
        COLUMN_NOTES,
      ),
      summary,
    ],
    figures: { capacity: { one: capacity(one), two: capacity(two) }, commonStep: common, one, two },
  };
}
