import { setTimeout as sleep } from 'node:timers/promises';
import { machineBusySeconds } from '../proc.js';
import { progress } from '../report.js';

/** Busier than this (cores' worth of unexplained CPU) and a measurement is not trusted. */
export const NOISE_CORES = 0.25;
const QUIET_WAIT_MS = 90_000;

/**
 * Waits (a while at most) until the machine is nearly idle, so a step does not start while a
 * build or a test run elsewhere is using the cores it measures.
 */
export async function waitForQuiet(): Promise<void> {
  const until = performance.now() + QUIET_WAIT_MS;
  let told = false;
  while (performance.now() < until) {
    const before = machineBusySeconds();
    await sleep(1000);
    if (machineBusySeconds() - before < NOISE_CORES) return;
    if (!told) progress('  waiting for the machine to quieten down');
    told = true;
  }
  progress('  the machine stayed busy; measuring anyway');
}
