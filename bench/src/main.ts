/**
 * `pnpm bench [suite] [flags]`: measures Careweave's collaboration server against
 * @y/websocket-server and Hocuspocus. Suites live in ./suites/<name>.ts; `all` runs each.
 * Each suite returns its tables and main prints them when it ends; suites report progress on
 * stderr as they go. Flags: --quick (a short version), --json (the results as JSON on stdout,
 * tables on stderr),
 * --database-url=<admin URL> (where throw-away databases are created); anything else is
 * passed to the suite.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { flagValue } from './flags.js';
import { GENERATOR_CORE, pinToCore, putBackMovedProcesses } from './proc.js';
import { printTable, progress, setTableOutput, type Table } from './report.js';
import { stopAllServers } from './servers.js';

export interface SuiteOptions {
  quick: boolean;
  json: boolean;
  /** Admin URL for CREATE DATABASE; default postgres://postgres@127.0.0.1:5432/postgres. */
  databaseUrl?: string;
  /** The remaining command-line flags, for the suite's own options. */
  args?: string[];
}

export interface SuiteResult {
  name: string;
  tables: Table[];
  figures: Record<string, unknown>;
}

export const SUITES = [
  'compare',
  'carets',
  'processes',
  'durability',
  'cold-load',
  'memory',
  'smoke',
] as const;

/** What `all` runs: `carets` is already part of `compare`. */
const ALL = ['compare', 'processes', 'durability', 'cold-load', 'memory'];

async function runSuite(name: string, options: SuiteOptions): Promise<SuiteResult> {
  const module = (await import(`./suites/${name}.js`)) as {
    run(options: SuiteOptions): Promise<SuiteResult>;
  };
  const started = performance.now();
  progress(`== ${name} ==`);
  const result = await module.run(options);
  progress(`== ${name} done in ${((performance.now() - started) / 1000).toFixed(0)} s ==`);
  return result;
}

/** One benchmark at a time on this machine: two would measure each other. */
const LOCK = join(tmpdir(), 'careweave-bench.lock');

function lockHolder(): number | null {
  try {
    const pid = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** Waits for any other bench run to finish, then holds the machine until this one exits. */
async function takeMachine(): Promise<void> {
  let told = false;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      process.on('exit', () => rmSync(LOCK, { recursive: true, force: true }));
      return;
    } catch {
      const holder = lockHolder();
      if (holder === null) {
        // Its owner is gone (or is still writing its pid: give it a moment first).
        await sleep(500);
        if (lockHolder() === null) rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (!told) progress(`waiting for the bench run in process ${holder} to finish`);
      told = true;
      await sleep(1000);
    }
  }
}

async function main(argv: string[]): Promise<void> {
  const positional = argv.filter((a) => !a.startsWith('--'));
  const suite = positional[0] ?? 'compare';
  if (suite !== 'all' && !(SUITES as readonly string[]).includes(suite)) {
    throw new Error(`Unknown suite "${suite}": choose one of ${SUITES.join(', ')} or all`);
  }
  const options: SuiteOptions = {
    quick: argv.includes('--quick'),
    json: argv.includes('--json'),
    databaseUrl: flagValue(argv, 'database-url'),
    args: argv.filter((a) => a.startsWith('--')),
  };
  if (options.json) setTableOutput(process.stderr);
  // The smoke test's tiny load may share the machine; every real measurement waits its turn.
  if (suite !== 'smoke') await takeMachine();

  // Servers run on core 0; the load generator (this process) keeps core 1 to itself.
  if (cpus().length > 1 && !pinToCore(process.pid, GENERATOR_CORE)) {
    progress('taskset is not available: the generator and the servers share the cores.');
  }

  // Interrupted: stop the servers (and drop their data) rather than leave them running, and
  // give the machine's Postgres and Redis their cores back.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      putBackMovedProcesses();
      void stopAllServers().finally(() => process.exit(130));
    });
  }

  const results: SuiteResult[] = [];
  for (const name of suite === 'all' ? ALL : [suite]) {
    const result = await runSuite(name, options);
    results.push(result);
    for (const table of result.tables) printTable(table);
  }
  if (options.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

// Run only as the entry point, so that suites may import the types above.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    // Sockets or timers a suite left behind must not keep the bench alive.
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
