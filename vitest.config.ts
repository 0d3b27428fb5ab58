import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The Discord end-to-end tests start a local stand-in per file; forks keep each file's servers apart.
    pool: 'forks',
    // In CI a JSON report is kept too, so .ci/run can print a plain "N passed, N failed" line.
    reporters: process.env['CI'] ? ['default', ['json', { outputFile: '.cache/vitest-report.json' }]] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [
            'tests/language/**',
            'tests/eval/eval.test.ts',
            'tests/discord/shardedBot.test.ts',
            '**/node_modules/**',
          ],
        },
      },
      // The language tests and the eval share one real language service, started once (only when they run).
      {
        extends: true,
        test: {
          name: 'language',
          // The eval asks the gold sets as the bot does, with passages and questions parsed; the two-shard
          // test hands the shards this one service.
          include: ['tests/language/**/*.test.ts', 'tests/eval/eval.test.ts', 'tests/discord/shardedBot.test.ts'],
          globalSetup: ['tests/language/startSharedService.ts'],
          // Some tests start their own service: loading the models takes seconds, more on a busy machine.
          // A guard against a hang, not a timing assertion.
          testTimeout: 180_000,
        },
      },
    ],
  },
});
