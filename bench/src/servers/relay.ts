/**
 * The least a y-websocket server can do, as a floor for the others: it forwards each update
 * and awareness message, byte for byte, to the other sockets of its room, and keeps nothing
 * (no document, no log, no sessions). It answers a client's sync step 1 with an empty step 2,
 * which is right only for rooms that start empty, as the bench's do. PORT and HOST come from
 * the environment; prints "listening" when ready.
 */
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

const SYNC = 0;
const STEP1 = 0;
/** sync, step 2, an update of two zero bytes: no structs, no deletions. */
const EMPTY_STEP2 = Uint8Array.of(0, 1, 2, 0, 0);

const rooms = new Map<string, Set<WebSocket>>();
const wss = new WebSocketServer({ noServer: true });

wss.on('connection', (ws: WebSocket, name: string) => {
  let room = rooms.get(name);
  if (!room) rooms.set(name, (room = new Set()));
  room.add(ws);
  ws.on('message', (data: Buffer) => {
    if (data[0] === SYNC && data[1] === STEP1) return ws.send(EMPTY_STEP2);
    for (const other of room) {
      if (other !== ws) other.send(data);
    }
  });
  ws.on('close', () => {
    room.delete(ws);
    if (room.size === 0) rooms.delete(name);
  });
});

const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('okay');
});
server.on('upgrade', (request, socket, head) => {
  const name = (request.url ?? '/').slice(1);
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, name));
});

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 0);
server.listen(port, host, () => console.log(`relay listening on ${host}:${port}`));

// A clean exit on SIGTERM, so that `--cpu-prof` (bench --profile) writes its profile.
process.on('SIGTERM', () => process.exit(0));
