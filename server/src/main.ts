import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.js';
import { openCareweave } from './host.js';
import { loadPages } from './http/pages.js';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo-data.js';

const config = loadConfig(process.env, process.argv.slice(2));
const pages = await loadPages(
  fileURLToPath(new URL('../../web/build/handler.js', import.meta.url)),
);
const careweave = await openCareweave(config, { pages });

const server = createServer(careweave.handleRequest);
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
