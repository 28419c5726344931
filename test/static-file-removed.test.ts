import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { databaseBackend } from './support/database.js';
import { repoRoot, startServer } from './support/server.js';

/** A copy of the built server and pages, whose files the test may remove; dependencies are linked. */
async function copyOfBuild(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'careweave-build-'));
  for (const [pkg, out] of [
    ['server', 'dist'],
    ['web', 'build'],
  ] as const) {
    await mkdir(join(dir, pkg));
    // package.json says the built files are ES modules.
    await cp(join(repoRoot, pkg, 'package.json'), join(dir, pkg, 'package.json'));
    await symlink(join(repoRoot, pkg, 'node_modules'), join(dir, pkg, 'node_modules'), 'dir');
    await cp(join(repoRoot, pkg, out), join(dir, pkg, out), { recursive: true });
  }
  return dir;
}

const fetchAs = (url: string, encoding: string) =>
  fetch(url, { headers: { 'accept-encoding': encoding } });

describe(`a static file removed under a running server (${databaseBackend})`, () => {
  it('is not found, and the server goes on answering', async () => {
    const build = await copyOfBuild();
    onTestFinished(() => rm(build, { recursive: true, force: true }));
    const server = await startServer({ entry: join(build, 'server/dist/main.js') });
    const client = join(build, 'web/build/client');
    const chunks = '_app/immutable/chunks';
    const [first, second] = (await readdir(join(client, chunks))).filter((f) => f.endsWith('.js'));
    const firstUrl = `${server.url}/${chunks}/${first}`;
    const secondUrl = `${server.url}/${chunks}/${second}`;
    expect((await fetchAs(firstUrl, 'identity')).status).toBe(200);
    expect((await fetchAs(secondUrl, 'br')).status).toBe(200);

    // A rebuild removes a chunk and its compressed copies.
    for (const suffix of ['', '.br', '.gz']) {
      await rm(join(client, chunks, `${first}${suffix}`), { force: true });
    }
    expect((await fetchAs(firstUrl, 'identity')).status).toBe(404);
    expect((await fetchAs(firstUrl, 'gzip, br')).status).toBe(404);
    // Only the compressed copy a browser would be sent is gone.
    await rm(join(client, chunks, `${second}.br`));
    expect((await fetchAs(secondUrl, 'br')).status).toBe(404);

    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    expect((await fetch(`${server.url}/login`)).status).toBe(200);
  });
});
