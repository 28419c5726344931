import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { LoadClient } from './client.js';
import { Recorder } from './recorder.js';

/** Where the clients of one room connect (one entry per server process they spread over). */
export interface RoomTarget {
  documentName: string;
  wsUrls: string[];
}

export interface LoadShape {
  clients: number;
  perRoom: number;
  observersPerRoom: number;
  /** Edits per second per client. */
  editHz: number;
  /** Caret moves per second per client; 0 for none. */
  caretHz: number;
  warmupMs: number;
  measureMs: number;
  /** The longest wait after sending stops for in-window edits still on their way. */
  drainMs: number;
}

export interface LoadTarget {
  rooms: RoomTarget[];
  /** Hocuspocus framing. */
  named: boolean;
  /** Upgrade headers, spread over the clients (one per signed-in user). */
  headers: Record<string, string>[];
}

/** Called when the measured window opens and when it closes, to sample the servers. */
export interface WindowHooks {
  start(): void;
  end(): void;
}

export interface LoadOutcome {
  recorder: Recorder;
  connected: number;
  failedConnections: number;
  /** The first few reasons connections failed. */
  failures: string[];
  editsInWindow: number;
  /** (edit, observer) pairs that should have arrived. */
  expectedPairs: number;
  /** Edits × (clients per room − 1): the fan-out every server must do. */
  editDeliveries: number;
  caretsInWindow: number;
  expectedCaretPairs: number;
  framesInWindow: number;
  windowSeconds: number;
  generatorCpuSeconds: number;
  /** The generator's own event-loop delay, p99 in ms: high means it, not the server, lagged. */
  generatorLagP99Ms: number;
}

const CONNECT_CONCURRENCY = 50;

async function connectAll(clients: LoadClient[]): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < clients.length) {
      const client = clients[next++]!;
      await client.connect().catch((error: Error) => failures.push(error.message));
    }
  };
  await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, worker));
  return failures;
}

/** Runs `action` every `periodMs` for each client, each at its own random phase. */
function everyClient(clients: LoadClient[], periodMs: number, action: (c: LoadClient) => void) {
  const timers: NodeJS.Timeout[] = [];
  const starts = clients.map((client) =>
    setTimeout(() => {
      action(client);
      timers.push(setInterval(() => action(client), periodMs));
    }, Math.random() * periodMs),
  );
  return () => {
    for (const t of starts) clearTimeout(t);
    for (const t of timers) clearInterval(t);
  };
}

/**
 * Connects the clients room by room, types (and moves carets) at the given rates, measures a
 * window after a warm-up, then waits for in-window edits to drain and disconnects.
 */
export async function runLoad(
  target: LoadTarget,
  shape: LoadShape,
  hooks: WindowHooks,
): Promise<LoadOutcome> {
  const recorder = new Recorder();
  const clients: LoadClient[] = [];
  const roomCount = Math.ceil(shape.clients / shape.perRoom);
  for (let i = 0; i < shape.clients; i++) {
    const roomIndex = i % roomCount;
    const slot = Math.floor(i / roomCount);
    const room = target.rooms[roomIndex]!;
    const client = new LoadClient(
      {
        // Clients of one room alternate between the server processes.
        wsUrl: room.wsUrls[slot % room.wsUrls.length]!,
        documentName: room.documentName,
        named: target.named,
        headers: target.headers[i % target.headers.length]!,
        index: i,
        observer: slot < shape.observersPerRoom,
      },
      recorder,
    );
    clients.push(client);
  }
  const observersInRoom = (c: LoadClient) =>
    Math.min(
      shape.observersPerRoom,
      Math.ceil((shape.clients - (c.spec.index % roomCount)) / roomCount),
    );

  const failures = await connectAll(clients);
  const live = clients.filter((c) => c.ready);
  const stopEdits = everyClient(live, 1000 / shape.editHz, (c) => c.edit());
  const stopCarets =
    shape.caretHz > 0 ? everyClient(live, 1000 / shape.caretHz, (c) => c.caret()) : () => {};

  await sleep(shape.warmupMs);
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const framesBefore = recorder.frames;
  const cpuBefore = process.cpuUsage();
  recorder.windowStart = performance.now();
  hooks.start();
  await sleep(shape.measureMs);
  recorder.windowEnd = performance.now();
  hooks.end();
  const cpu = process.cpuUsage(cpuBefore);
  const framesInWindow = recorder.frames - framesBefore;
  lag.disable();
  stopEdits();
  stopCarets();

  let editsInWindow = 0;
  let expectedPairs = 0;
  let caretsInWindow = 0;
  let expectedCaretPairs = 0;
  for (const client of clients) {
    const others = observersInRoom(client) - (client.spec.observer ? 1 : 0);
    editsInWindow += client.editsInWindow;
    expectedPairs += client.editsInWindow * others;
    caretsInWindow += client.caretsInWindow;
    expectedCaretPairs += client.caretsInWindow * others;
  }
  const drainUntil = performance.now() + shape.drainMs;
  while (recorder.delivered < expectedPairs && performance.now() < drainUntil) await sleep(50);

  for (const client of clients) client.close();
  return {
    recorder,
    connected: clients.length - failures.length,
    failedConnections: failures.length,
    failures: [...new Set(failures)].slice(0, 3),
    editsInWindow,
    expectedPairs,
    editDeliveries: editsInWindow * (shape.perRoom - 1),
    caretsInWindow,
    expectedCaretPairs,
    framesInWindow,
    windowSeconds: (recorder.windowEnd - recorder.windowStart) / 1000,
    generatorCpuSeconds: (cpu.user + cpu.system) / 1e6,
    generatorLagP99Ms: lag.percentile(99) / 1e6,
  };
}
