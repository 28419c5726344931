/**
 * A tiny load against each server, to show the bench itself works: 2 rooms × 3 clients for a
 * few seconds. Careweave on Postgres joins when an admin URL is given (`--database-url`).
 */
import { runStep, type StepFigures } from '../load/step.js';
import { COLUMN_NOTES, stepSummary, stepTable } from '../load/step-table.js';
import type { SuiteOptions, SuiteResult } from '../main.js';
import { progress } from '../report.js';
import type { ServerKind } from '../servers.js';

export async function run(options: SuiteOptions): Promise<SuiteResult> {
  const kinds: ServerKind[] = ['careweave-pglite', 'y-websocket-server', 'hocuspocus'];
  if (options.databaseUrl) kinds.splice(1, 0, 'careweave-postgres');
  const steps: StepFigures[] = [];
  for (const kind of kinds) {
    const figures = await runStep({
      kind,
      adminUrl: options.databaseUrl,
      // A check that the bench works, not a measurement: it may share the machine.
      guardNoise: false,
      shape: {
        clients: 6,
        perRoom: 3,
        observersPerRoom: 2,
        editHz: 2,
        caretHz: 2,
        warmupMs: 1_000,
        measureMs: 3_000,
        drainMs: 3_000,
      },
    });
    progress(stepSummary(figures));
    steps.push(figures);
  }
  return {
    name: 'smoke',
    tables: [
      stepTable(
        'Smoke: 2 rooms × 3 clients, 2 edits/s and 2 carets/s each',
        steps,
        true,
        COLUMN_NOTES,
      ),
    ],
    figures: { steps },
  };
}
