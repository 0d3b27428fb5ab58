import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The Discord end-to-end tests start a local stand-in per file; two cores, so keep files in parallel but few.
    pool: 'forks',
  },
});
