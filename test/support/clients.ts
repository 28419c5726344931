import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { afterAll, onTestFinished } from 'vitest';

/** Password of every demo account (DESIGN §6). */
export const DEMO_PASSWORD = 'careweave-demo';

/** Posts a login and returns the raw response, for tests about the login itself. */
export function postLogin(url: string, email: string, password = DEMO_PASSWORD): Promise<Response> {
  return fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

/** The `session=<token>` pair from a response's Set-Cookie, for a Cookie header. */
export function sessionCookieOf(res: Response): string {
  const header = res.headers.getSetCookie().find((c) => c.startsWith('session='));
  if (!header) throw new Error(`no session cookie in response ${res.status}`);
  return header.split(';')[0]!;
}

/** Logs a demo user in and returns the Cookie header value for their session. */
export async function login(url: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await postLogin(url, email, password);
  if (res.status !== 200) throw new Error(`login as ${email}: ${res.status} ${await res.text()}`);
  return sessionCookieOf(res);
}

/** A GET to the API as the holder of `cookie` (or nobody). */
export function get(url: string, path: string, cookie?: string): Promise<Response> {
  return fetch(`${url}${path}`, { headers: cookie ? { cookie } : {} });
}

/** A person as `GET /api/people` lists them. */
export interface PersonSummary {
  id: string;
  nhsNumber: string;
  name: string;
  neighbourhood: string;
  pathway: string;
  planId: string;
}

/** The people the holder of `cookie` may see. */
export async function listPeople(url: string, cookie: string): Promise<PersonSummary[]> {
  const res = await get(url, '/api/people', cookie);
  if (res.status !== 200) throw new Error(`GET /api/people: ${res.status} ${await res.text()}`);
  return (await res.json()) as PersonSummary[];
}

/** The plan id of a person every team member may open, partners included. */
export async function firstPlanId(url: string, cookie: string): Promise<string> {
  const [person] = await listPeople(url, cookie);
  if (!person) throw new Error('no people listed');
  return person.planId;
}

/** A `ws` WebSocket class that sends the given headers on the upgrade, for y-websocket. */
function socketWithHeaders(headers: Record<string, string>) {
  return class HeaderWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols ?? [], { headers });
    }
  };
}

const providers = new Set<WebsocketProvider>();
afterAll(() => {
  for (const provider of providers) destroy(provider);
});

/** Disconnects a client for good and drops its teardown (safe to call twice). */
export function destroy(provider: WebsocketProvider): void {
  if (!providers.delete(provider)) return;
  provider.destroy();
}

export interface ConnectOptions {
  doc?: Y.Doc;
  /** Connect later with `provider.connect()`. */
  connect?: boolean;
}

/**
 * A stock y-websocket client on `docName`, signed in with `cookie`. BroadcastChannel is off:
 * two providers in one Node process would otherwise sync without the server.
 */
export function connect(
  wsUrl: string,
  docName: string,
  cookie: string,
  opts: ConnectOptions = {},
): WebsocketProvider {
  const provider = new WebsocketProvider(wsUrl, docName, opts.doc ?? new Y.Doc(), {
    WebSocketPolyfill: socketWithHeaders({ cookie }) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: opts.connect ?? true,
    // Reconnect quickly after a server restart.
    maxBackoffTime: 500,
  });
  providers.add(provider);
  try {
    onTestFinished(() => destroy(provider));
  } catch {
    // Created outside a test: destroyed after the file.
  }
  return provider;
}

/** Polls until `predicate` holds; fails with `what` after `timeoutMs`. */
export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const started = Date.now();
  while (!(await predicate())) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Resolves once the provider has completed the sync handshake with the server. */
export function synced(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  return waitFor(() => provider.synced, `${provider.roomname} to sync`, timeoutMs);
}

export interface RawOptions {
  cookie?: string;
  origin?: string;
}

/** A bare `ws` connection to `/collab/<docName>`, for tests of what the server refuses. */
export function openRaw(wsUrl: string, docName: string, opts: RawOptions = {}): WebSocket {
  const headers: Record<string, string> = {};
  if (opts.cookie !== undefined) headers.cookie = opts.cookie;
  if (opts.origin !== undefined) headers.origin = opts.origin;
  const socket = new WebSocket(`${wsUrl}/${docName}`, { headers });
  socket.on('error', () => {});
  try {
    onTestFinished(() => socket.terminate());
  } catch {
    // Outside a test: the caller closes it.
  }
  return socket;
}

/**
 * Resolves with the first message the server sends. Call it right after opening: the server
 * may send in the same packet as the handshake, before an `open` handler's continuation runs.
 */
export function firstMessage(socket: WebSocket, timeoutMs = 10_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no message after ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.once('message', (data: Buffer) => {
      clearTimeout(timer);
      resolve(data);
    });
  });
}

/** Resolves once the socket is open (rejects if it closes first). */
export function opened(socket: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.readyState === WebSocket.OPEN) return resolve();
    socket.once('open', () => resolve());
    socket.once('close', (code, reason) =>
      reject(new Error(`closed ${code} ${reason.toString()} before opening`)),
    );
  });
}

/** The close code the server ends the socket with (1006 if the connection just dies). */
export function closeCodeOf(
  socket: WebSocket,
  timeoutMs = 10_000,
): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`socket still open after ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.once('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
    // A refused upgrade (HTTP status instead of 101) is reported here, not as a close code.
    socket.once('unexpected-response', (_req, res) => {
      clearTimeout(timer);
      reject(new Error(`upgrade refused with HTTP ${res.statusCode}, not a WebSocket close`));
    });
  });
}
