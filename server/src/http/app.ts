import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, deleteCookie } from 'hono/cookie';
import type { UpgradeWebSocket } from 'hono/ws';
import { getConnInfo } from '@hono/node-server/conninfo';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { WebSocket } from 'ws';
import type { Db } from '@careweave/db';
import type { AuthService } from '../auth/auth-service.js';
import { SESSION_COOKIE, type SessionService } from '../auth/session-service.js';
import type { PeopleService } from '../people-service.js';
import type { PlansService } from '../plans/plans-service.js';
import type { MeetingsService } from '../meetings/meetings-service.js';
import type { VersionsService } from '../versions/versions-service.js';
import type { MeasuresService } from '../measures/measures-service.js';
import type { ReferralsService } from '../referrals/referrals-service.js';
import type { AuditService } from '../audit/audit-service.js';
import type { DashboardService } from '../dashboard/dashboard-service.js';
import type { TeamService } from '../team/team-service.js';
import type { Rooms } from '../collab/rooms.js';
import { collabRoute } from './collab-route.js';
import { metricsRoute } from './metrics-route.js';
import { fail, onError } from './errors.js';
import { jsonObject, unwrap } from './outcomes.js';
import { refuseCrossSiteWrites } from './origin.js';
import { auditRoutes } from './audit-routes.js';
import { dashboardRoutes } from './dashboard-routes.js';
import { measureRoutes } from './measure-routes.js';
import { meetingRoutes } from './meeting-routes.js';
import type { SessionWatch } from '../collab/session-watch.js';
import { referralRoutes } from './referral-routes.js';
import { planRoutes } from './plan-routes.js';
import { teamRoutes } from './team-routes.js';
import { versionRoutes } from './version-routes.js';
import { requireUser as requireUserFor, type Env } from './require-user.js';
import { setSessionCookie } from './session-cookie.js';

export interface AppDeps {
  db: Db;
  sessions: SessionService;
  auth: AuthService;
  people: PeopleService;
  plans: PlansService;
  meetings: MeetingsService;
  versions: VersionsService;
  measures: MeasuresService;
  referrals: ReferralsService;
  dashboard: DashboardService;
  audit: AuditService;
  team: TeamService;
  rooms: Rooms;
  upgradeWebSocket: UpgradeWebSocket<WebSocket>;
  allowedOrigins: string[];
  maxMessageBytes: number;
  heartbeatMs: number;
  /** Re-checks the sessions of every open socket, all in one query a round. */
  sessionWatch: SessionWatch;
}

const LoginBody = z.object({ email: z.string(), password: z.string() });

const MAX_API_BODY_BYTES = 1024 * 1024;

/** The HTTP API and the collaboration endpoint (DESIGN §6). */
export function createApp(deps: AppDeps) {
  const { db, sessions, auth } = deps;
  const requireUser = requireUserFor(sessions);

  const app = new Hono<Env>();
  app.onError(onError);
  app.use('/api/*', refuseCrossSiteWrites(deps.allowedOrigins));
  // Every API body is a few fields of typed text; a larger one is a mistake or an attack.
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_API_BODY_BYTES,
      onError: () => fail(413, `Send at most ${MAX_API_BODY_BYTES / 1024} KiB in one request.`),
    }),
  );

  app.get('/healthz', async (c) => {
    try {
      await db.execute(sql`select 1`);
      return c.json({ ok: true });
    } catch {
      return c.json({ ok: false }, 503);
    }
  });

  app.post('/api/auth/login', async (c) => {
    const body = LoginBody.safeParse(await c.req.json().catch(() => null));
    if (!body.success) fail(400, 'Send JSON with an email and a password.');
    const address = getConnInfo(c).remote.address ?? 'unknown';
    const result = await auth.login(body.data.email, body.data.password, address);
    if (!result.ok && result.reason === 'rate-limited') {
      fail(429, 'Too many sign-in attempts. Wait a few minutes and try again.', undefined, {
        'Retry-After': String(result.retryAfterSeconds),
      });
    }
    if (!result.ok) fail(401, 'Email or password is not right.');
    setSessionCookie(c, result.token, result.expiresAt);
    return c.json({ user: result.user });
  });

  app.post('/api/auth/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = await sessions.validate(token);
    await auth.logout(token, session?.user.id ?? null);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });

  app.get('/api/me', requireUser, (c) => c.json(c.var.user));

  app.post('/api/me/password', requireUser, async (c) => {
    const body = await jsonObject(c.req.raw, 'current, next and confirm');
    unwrap(await auth.changePassword(c.var.user, getCookie(c, SESSION_COOKIE), body));
    return c.body(null, 204);
  });

  app.route('/api', planRoutes(deps, requireUser));
  app.route('/api', versionRoutes(deps, requireUser));
  app.route('/api', meetingRoutes(deps, requireUser));
  app.route('/api', measureRoutes(deps, requireUser));
  app.route('/api', referralRoutes(deps, requireUser));
  app.route('/api', dashboardRoutes(deps, requireUser));
  app.route('/api', auditRoutes(deps, requireUser));
  app.route('/api', teamRoutes(deps, requireUser));

  app.route('/collab', collabRoute(deps));
  app.route('/metrics', metricsRoute(deps.rooms));

  app.all('/api/*', () => fail(404, 'No such API endpoint.'));

  return app;
}
