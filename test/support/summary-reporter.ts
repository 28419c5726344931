import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

/**
 * Ends the run's output with one plain line, `Tests: N passed, N failed, N skipped`, which
 * `.ci/run` reads, after one `Failed: file > test: error` line per failure, which it repeats at
 * the end of its own output so that a failure shows in any tail of it. Used alongside the
 * default reporter, after it.
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
    const failures: string[] = [];
    for (const module of testModules) {
      let tests = 0;
      for (const test of module.children.allTests()) {
        tests++;
        const result = test.result();
        if (result.state === 'passed') passed++;
        else if (result.state === 'skipped') skipped++;
        else {
          failed++; // failed, or still pending when the run was interrupted
          const error = result.state === 'failed' ? result.errors[0] : undefined;
          failures.push(
            `${module.relativeModuleId} > ${test.fullName}: ${firstLine(error, 'not finished')}`,
          );
        }
      }
      // A file that fails to load has no tests; count it so the line cannot read "0 failed".
      if (tests === 0 && module.state() === 'failed') {
        failed++;
        failures.push(
          `${module.relativeModuleId}: ${firstLine(module.errors()[0], 'did not load')}`,
        );
      }
    }
    // Errors outside any test (e.g. an unhandled rejection) fail the run too.
    failed += unhandledErrors.length;
    for (const error of unhandledErrors) failures.push(`unhandled: ${firstLine(error, 'error')}`);
    for (const line of failures) process.stdout.write(`Failed: ${line}\n`);
    process.stdout.write(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}

function firstLine(error: SerializedError | undefined, otherwise: string): string {
  const message = error?.message?.split('\n')[0]?.trim();
  return message ? message.slice(0, 300) : otherwise;
}
