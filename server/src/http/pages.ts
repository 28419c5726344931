import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
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
  return handler;
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
