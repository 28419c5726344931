import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vite';

type Careweave = import('@careweave/server').Careweave;

/**
 * Vite restarts its dev server (on a config change) by creating the new server before
 * closing the old one, and PGlite allows one opener per data directory. So the dev servers
 * of this process share one Careweave, counted, and the last one to close closes it.
 */
const SHARED = Symbol.for('careweave.dev-server');
type Shared = { careweave: Promise<Careweave>; users: number };
type WithShared = typeof globalThis & { [SHARED]?: Shared };

async function acquireCareweave(): Promise<Careweave> {
  const holder = globalThis as WithShared;
  if (!holder[SHARED]) {
    // Imported natively, not through Vite's module graph, and only when serving:
    // `vite build` must not open a database.
    const specifier = '@careweave/server';
    const server = (await import(
      /* @vite-ignore */ specifier
    )) as typeof import('@careweave/server');
    holder[SHARED] = {
      careweave: server.openCareweave(server.loadConfig(process.env, process.argv.slice(2))),
      users: 0,
    };
  }
  holder[SHARED].users += 1;
  return holder[SHARED].careweave;
}

async function releaseCareweave(): Promise<void> {
  const holder = globalThis as WithShared;
  const shared = holder[SHARED];
  if (!shared) return;
  shared.users -= 1;
  if (shared.users > 0) return;
  holder[SHARED] = undefined;
  await (await shared.careweave).close();
}

/**
 * In development the Hono app (API, `/collab` WebSockets, `/healthz`) runs inside Vite's
 * dev server, so one process owns the embedded database (DESIGN §4).
 */
function careweaveDevServer(): Plugin {
  let released = false;
  return {
    name: 'careweave-dev-server',
    apply: 'serve',
    async configureServer(server) {
      const cw = await acquireCareweave();

      server.middlewares.use((req, res, next) => {
        const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
        if (cw.ownsPath(pathname)) cw.handleRequest(req, res);
        else next();
      });

      // Only collaboration sockets: Vite's own HMR socket shares this server.
      server.httpServer?.on('upgrade', (req, socket, head) => {
        if (req.url?.startsWith('/collab/')) cw.handleUpgrade(req, socket, head);
      });
    },
    // Vite awaits this while closing the dev server (once per environment, hence the flag).
    async closeBundle() {
      if (released) return;
      released = true;
      await releaseCareweave();
    },
  };
}

export default defineConfig({
  plugins: [careweaveDevServer(), sveltekit()],
  resolve: {
    // One Yjs and one ProseMirror in the browser, or Yjs warns and collaboration breaks.
    dedupe: ['yjs', 'y-protocols', '@tiptap/pm', '@tiptap/core'],
  },
  optimizeDeps: {
    include: [
      'yjs',
      'y-websocket',
      'y-protocols/awareness',
      '@tiptap/core',
      '@tiptap/starter-kit',
      '@tiptap/extension-collaboration',
      '@tiptap/extension-collaboration-caret',
    ],
  },
  ssr: {
    // Loaded by Node itself, so pages share the instance the server installed its runtime into.
    external: ['@careweave/server'],
  },
});
