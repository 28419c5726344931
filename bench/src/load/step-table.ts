import { mb, round, type Table } from '../report.js';
import { NOISE_CORES } from './quiet.js';
import type { StepFigures } from './step.js';

const ms = (value: number) => round(value, 1);

/** One line of progress for a finished step. */
export function stepSummary(f: StepFigures): string {
  const verdict = f.passed ? 'pass' : 'FAIL';
  const problems = [
    f.failedConnections
      ? `${f.failedConnections} failed to connect (${f.failures.join('; ')})`
      : '',
    f.unexpectedCloses ? `${f.unexpectedCloses} sockets closed` : '',
  ].filter(Boolean);
  return (
    `  ${f.kind} ×${f.processes} ${f.clients} clients: p50 ${ms(f.p50)} p99 ${ms(f.p99)} ms, ` +
    `delivered ${ratio(f.deliveryRatio)}, server CPU ${round(f.serverCpu, 2)} s, ` +
    `generator ${round(f.generatorCpu, 2)} s (lag p99 ${ms(f.generatorLagP99)} ms), ` +
    `other ${round(f.otherCpu, 2)} s — ${verdict}${problems.length ? ` (${problems.join(', ')})` : ''}`
  );
}

/** A delivery ratio to four decimals; below 1 never rounds up to look complete. */
export function ratio(value: number): string {
  if (!Number.isFinite(value)) return '-';
  return value === 1 ? '1.0000' : (Math.floor(value * 10_000) / 10_000).toFixed(4);
}

/** Why a step did not pass, in a word or two. */
export function verdict(f: StepFigures): string {
  if (f.passed) return 'pass';
  if (f.failedConnections > 0) return 'refused';
  if (f.unexpectedCloses > 0) return 'closed';
  if (f.delivered !== f.expected || f.duplicates > 0) return 'lost';
  return 'slow';
}

/** For a step measured several times, how many of its runs passed. */
function repeats(f: StepFigures): string[] {
  return f.runs > 1 ? [`${f.passedRuns} of ${f.runs} runs passed`] : [];
}

/** Flags a step whose figures need care: the generator may have been the limit, or others ran. */
export function cautions(f: StepFigures): string[] {
  const notes: string[] = [];
  // Postgres and Redis run on the generator's core (see step.ts), so they count against it.
  const generatorCore = f.generatorCpu + f.postgresCpu + f.redisCpu;
  if (generatorCore / f.windowSeconds > 0.9) notes.push('gen saturated');
  else if (f.generatorCpu > f.serverCpu) notes.push('gen > server');
  if (f.otherCpu / f.windowSeconds >= NOISE_CORES) notes.push('noisy');
  return notes;
}

/** The server, and how many processes when more than one. */
export function serverLabel(f: StepFigures): string {
  return f.processes > 1 ? `${f.kind} ×${f.processes}` : f.kind;
}

/** What the columns of a step table mean, printed under the combined tables. */
export const COLUMN_NOTES = [
  'p50…max: ms from an edit being typed to its arrival at each observer (2 per room)',
  'delivered: (edit, observer) pairs received / expected, for edits typed in the window',
  'carets: caret states received / sent × observers (a server may coalesce: last state wins)',
  'srv CPU s: server process CPU in the window; core %: of one core; pg/redis: their processes',
  "kernel %: of the server's CPU, the share in the kernel (system time): socket writes and reads",
  'CPU s/1M: server CPU s per million edit deliveries (edit × other client in its room)',
  'commit: Careweave arrival → log commit, over every update since start (/metrics)',
  'frames/s: WebSocket frames all clients received; other CPU s: machine busy time no measured',
  '  process used (≈ 0 when the machine was quiet; a noisy step is measured again once)',
  'with --repeat, each figure is the median of the runs and a step passes when most runs did',
];

/** A table with one row per step of one server (or process count). */
export function stepTable(
  title: string,
  steps: StepFigures[],
  carets: boolean,
  notes?: string[],
): Table {
  const careweave = steps.some((f) => f.kind.startsWith('careweave'));
  const postgres = steps.some((f) => f.postgresCpu > 0);
  const redis = steps.some((f) => f.redisCpu > 0);
  const labelled = new Set(steps.map(serverLabel)).size > 1;
  const columns = [
    ...(labelled ? ['server'] : []),
    'clients',
    'edits/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'delivered',
    ...(carets ? ['caret p50', 'caret p99', 'carets'] : []),
    'srv CPU s',
    'core %',
    'kernel %',
    ...(postgres ? ['pg CPU s'] : []),
    ...(redis ? ['redis CPU s'] : []),
    'CPU s/1M',
    'peak RSS MB',
    ...(careweave ? ['commit p50 ms', 'commit p99 ms'] : []),
    'frames/s',
    'gen CPU s',
    'other CPU s',
    'result',
  ];
  const rows = steps.map((f) => [
    ...(labelled ? [serverLabel(f)] : []),
    f.clients,
    round(f.editsPerSecond, 0),
    ms(f.p50),
    ms(f.p95),
    ms(f.p99),
    ms(f.max),
    ratio(f.deliveryRatio),
    ...(carets ? [ms(f.caretP50), ms(f.caretP99), ratio(f.caretRatio)] : []),
    round(f.serverCpu, 2),
    round((f.serverCpu / f.windowSeconds) * 100, 0),
    round((f.serverKernelCpu / f.serverCpu) * 100, 0),
    ...(postgres ? [round(f.postgresCpu, 2)] : []),
    ...(redis ? [round(f.redisCpu, 2)] : []),
    round(f.cpuPerMillion, 2),
    mb(f.peakRss),
    ...(careweave ? [ms(f.commitP50 * 1000), ms(f.commitP99 * 1000)] : []),
    round(f.frames / f.windowSeconds, 0),
    round(f.generatorCpu, 2),
    round(f.otherCpu, 2),
    [verdict(f), ...repeats(f), ...cautions(f)].join(', '),
  ]);
  return { title, columns, rows, notes };
}
