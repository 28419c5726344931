import { EventEmitter } from 'node:events';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { Hono } from 'hono';
import { getRequestListener, type HttpBindings } from '@hono/node-server';
import { createNodeWebSocket } from '@hono/node-ws';
import { createDb } from '@careweave/db';
import { createAuthService } from './auth/auth-service.js';
import { createSessionService } from './auth/session-service.js';
import { connectRedisPeers } from './collab/peers.js';
import { Rooms } from './collab/rooms.js';
import { SessionWatch } from './collab/session-watch.js';
import type { Config } from './config.js';
import { createApp } from './http/app.js';
import { mountPages, type PagesHandler } from './http/pages.js';
import { createAuditService } from './audit/audit-service.js';
import { createDashboardService } from './dashboard/dashboard-service.js';
import { createMeasuresService } from './measures/measures-service.js';
import { createMeetingsService } from './meetings/meetings-service.js';
import { createReferralsService } from './referrals/referrals-service.js';
import { createPeopleService } from './people-service.js';
import { createPlansService } from './plans/plans-service.js';
import { planProjectorFor } from './plans/projector.js';
import { createDocumentStore } from './repo/documents.js';
import { installRuntime, type Runtime } from './runtime.js';
import { seedDemo } from './seed/demo.js';
import { createTeamService } from './team/team-service.js';
import { createVersionsService } from './versions/versions-service.js';

/**
 * A running Careweave: the database, the services, the Hono app and the collaboration
 * rooms, ready to be mounted on any Node HTTP server (production's, or Vite's in development).
 */
export interface Careweave {
  runtime: Runtime;
  /** True for paths the Hono app serves: `/api/*`, `/collab/*`, `/healthz`, `/metrics`. */
  ownsPath(pathname: string): boolean;
  /** Answers an HTTP request: the API, and the pages when they were mounted. */
  handleRequest(req: IncomingMessage, res: ServerResponse): void;
  /** Handles a WebSocket upgrade to `/collab/:docName`. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every socket, writes every room, then closes the database. */
  close(): Promise<void>;
}

const log = (message: string) => console.log(message);

/** `/collab/:docName`, one path segment, with or without a query. */
const COLLAB_UPGRADE = /^\/collab\/[^/?]+(?:\?.*)?$/;

export interface CareweaveOptions {
  /** The built SvelteKit pages, served for every path the API does not own. */
  pages?: PagesHandler | null;
}

/** Opens the database, applies migrations, seeds if asked, and wires the services. */
export async function openCareweave(
  config: Config,
  { pages }: CareweaveOptions = {},
): Promise<Careweave> {
  const database = await createDb({ url: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  if (config.seedDemo && (await seedDemo(database.db))) log('Seeded the demo team');

  const db = database.db;
  const peers = config.redisUrl ? await connectRedisPeers(config.redisUrl, log) : undefined;
  // Signing out, consent given or withdrawn, and a role changed or a member removed hold for
  // open documents at once, in every process, not a heartbeat later.
  const accessChanged = () => {
    void sessionWatch.check();
    peers?.announceAccessChange();
  };
  peers?.onAccessChange(() => void sessionWatch.check());
  const sessions = createSessionService(db);
  const auth = createAuthService(db, sessions, {
    attempts: config.loginAttempts,
    windowMs: config.loginWindowMs,
    signedOut: accessChanged,
  });
  const people = createPeopleService(db, accessChanged);
  const sessionWatch = new SessionWatch({
    stillValid: (tokens) => sessions.stillValid(tokens),
    accessNow: (sockets) => people.accessNow(sockets),
    intervalMs: config.heartbeatMs,
    log,
  });
  const rooms = new Rooms(createDocumentStore(db), {
    idleMs: config.roomIdleMs,
    log,
    projectorFor: planProjectorFor(db),
    peers,
  });
  const plans = createPlansService(db, rooms);
  const versions = createVersionsService(db, rooms);
  const meetings = createMeetingsService({ db, rooms, versions });
  const measures = createMeasuresService(db, config.measureWording);
  const referrals = createReferralsService(db);
  const dashboard = createDashboardService(db);
  const audit = createAuditService(db);
  const team = createTeamService(db, accessChanged);

  const app = new Hono<{ Bindings: HttpBindings }>();
  const { upgradeWebSocket, injectWebSocket, wss } = createNodeWebSocket({ app });
  // A frame over the limit is refused with 4413 from its header (collab/socket.ts); a message
  // sent in fragments, or a header split across reads, is left to the transport, which drops
  // the socket (1009) past this.
  wss.options.maxPayload = Math.max(config.maxMessageBytes * 4, 16 * 1024 * 1024);
  // Uncompressed frames are written straight to the socket (collab/socket.ts).
  wss.options.perMessageDeflate = false;
  app.route(
    '/',
    createApp({
      db,
      sessions,
      auth,
      people,
      plans,
      meetings,
      versions,
      measures,
      referrals,
      dashboard,
      audit,
      team,
      rooms,
      upgradeWebSocket,
      allowedOrigins: config.allowedOrigins,
      maxMessageBytes: config.maxMessageBytes,
      heartbeatMs: config.heartbeatMs,
      sessionWatch,
    }),
  );
  if (pages) mountPages(app, pages);
  // @hono/node-ws listens for 'upgrade' on a server; give it an emitter that only
  // receives /collab upgrades so other upgrade users (Vite's HMR) are left alone.
  const upgrades = new EventEmitter();
  injectWebSocket(upgrades as Server);

  const runtime: Runtime = {
    config,
    sessions,
    auth,
    people,
    plans,
    meetings,
    versions,
    measures,
    referrals,
    dashboard,
    audit,
    team,
  };
  installRuntime(runtime);

  return {
    runtime,
    ownsPath: (pathname) =>
      pathname === '/healthz' ||
      pathname === '/metrics' ||
      pathname.startsWith('/api/') ||
      pathname.startsWith('/collab/'),
    handleRequest: getRequestListener(app.fetch),
    handleUpgrade: (req, socket, head) => {
      // Any other upgrade would fall through to the pages, which cannot answer one.
      if (!COLLAB_UPGRADE.test(req.url ?? '')) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      upgrades.emit('upgrade', req, socket, head);
    },
    async close() {
      sessionWatch.stop();
      for (const client of wss.clients) client.close(1001, 'Server is restarting');
      await rooms.closeAll();
      await peers?.close();
      installRuntime(undefined);
      await database.close();
    },
  };
}
