import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The Discord end-to-end tests start a local stand-in per file; forks keep each file's servers apart.
    pool: 'forks',
    // In CI a JSON report is kept too, so .ci/run can print a plain "N passed, N failed" line.
    reporters: process.env['CI'] ? ['default', ['json', { outputFile: '.cache/vitest-report.json' }]] : ['default'],
  },
});
