import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const benchMain = fileURLToPath(new URL('../bench/dist/main.js', import.meta.url));

/** The figures of one smoke step, as `bench smoke --json` prints them. */
interface SmokeStep {
  kind: string;
  deliveryRatio: number;
  duplicates: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  serverCpu: number;
  serverKernelCpu: number;
  peakRss: number;
}

describe('the benchmark', () => {
  it('measures every server under a tiny load and counts every delivery', async () => {
    const args = [benchMain, 'smoke', '--json'];
    // On CI's Postgres run, Careweave on Postgres is measured too.
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (adminUrl) args.push(`--database-url=${adminUrl}`);
    const { stdout } = await run(process.execPath, args, { timeout: 55_000 });
    const [result] = JSON.parse(stdout) as [{ name: string; figures: { steps: SmokeStep[] } }];
    expect(result.name).toBe('smoke');

    const kinds = result.figures.steps.map((s) => s.kind);
    expect(kinds).toEqual(expect.arrayContaining(['careweave-pglite', 'y-websocket-server']));
    if (adminUrl) expect(kinds).toContain('careweave-postgres');
    for (const step of result.figures.steps) {
      for (const latency of [step.p50, step.p95, step.p99, step.max]) {
        expect(Number.isFinite(latency), `${step.kind} latency`).toBe(true);
      }
      expect(step.p50).toBeLessThanOrEqual(step.max);
      expect(step.serverCpu, `${step.kind} CPU seconds`).toBeGreaterThan(0);
      expect(step.serverKernelCpu, `${step.kind} kernel seconds`).toBeGreaterThanOrEqual(0);
      expect(step.serverKernelCpu).toBeLessThanOrEqual(step.serverCpu);
      expect(step.peakRss, `${step.kind} peak RSS`).toBeGreaterThan(0);
      expect(step.deliveryRatio, `${step.kind} delivery`).toBe(1);
      expect(step.duplicates).toBe(0);
    }
  }, 60_000);
});
