import { cpus } from 'node:os';
import { DEMO_WRITERS, createPlans, planDocument, signIn, wsHeaders } from '../careweave-setup.js';
import {
  GENERATOR_CORE,
  cpuSeconds,
  cpuTimes,
  machineBusySeconds,
  moveToCore,
  peakRssBytes,
  postgresCpu,
  postgresCpuBetween,
  processesNamed,
} from '../proc.js';
import { progress } from '../report.js';
import { startServer, type RunningServer, type ServerKind } from '../servers.js';
import { NOISE_CORES, waitForQuiet } from './quiet.js';
import { runLoad, type LoadShape, type RoomTarget } from './run.js';

/** The load every compared server gets, per the product claim: 10 per room, typing at 1 Hz. */
export const STANDARD_SHAPE: Omit<LoadShape, 'clients'> = {
  perRoom: 10,
  observersPerRoom: 2,
  editHz: 1,
  caretHz: 0,
  warmupMs: 4_000,
  measureMs: 12_000,
  drainMs: 3_000,
};

/** Latency a user does not notice as lag, the pass mark of a step. */
export const LATENCY_BUDGET_MS = 100;

export interface StepSpec {
  kind: ServerKind;
  shape: LoadShape;
  /** Server processes sharing the rooms (Careweave on Postgres + Redis only); default 1. */
  processes?: number;
  adminUrl?: string;
  /** Reuse this database instead of creating one (the smoke test's CI database). */
  databaseUrl?: string;
  /** Extra node flags for the server processes, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** Wait for a quiet machine and measure a noisy step again (default true). */
  guardNoise?: boolean;
}

/** Everything measured in one step; latencies in ms, CPU in seconds, memory in bytes. */
export interface StepFigures {
  kind: ServerKind;
  processes: number;
  clients: number;
  rooms: number;
  connected: number;
  failedConnections: number;
  /** The first few reasons connections failed. */
  failures: string[];
  unexpectedCloses: number;
  editsPerSecond: number;
  delivered: number;
  expected: number;
  duplicates: number;
  deliveryRatio: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  caretP50: number;
  caretP99: number;
  caretRatio: number;
  windowSeconds: number;
  /** Server processes' CPU seconds in the window (summed over processes). */
  serverCpu: number;
  /**
   * Of `serverCpu`, the seconds spent in the kernel: nearly all of it socket writes and reads,
   * which every server makes about as many of for the same load.
   */
  serverKernelCpu: number;
  /** CPU seconds of Postgres (backends and background writers) in the window. */
  postgresCpu: number;
  /** CPU seconds of Redis in the window (several processes only). */
  redisCpu: number;
  generatorCpu: number;
  generatorLagP99: number;
  /**
   * Busy CPU seconds on the machine in the window that none of the above used: the kernel's
   * loopback networking, and anything else running (a noisy neighbour skews a step).
   */
  otherCpu: number;
  /** Each (edit, other client in the room) pair: the fan-out every server must do. */
  editDeliveries: number;
  /** Frames all clients received in the window (servers batch differently; see RESULTS). */
  frames: number;
  /** Server CPU seconds per million edit deliveries. */
  cpuPerMillion: number;
  peakRss: number;
  /** Careweave: arrival → log commit, seconds, over every update since start. */
  commitP50: number;
  commitP99: number;
  passed: boolean;
  /** How many times the step was measured (`--repeat`), and how many of those passed. */
  runs: number;
  passedRuns: number;
}

async function careweaveRooms(server: RunningServer, rooms: number) {
  const cookies = await Promise.all(DEMO_WRITERS.map((email) => signIn(server.url, email)));
  const planIds = await createPlans(server.url, cookies[0]!, rooms);
  return { documents: planIds.map(planDocument), headers: cookies.map(wsHeaders) };
}

async function startAll(spec: StepSpec): Promise<RunningServer[]> {
  const processes = spec.processes ?? 1;
  const env: Record<string, string> = processes > 1 ? { REDIS_URL: 'redis://127.0.0.1:6379' } : {};
  const first = await startServer(spec.kind, {
    cpu: 0,
    env,
    adminUrl: spec.adminUrl,
    databaseUrl: spec.databaseUrl,
    nodeArgs: spec.nodeArgs,
  });
  const servers = [first];
  try {
    for (let i = 1; i < processes; i++) {
      const databaseUrl = first.databaseUrl;
      servers.push(
        await startServer(spec.kind, { cpu: i, env, databaseUrl, nodeArgs: spec.nodeArgs }),
      );
    }
  } catch (error) {
    await first.stop();
    throw error;
  }
  return servers;
}

/**
 * Starts fresh server processes, runs one load step against them, stops them. A step that
 * shared the machine with someone else's work (a build, a test run) is measured again once.
 */
export async function runStep(spec: StepSpec): Promise<StepFigures> {
  if (spec.guardNoise === false) return runStepOnce(spec);
  await waitForQuiet();
  const figures = await runStepOnce(spec);
  if (figures.otherCpu / figures.windowSeconds < NOISE_CORES) return figures;
  progress(`  other work used ${figures.otherCpu.toFixed(1)} CPU s meanwhile: measuring again`);
  await waitForQuiet();
  return runStepOnce(spec);
}

async function runStepOnce(spec: StepSpec): Promise<StepFigures> {
  const { shape } = spec;
  const servers = await startAll(spec);
  const onPostgres = servers[0]!.databaseUrl !== undefined;
  // The server under test has its core to itself, as in a deployment where the database runs
  // elsewhere: Postgres (and Redis) share the generator's. Their CPU is still counted.
  const services = [
    ...(onPostgres ? processesNamed('postgres') : []),
    ...(servers.length > 1 ? processesNamed('redis-server') : []),
  ];
  const putBack = cpus().length > 1 ? moveToCore(services, GENERATOR_CORE) : () => {};
  try {
    const roomCount = Math.ceil(shape.clients / shape.perRoom);
    const careweave = spec.kind.startsWith('careweave');
    const setup = careweave
      ? await careweaveRooms(servers[0]!, roomCount)
      : {
          documents: Array.from({ length: roomCount }, (_, i) => `bench-room-${i}`),
          headers: [{}],
        };
    const rooms: RoomTarget[] = setup.documents.map((documentName) => ({
      documentName,
      wsUrls: servers.map((s) => s.wsUrl(documentName)),
    }));

    let cpuStart = { user: 0, kernel: 0 };
    let cpuEnd = { user: 0, kernel: 0 };
    let busyStart = 0;
    let busyEnd = 0;
    let pgStart = new Map<number, number>();
    let pgEnd = new Map<number, number>();
    const serverCpu = () =>
      servers
        .map((s) => cpuTimes(s.pid))
        .reduce((sum, t) => ({
          user: sum.user + t.user,
          kernel: sum.kernel + t.kernel,
        }));
    const redis = servers.length > 1 ? processesNamed('redis-server') : [];
    const redisCpu = () => redis.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    let redisStart = 0;
    let redisEnd = 0;
    const outcome = await runLoad(
      { rooms, named: spec.kind === 'hocuspocus', headers: setup.headers },
      shape,
      {
        start() {
          cpuStart = serverCpu();
          redisStart = redisCpu();
          busyStart = machineBusySeconds();
          if (onPostgres) pgStart = postgresCpu();
        },
        end() {
          cpuEnd = serverCpu();
          redisEnd = redisCpu();
          busyEnd = machineBusySeconds();
          if (onPostgres) pgEnd = postgresCpu();
        },
      },
    );
    const metrics = await servers[0]!.metrics().catch(() => ({}) as Record<string, number>);
    const peakRss = servers.reduce((sum, s) => sum + peakRssBytes(s.pid), 0);

    const { recorder } = outcome;
    const edits = recorder.editLatency.percentiles();
    const carets = recorder.caretLatency.percentiles();
    const ratio = outcome.expectedPairs > 0 ? recorder.delivered / outcome.expectedPairs : NaN;
    const kernelCpu = cpuEnd.kernel - cpuStart.kernel;
    const cpu = cpuEnd.user - cpuStart.user + kernelCpu;
    const pgCpu = onPostgres ? postgresCpuBetween(pgStart, pgEnd) : 0;
    const passed =
      outcome.failedConnections === 0 &&
      recorder.unexpectedCloses === 0 &&
      recorder.duplicates === 0 &&
      recorder.delivered === outcome.expectedPairs &&
      edits.p99 < LATENCY_BUDGET_MS;
    return {
      kind: spec.kind,
      processes: servers.length,
      clients: shape.clients,
      rooms: roomCount,
      connected: outcome.connected,
      failedConnections: outcome.failedConnections,
      failures: outcome.failures,
      unexpectedCloses: recorder.unexpectedCloses,
      editsPerSecond: outcome.editsInWindow / outcome.windowSeconds,
      delivered: recorder.delivered,
      expected: outcome.expectedPairs,
      duplicates: recorder.duplicates,
      deliveryRatio: ratio,
      ...edits,
      caretP50: carets.p50,
      caretP99: carets.p99,
      caretRatio:
        outcome.expectedCaretPairs > 0
          ? recorder.caretsDelivered / outcome.expectedCaretPairs
          : NaN,
      windowSeconds: outcome.windowSeconds,
      serverCpu: cpu,
      serverKernelCpu: kernelCpu,
      postgresCpu: pgCpu,
      redisCpu: redisEnd - redisStart,
      generatorCpu: outcome.generatorCpuSeconds,
      otherCpu:
        busyEnd - busyStart - cpu - pgCpu - (redisEnd - redisStart) - outcome.generatorCpuSeconds,
      generatorLagP99: outcome.generatorLagP99Ms,
      editDeliveries: outcome.editDeliveries,
      frames: outcome.framesInWindow,
      cpuPerMillion: outcome.editDeliveries > 0 ? (cpu / outcome.editDeliveries) * 1e6 : NaN,
      peakRss,
      commitP50: metrics['careweave_log_commit_seconds{quantile="0.5"}'] ?? NaN,
      commitP99: metrics['careweave_log_commit_seconds{quantile="0.99"}'] ?? NaN,
      passed,
      runs: 1,
      passedRuns: passed ? 1 : 0,
    };
  } finally {
    for (const server of servers.slice().reverse()) await server.stop().catch(() => {});
    putBack();
  }
}
