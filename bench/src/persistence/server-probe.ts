import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { cpuSeconds } from '../proc.js';
import type { RunningServer } from '../servers.js';

/** One figure from parsed /metrics, e.g. `metric(m, 'careweave_log_commit_seconds', '0.99')`. */
export function metric(metrics: Record<string, number>, name: string, quantile?: string): number {
  const key = quantile === undefined ? name : `${name}{quantile="${quantile}"}`;
  return metrics[key] ?? Number.NaN;
}

/** Polls until `predicate` holds; throws naming `what` after `timeoutMs`. */
export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
  pollMs = 20,
): Promise<void> {
  const started = Date.now();
  while (!(await predicate())) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await sleep(pollMs);
  }
}

/**
 * Waits until the server has no room loaded and has stopped using CPU. A room leaves the
 * count as soon as its unload starts, while its last write, snapshot and projection still
 * run, so only a process that has gone idle has really finished unloading.
 */
export async function waitUntilIdle(server: RunningServer, timeoutMs = 120_000): Promise<void> {
  await waitFor(
    async () => metric(await server.metrics(), 'careweave_rooms_loaded') === 0,
    'every room to unload',
    timeoutMs,
    50,
  );
  await waitUntilQuiet(server.pid, timeoutMs);
}

/** Waits until the process has used no CPU (to the kernel's 10 ms tick) for 300 ms. */
export async function waitUntilQuiet(pid: number, timeoutMs = 120_000): Promise<void> {
  const started = Date.now();
  let last = cpuSeconds(pid);
  let quietSince = Date.now();
  while (Date.now() - quietSince < 300) {
    if (Date.now() - started > timeoutMs) throw new Error(`process ${pid} never went quiet`);
    await sleep(100);
    const now = cpuSeconds(pid);
    if (now - last > 0.01) quietSince = Date.now();
    last = now;
  }
}

/**
 * Runs a full garbage collection in a server started with `--inspect=127.0.0.1:<port>`, over
 * the inspector protocol, so heap figures count what is live rather than what awaits GC.
 */
export async function collectGarbage(inspectorPort: number): Promise<void> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const target = targets[0];
  if (!target) throw new Error(`no inspector target on port ${inspectorPort}`);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  try {
    // Twice: objects with finalizers or weak references are freed only by a second pass.
    for (const id of [1, 2]) {
      const answered = new Promise<void>((resolve) => {
        const onMessage = (data: Buffer) => {
          if ((JSON.parse(data.toString()) as { id?: number }).id !== id) return;
          socket.off('message', onMessage);
          resolve();
        };
        socket.on('message', onMessage);
      });
      socket.send(JSON.stringify({ id, method: 'HeapProfiler.collectGarbage' }));
      await answered;
    }
  } finally {
    socket.close();
  }
}
