import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

/** The collaboration servers the bench can start. */
export type ServerKind =
  'careweave-pglite' | 'careweave-postgres' | 'y-websocket-server' | 'hocuspocus' | 'relay';

export const SERVER_KINDS: ServerKind[] = [
  'careweave-pglite',
  'careweave-postgres',
  'y-websocket-server',
  'hocuspocus',
  'relay',
];

/** The Postgres the bench creates its throw-away databases on, unless told otherwise. */
export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface StartOptions {
  port?: number;
  /** The core the server is pinned to with taskset; default 0. */
  cpu?: number;
  env?: Record<string, string>;
  /** Reuse a PGlite folder (kept on stop). */
  dataDir?: string;
  /** Reuse a Postgres database (kept on stop). */
  databaseUrl?: string;
  /** Where to create a fresh database when none is given; default DEFAULT_ADMIN_URL. */
  adminUrl?: string;
  /** Extra flags for node itself, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
}

export interface RunningServer {
  kind: ServerKind;
  /** The current process (it changes on restart). */
  readonly pid: number;
  port: number;
  /** http://127.0.0.1:port */
  url: string;
  wsUrl(documentName: string): string;
  /** Careweave only: the PGlite folder or the Postgres URL it runs on. */
  dataDir?: string;
  databaseUrl?: string;
  /** Sends a signal (default SIGKILL) and resolves when the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the server again on the same port with the same data. */
  restart(): Promise<void>;
  /** SIGTERM (a clean stop), then removes the temporary data or database it created. */
  stop(): Promise<void>;
  /** Careweave: its parsed /metrics (`name{labels}` → value); others: {}. */
  metrics(): Promise<Record<string, number>>;
}

const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const careweaveMain = join(repoRoot, 'server/dist/main.js');
const ownScript = (name: string) => fileURLToPath(new URL(`./servers/${name}.js`, import.meta.url));

const hasTaskset = spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status === 0;

/** A port that was free a moment ago on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Parses Prometheus text exposition into `name{labels}` → value. */
export function parseMetrics(text: string): Record<string, number> {
  const values: Record<string, number> = {};
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    if (space > 0) values[line.slice(0, space)] = Number(line.slice(space + 1));
  }
  return values;
}

async function createDatabase(adminUrl: string): Promise<string> {
  const name = `bench_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(adminUrl: string, databaseUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

interface Launch {
  script: string;
  args: string[];
  env: Record<string, string>;
  /** Printed on stdout once the server accepts connections. */
  ready: string;
}

function launchFor(kind: ServerKind, port: number, data: { dataDir?: string; db?: string }) {
  const base = { PORT: String(port), HOST: '127.0.0.1' };
  switch (kind) {
    case 'careweave-pglite':
      return {
        script: careweaveMain,
        args: [],
        env: { ...base, DATA_DIR: data.dataDir!, LOGIN_ATTEMPTS: '100000' },
        ready: 'Careweave is running at',
      };
    case 'careweave-postgres':
      return {
        script: careweaveMain,
        // Seeding skips a database that already has users, so a restart keeps its data.
        args: ['--seed-demo'],
        env: { ...base, DATABASE_URL: data.db!, LOGIN_ATTEMPTS: '100000' },
        ready: 'Careweave is running at',
      };
    case 'y-websocket-server':
      return { script: ownScript('y-websocket-server'), args: [], env: base, ready: 'listening' };
    case 'hocuspocus':
      return { script: ownScript('hocuspocus'), args: [], env: base, ready: 'listening' };
    case 'relay':
      return { script: ownScript('relay'), args: [], env: base, ready: 'listening' };
  }
}

/** Servers started and not yet stopped, so an interrupted run can clean up after itself. */
const running = new Set<RunningServer>();

/** Stops every server still running (each removing the data it created). */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop().catch(() => {})));
}

/**
 * What every server's node runs with: the young generation `pnpm start` gives Careweave (root
 * package.json), given to the other servers too so that all run alike.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];

/** Starts one server as a child process pinned to a core and waits until it is ready. */
export async function startServer(
  kind: ServerKind,
  options: StartOptions = {},
): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const adminUrl = options.adminUrl ?? DEFAULT_ADMIN_URL;
  const ownsData = !options.dataDir && !options.databaseUrl;
  const dataDir =
    kind === 'careweave-pglite'
      ? (options.dataDir ?? mkdtempSync(join(tmpdir(), 'careweave-bench-')))
      : undefined;
  const databaseUrl =
    kind === 'careweave-postgres'
      ? (options.databaseUrl ?? (await createDatabase(adminUrl)))
      : undefined;
  const launch: Launch = launchFor(kind, port, { dataDir, db: databaseUrl });
  const cpu = options.cpu ?? 0;

  let child: ChildProcess | null = null;
  let output: string[] = [];

  async function launchProcess(): Promise<void> {
    const nodeArgs = [
      ...SERVER_NODE_FLAGS,
      ...(options.nodeArgs ?? []),
      launch.script,
      ...launch.args,
    ];
    const [command, args] = hasTaskset
      ? ['taskset', ['-c', String(cpu), process.execPath, ...nodeArgs]]
      : [process.execPath, nodeArgs];
    const proc = spawn(command, args as string[], {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'production', ...launch.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    output = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${kind} did not start in time:\n${output.join('\n')}`)),
        READY_TIMEOUT_MS,
      );
      const onLine = (chunk: Buffer) => {
        // The pipes are always read, or a chatty server would block on a full pipe.
        const text = chunk.toString();
        output.push(...text.split('\n').filter(Boolean));
        if (output.length > 40) output = output.slice(-40);
        if (text.includes(launch.ready)) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout!.on('data', onLine);
      proc.stderr!.on('data', onLine);
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(
          new Error(
            `${kind} exited (${code ?? signal}) before it was ready:\n${output.join('\n')}`,
          ),
        );
      });
    });
  }

  function kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer =
        signal === 'SIGKILL' ? null : setTimeout(() => proc.kill('SIGKILL'), STOP_TIMEOUT_MS);
      proc.once('exit', () => {
        if (timer) clearTimeout(timer);
        resolve();
      });
      proc.kill(signal);
    });
  }

  const server: RunningServer = {
    kind,
    get pid() {
      return child?.pid ?? 0;
    },
    port,
    url: `http://127.0.0.1:${port}`,
    wsUrl: (documentName) =>
      kind.startsWith('careweave')
        ? `ws://127.0.0.1:${port}/collab/${documentName}`
        : `ws://127.0.0.1:${port}/${documentName}`,
    dataDir,
    databaseUrl,
    kill,
    async restart() {
      await kill('SIGKILL');
      await launchProcess();
    },
    async stop() {
      running.delete(server);
      await kill('SIGTERM');
      if (!ownsData) return;
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      if (databaseUrl) await dropDatabase(adminUrl, databaseUrl);
    },
    async metrics() {
      if (!kind.startsWith('careweave')) return {};
      const response = await fetch(`http://127.0.0.1:${port}/metrics`);
      return response.ok ? parseMetrics(await response.text()) : {};
    },
  };

  running.add(server);
  try {
    await launchProcess();
  } catch (error) {
    await server.stop().catch(() => {});
    throw error;
  }
  return server;
}
