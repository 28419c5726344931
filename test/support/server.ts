import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, onTestFinished } from 'vitest';
import { createTestDatabase, type TestDatabase } from './database.js';

/** The repository root, so the server is found wherever vitest was started. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const serverEntry = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));
const READY = /Careweave is running at (http:\/\/\S+?)\/?(?:\s|$)/;
/** PGlite's first open (creating and migrating the cluster) takes seconds on a small machine. */
const START_TIMEOUT_MS = 60_000;

export interface StartOptions {
  /** Extra environment, e.g. `{ ROOM_IDLE_MS: '300' }`. */
  env?: Record<string, string>;
  /** A database other servers share; the caller creates and drops it. Default: a fresh one. */
  database?: TestDatabase;
  /** The server's `main.js`, e.g. in a copy of the build. Default: this repository's. */
  entry?: string;
}

/** A running Careweave server on its own database. */
export interface TestServer {
  /** `http://127.0.0.1:<port>`; changes after a restart (port 0). */
  readonly url: string;
  /** `ws://127.0.0.1:<port>/collab`, the y-websocket server URL. */
  readonly wsUrl: string;
  readonly backend: TestDatabase['backend'];
  /** Sends a signal and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /**
   * Starts the server again on the same database (stopping it first if it still runs); on
   * the same port when asked, so that connected clients can reconnect to it.
   */
  restart(options?: { samePort?: boolean }): Promise<void>;
  /** Stops the server and removes its database. Safe to call twice. */
  stop(): Promise<void>;
  /** Everything the server has written to stdout and stderr, across restarts. */
  output(): string;
  /** Resolves with the match once the output (from character `since`) matches. */
  waitForOutput(pattern: RegExp, timeoutMs?: number, since?: number): Promise<RegExpMatchArray>;
}

const running = new Set<ChildProcess>();
const stops = new Set<() => Promise<void>>();

// Servers started in beforeAll belong to the file; this runs whatever is left.
afterAll(async () => {
  await Promise.all([...stops].map((stop) => stop()));
});
// Last resort if the worker dies mid-test: never leave a server behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts `node server/dist/main.js` on port 0, on a fresh database unless given one; teardown is registered. */
export async function startServer(opts: StartOptions = {}): Promise<TestServer> {
  const entry = opts.entry ?? serverEntry;
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: run \`pnpm build\` first.`);
  }
  const database = opts.database ?? (await createTestDatabase());
  const ownsDatabase = !opts.database;
  let child: ChildProcess | null = null;
  let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> = Promise.resolve({
    code: null,
    signal: null,
  });
  let log = '';
  let url = '';
  let stopped = false;

  async function launch(port = '0'): Promise<void> {
    const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', ...opts.env };
    delete env.DATABASE_URL;
    delete env.DATA_DIR;
    Object.assign(env, database.env, { PORT: port });
    const proc = spawn(process.execPath, [entry, ...database.args], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    running.add(proc);
    const since = log.length;
    proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    exited = new Promise((resolve) => {
      proc.once('exit', (code, signal) => {
        running.delete(proc);
        resolve({ code, signal });
      });
    });
    const ready = waitForOutput(READY, START_TIMEOUT_MS, since);
    const died = exited.then(({ code, signal }) => {
      throw new Error(
        `server exited (code ${code}, signal ${signal}) before it was ready:\n${log}`,
      );
    });
    try {
      url = (await Promise.race([ready, died]))[1]!;
    } catch (error) {
      proc.kill('SIGKILL');
      throw error;
    }
  }

  function waitForOutput(pattern: RegExp, timeoutMs = 10_000, since = 0) {
    return new Promise<RegExpMatchArray>((resolve, reject) => {
      const started = Date.now();
      const poll = () => {
        const match = log.slice(since).match(pattern);
        if (match) return resolve(match);
        if (Date.now() - started > timeoutMs) {
          return reject(new Error(`no ${pattern} in server output after ${timeoutMs} ms:\n${log}`));
        }
        setTimeout(poll, 25);
      };
      poll();
    });
  }

  async function kill(signal: NodeJS.Signals = 'SIGTERM') {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return exited;
    proc.kill(signal);
    return exited;
  }

  async function stopProcess() {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    await kill('SIGTERM');
    clearTimeout(timer);
  }

  async function stop() {
    if (stopped) return;
    stopped = true;
    stops.delete(stop);
    await stopProcess();
    if (ownsDatabase) await database.drop();
  }

  stops.add(stop);
  try {
    onTestFinished(stop);
  } catch {
    // Not inside a test (beforeAll): the file's afterAll above stops it.
  }
  try {
    await launch();
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    get url() {
      return url;
    },
    get wsUrl() {
      return `${url.replace(/^http/, 'ws')}/collab`;
    },
    backend: database.backend,
    kill,
    async restart({ samePort = false } = {}) {
      await stopProcess();
      await launch(samePort ? new URL(url).port : '0');
    },
    stop,
    output: () => log,
    waitForOutput,
  };
}
