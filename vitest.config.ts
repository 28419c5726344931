import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The summary reporter's last line is what CI reads; it must come after the default's.
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        // The pages' own alias, so that their pure helpers are tested as they are imported.
        resolve: { alias: { $lib: fileURLToPath(new URL('./web/src/lib', import.meta.url)) } },
        test: {
          name: 'unit',
          include: [
            'shared/src/**/*.test.ts',
            'server/src/**/*.test.ts',
            'drizzle/src/**/*.test.ts',
            'web/src/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          // Each file starts its own servers (PGlite takes seconds to open); one file at a time
          // keeps a 2-core machine from timing out.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
          teardownTimeout: 30_000,
        },
      },
    ],
  },
});
