import { existsSync, readdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Hono } from 'hono';

/** adapter-node's request handler: the SvelteKit pages. */
export type PagesHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

// adapter-node assumes https unless told the protocol; tell it from the socket itself,
// through a header we always overwrite so that a client cannot choose it.
const PROTOCOL_HEADER = 'x-careweave-protocol';

/** Imports the built pages, or returns null when `web/` has not been built. */
export async function loadPages(handlerPath: string): Promise<PagesHandler | null> {
  if (!existsSync(handlerPath)) return null;
  process.env.PROTOCOL_HEADER ??= PROTOCOL_HEADER;
  const { handler } = (await import(handlerPath)) as { handler: PagesHandler };
  return guardStaticFiles(handler, join(dirname(handlerPath), 'client'));
}

/** Every file under `dir` now, as the URL path that names it (`/favicon.svg`). */
function filesUnder(dir: string): Set<string> {
  if (!existsSync(dir)) return new Set();
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) =>
    f.isFile(),
  );
  return new Set(
    files.map((f) => `/${relative(dir, join(f.parentPath, f.name)).split(sep).join('/')}`),
  );
}

/** The request's path as sirv reads it: before any query, percent-decoded when it can be. */
function pathOf(url: string | undefined): string {
  const pathname = (url ?? '/').split('?')[0]!;
  try {
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
}

/**
 * adapter-node's static server (sirv) lists the client files once, when the pages load, and
 * streams a listed file with no handler for a read error: a file removed since (`web/` rebuilt
 * under a running server) would throw from that stream and stop the process. So a listed file,
 * or a compressed copy sirv might choose instead, that is gone is not found here; and a file
 * that goes between this check and the read cuts that one response short, not the process.
 */
function guardStaticFiles(handler: PagesHandler, clientDir: string): PagesHandler {
  const listed = filesUnder(clientDir);
  return (req, res, next) => {
    const path = pathOf(req.url);
    const gone = [path, `${path}.br`, `${path}.gz`].some(
      (file) => listed.has(file) && !existsSync(join(clientDir, file)),
    );
    if (gone) return next();
    // sirv has sent its headers before the read fails: all that is left is to end the response.
    res.on('pipe', (source: Readable) => source.once('error', () => res.destroy()));
    handler(req, res, next);
  };
}

/** Serves the pages for every request no API route answered. */
export function mountPages(app: Hono<{ Bindings: HttpBindings }>, pages: PagesHandler): void {
  app.all('*', (c) => {
    const { incoming, outgoing } = c.env;
    incoming.headers[PROTOCOL_HEADER] = 'encrypted' in incoming.socket ? 'https' : 'http';
    pages(incoming, outgoing, () => outgoing.writeHead(404).end('Not found'));
    return RESPONSE_ALREADY_SENT;
  });
}
