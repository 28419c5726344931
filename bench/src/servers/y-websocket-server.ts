/**
 * @y/websocket-server as a bench opponent, exactly as its own `y-websocket-server` bin runs it
 * (in memory, no authentication; the room is the URL path). PORT and HOST come from the
 * environment; prints "listening" when ready.
 */
import { createServer } from 'node:http';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ noServer: true });
wss.on('connection', setupWSConnection);

const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('okay');
});
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 0);
server.listen(port, host, () => console.log(`y-websocket-server listening on ${host}:${port}`));

// A clean exit on SIGTERM, so that `--cpu-prof` (bench --profile) writes its profile.
process.on('SIGTERM', () => process.exit(0));
