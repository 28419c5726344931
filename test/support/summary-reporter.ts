import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

/**
 * Ends the run's output with one plain line, `Tests: N passed, N failed, N skipped`, which
 * `.ci/run` reads. Used alongside the default reporter, after it.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    _reason: TestRunEndReason,
  ): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      let tests = 0;
      for (const test of module.children.allTests()) {
        tests++;
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'skipped') skipped++;
        else failed++; // failed, or still pending when the run was interrupted
      }
      // A file that fails to load has no tests; count it so the line cannot read "0 failed".
      if (tests === 0 && module.state() === 'failed') failed++;
    }
    // Errors outside any test (e.g. an unhandled rejection) fail the run too.
    failed += unhandledErrors.length;
    process.stdout.write(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
