import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Blank means unset, as a shell user would mean it: `DATABASE_URL= pnpm start`, `PORT=`. */
const blankIsUnset = (v: unknown) => (v === '' ? undefined : v);
const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
/** A URL, or nothing. */
const optionalUrl = z.preprocess(blankIsUnset, z.string().url().optional());

const ConfigSchema = z.object({
  PORT: z.preprocess(blankIsUnset, port.default(3000)),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: optionalUrl,
  REDIS_URL: optionalUrl,
  /**
   * Extra origins allowed to open WebSockets and to send the API requests that change things,
   * comma-separated (the page's own is always allowed).
   */
  ALLOWED_ORIGINS: z.string().default(''),
  /** A room with nobody in it unloads after this long. */
  ROOM_IDLE_MS: positiveInt.default(30_000),
  /** How often each socket is pinged and its session re-checked. */
  HEARTBEAT_MS: positiveInt.default(30_000),
  /** The largest WebSocket message accepted. */
  MAX_MESSAGE_BYTES: positiveInt.default(2 * 1024 * 1024),
  /** Login attempts allowed per account and client address in one window. */
  LOGIN_ATTEMPTS: positiveInt.default(10),
  LOGIN_WINDOW_MS: positiveInt.default(15 * 60_000),
  /** The licensed WEMWBS/SWEMWBS item wording, as JSON (see MeasureWordingSchema). */
  MEASURE_WORDING_FILE: z.string().min(1).optional(),
});

/**
 * The operator's licensed item wording: `{"WEMWBS": [14 strings], "SWEMWBS": [7 strings]}`,
 * in item order. The authors license it on registration, so Careweave ships none.
 */
const MeasureWordingSchema = z.object({
  WEMWBS: z.array(z.string().trim().min(1)).length(14),
  SWEMWBS: z.array(z.string().trim().min(1)).length(7),
});

export type MeasureWording = z.infer<typeof MeasureWordingSchema>;

/** Reads the wording file once, at start-up; a missing or malformed file stops the start. */
function loadMeasureWording(path: string | undefined): MeasureWording | null {
  if (!path) return null;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`MEASURE_WORDING_FILE: cannot read ${path} (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`MEASURE_WORDING_FILE: ${path} is not valid JSON`);
  }
  const parsed = MeasureWordingSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${i.path.join('.') || '(file)'}: ${i.message}`,
    );
    throw new Error(
      `MEASURE_WORDING_FILE: ${path} must be {"WEMWBS": [14 strings], "SWEMWBS": [7 strings]}:\n  ${problems.join('\n  ')}`,
    );
  }
  return parsed.data;
}

/** Everything the server needs to know, read once at start-up. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  allowedOrigins: string[];
  roomIdleMs: number;
  maxMessageBytes: number;
  heartbeatMs: number;
  loginAttempts: number;
  loginWindowMs: number;
  /** The licensed item wording, when the operator supplied it; otherwise items show by number. */
  measureWording: MeasureWording | null;
  /** Seed the demo team: always on an empty embedded database; on Postgres only when asked. */
  seedDemo: boolean;
}

/** Reads and checks the environment; throws a message naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv, argv: string[] = []): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    allowedOrigins: e.ALLOWED_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    roomIdleMs: e.ROOM_IDLE_MS,
    maxMessageBytes: e.MAX_MESSAGE_BYTES,
    heartbeatMs: e.HEARTBEAT_MS,
    loginAttempts: e.LOGIN_ATTEMPTS,
    loginWindowMs: e.LOGIN_WINDOW_MS,
    measureWording: loadMeasureWording(e.MEASURE_WORDING_FILE),
    seedDemo: argv.includes('--seed-demo') || !e.DATABASE_URL,
  };
}
