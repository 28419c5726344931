import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import {
  CloseCode,
  checkPartnerUpdate,
  parseDocumentName,
  presenceColour,
  writesPartOnly,
} from '@careweave/shared';
import { SESSION_COOKIE } from '../auth/session-service.js';
import { socketEvents, type Admission } from '../collab/socket.js';
import type { AppDeps } from './app.js';
import { originAllowed } from './origin.js';

/** `WS /collab/:docName`: checks session, Origin and access, then hands the socket to its room. */
export function collabRoute({
  sessions,
  people,
  rooms,
  upgradeWebSocket,
  allowedOrigins,
  maxMessageBytes,
  heartbeatMs,
  sessionWatch,
}: AppDeps) {
  return new Hono().get(
    '/:docName',
    upgradeWebSocket(async (c) => {
      const documentName = c.req.param('docName')!;
      const admission = await admit();
      return socketEvents(rooms, documentName, admission, maxMessageBytes, heartbeatMs);

      // Refusals still upgrade, so that browsers can see the close code and reason.
      async function admit(): Promise<Admission> {
        if (!originAllowed(c.req.header('origin'), c.req.header('host'), allowedOrigins)) {
          return { ok: false, code: CloseCode.Forbidden, reason: 'Origin not allowed' };
        }
        const token = getCookie(c, SESSION_COOKIE);
        const session = await sessions.validate(token);
        if (!session) {
          return { ok: false, code: CloseCode.Unauthorized, reason: 'Sign in again to continue' };
        }
        if (session.user.mustChangePassword) {
          return {
            ok: false,
            code: CloseCode.Forbidden,
            reason: 'Choose a password of your own first',
          };
        }
        const document = parseDocumentName(documentName);
        if (!document) {
          return { ok: false, code: CloseCode.Malformed, reason: 'No document has that name' };
        }
        const access = await people.documentAccess(session.user, documentName);
        if (access === 'none') {
          return { ok: false, code: CloseCode.Forbidden, reason: 'No access to this document' };
        }
        await people.openedOverSocket(session.user, documentName);
        const { id, name, role } = session.user;
        const partOnly = access === 'write' && writesPartOnly(role, document.kind);
        return {
          ok: true,
          user: { id, name, role, colour: presenceColour(id) },
          access,
          limit: partOnly ? checkPartnerUpdate : undefined,
          watch: (lapsed) =>
            sessionWatch.watch(
              { token: token!, userId: id, documentName, access, partOnly },
              lapsed,
            ),
        };
      }
    }),
  );
}
