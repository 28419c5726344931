/** The compare suite's second half alone: edits at 1 Hz plus carets at 5 Hz. */
import type { SuiteOptions, SuiteResult } from '../main.js';
import { runCompare } from './compare.js';

export function run(options: SuiteOptions): Promise<SuiteResult> {
  return runCompare(options, 'carets', { edits: false, carets: true });
}
