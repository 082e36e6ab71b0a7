import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/helpers/setup-lang.ts', 'test/helpers/setup-hooks.ts'],
    // Hang guards, not speed limits: on a busy 2-core laptop the slowest tests (real processes, fuzzing)
    // take several times what they take idle, and a test must not fail for the machine's speed.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // The JSON report is what .ci/run reads to print its "tests: N passed, M failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest/results.json' },
  },
});
