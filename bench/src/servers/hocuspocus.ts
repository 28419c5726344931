/**
 * Hocuspocus as a bench opponent: in memory, no authentication hook, and a store that keeps
 * nothing (the equivalent of its Database extension with `fetch` → null, `store` → no-op).
 * PORT and HOST come from the environment; prints "listening" when ready.
 */
import { Server } from '@hocuspocus/server';

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  extensions: [
    {
      async onLoadDocument() {
        return null;
      },
      async onStoreDocument() {},
    },
  ],
});

await server.listen();
console.log(`Hocuspocus listening on ${server.webSocketURL}`);

// A clean exit on SIGTERM, so that `--cpu-prof` (bench --profile) writes its profile.
process.on('SIGTERM', () => process.exit(0));
