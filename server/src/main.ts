import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { loadConfig } from './config.js';
import { openCareweave } from './host.js';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo-data.js';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const webBuild = fileURLToPath(new URL('../../web/build/handler.js', import.meta.url));

// adapter-node assumes https unless told the protocol; tell it from the socket itself,
// through a header we always overwrite so a client cannot choose it.
const PROTOCOL_HEADER = 'x-careweave-protocol';

/** The SvelteKit pages, when they have been built. */
async function loadPages(): Promise<NodeHandler | null> {
  if (!existsSync(webBuild)) return null;
  process.env.PROTOCOL_HEADER ??= PROTOCOL_HEADER;
  const { handler } = (await import(webBuild)) as { handler: NodeHandler };
  return handler;
}

const config = loadConfig(process.env, process.argv.slice(2));
const careweave = await openCareweave(config);
const pages = await loadPages();

const server = createServer((req, res) => {
  const pathname = (req.url ?? '/').split('?')[0]!;
  if (careweave.ownsPath(pathname) || !pages) return careweave.handleRequest(req, res);
  req.headers[PROTOCOL_HEADER] = 'encrypted' in req.socket ? 'https' : 'http';
  pages(req, res, () => {
    res.writeHead(404).end('Not found');
  });
});
server.on('upgrade', (req, socket, head) => {
  if ((req.url ?? '').startsWith('/collab/')) careweave.handleUpgrade(req, socket, head);
  else socket.destroy();
});

server.listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  if (!pages) console.log('The web pages are not built: run `pnpm build` for the full app.');
  if (config.seedDemo) {
    console.log(`Demo logins, all with the password "${DEMO_PASSWORD}":`);
    for (const user of DEMO_USERS) console.log(`  ${user.email.padEnd(24)} ${user.name}`);
  }
  console.log(`Careweave is running at ${url}`);
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: saving open documents and stopping`);
  server.close();
  await careweave.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
