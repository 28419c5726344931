import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Kernel clock ticks per second, the unit of utime/stime in /proc/<pid>/stat. */
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds the process has spent in user space and in the kernel so far; 0 once it has gone. */
export function cpuTimes(pid: number): { user: number; kernel: number } {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return { user: 0, kernel: 0 };
  }
  // The command name may hold spaces and parentheses, so count fields after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, i.e. 11 and 12 after the name.
  return { user: Number(fields[11]) / CLK_TCK, kernel: Number(fields[12]) / CLK_TCK };
}

/** CPU seconds (user + kernel) the process has used so far; 0 once it has gone. */
export function cpuSeconds(pid: number): number {
  const { user, kernel } = cpuTimes(pid);
  return user + kernel;
}

function statusKb(pid: number, key: string): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The process's peak resident set (VmHWM) in bytes. */
export function peakRssBytes(pid: number): number {
  return statusKb(pid, 'VmHWM') * 1024;
}

/** The process's current resident set (VmRSS) in bytes. */
export function rssBytes(pid: number): number {
  return statusKb(pid, 'VmRSS') * 1024;
}

/**
 * CPU seconds used so far by every Postgres process (pids seen now): the backends serving the
 * bench and the shared background writers, whose work the bench's commits cause too.
 */
export function postgresCpu(): Map<number, number> {
  return new Map(processesNamed('postgres').map((pid) => [pid, cpuSeconds(pid)]));
}

/**
 * CPU seconds the backends used between two samples; a backend that ended before the
 * second sample is lost (its share is then under-counted, which the reports say).
 */
export function postgresCpuBetween(
  before: Map<number, number>,
  after: Map<number, number>,
): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** The load generator's core; servers under test run on core 0. */
export const GENERATOR_CORE = 1;

/** Pins a process to one core (Linux `taskset`); false when that is not possible here. */
export function pinToCore(pid: number, core: number): boolean {
  try {
    execFileSync('taskset', ['-cp', String(core), String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The cores a process may run on, as taskset lists them ("0,1", "0-3"); null if unknown. */
function affinityOf(pid: number): string | null {
  try {
    const out = execFileSync('taskset', ['-cp', String(pid)], { encoding: 'utf8' });
    return out.split(':').at(-1)?.trim() || null;
  } catch {
    return null;
  }
}

/** How to put back every process moved and not yet put back (see `moveToCore`). */
const unmoves = new Set<() => void>();

/**
 * Moves processes to one core for a while, e.g. the machine's Postgres off the core of the
 * server under test; returns how to put each back where it was. Processes they start meanwhile
 * (Postgres forks a backend per connection) inherit the move and keep it.
 */
export function moveToCore(pids: number[], core: number): () => void {
  const before = pids.map((pid) => [pid, affinityOf(pid)] as const);
  for (const pid of pids) pinToCore(pid, core);
  const putBack = () => {
    unmoves.delete(putBack);
    for (const [pid, cores] of before) {
      if (!cores) continue;
      try {
        execFileSync('taskset', ['-cp', cores, String(pid)], { stdio: 'ignore' });
      } catch {
        // The process has ended.
      }
    }
  };
  unmoves.add(putBack);
  return putBack;
}

/** Puts back every process still moved, e.g. when the bench is interrupted mid-step. */
export function putBackMovedProcesses(): void {
  for (const putBack of [...unmoves]) putBack();
}

/**
 * CPU seconds every core has spent busy since boot (/proc/stat: all but idle and iowait).
 * Busy time no measured process accounts for is someone else's load, or the kernel's.
 */
export function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / CLK_TCK;
}

/** Pids of the processes whose command name (`/proc/<pid>/comm`) is `name`. */
export function processesNamed(name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
    } catch {
      // The process ended while the list was read.
    }
  }
  return pids;
}
