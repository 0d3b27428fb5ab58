/** The CLI as people use it: --help, --locale in any case. */
import { describe, expect, it } from 'vitest';
import { ask } from './runAskForTest.ts';

describe('the CLI’s usage', () => {
  it.each([['--help'], ['-h'], ['who', '--help']])('%s prints the usage on stdout and exits 0', async (...argv) => {
    const result = await ask(...argv);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).toMatch(/^usage: npm run --silent ask -- <who\|when\|where/u);
    expect(result.out).toContain('--locale fr|en');
    expect(result.out).toContain('Exit codes:');
  });

  it.each(['FR', 'Fr', 'EN', 'en'])('takes --locale %s', async (locale) => {
    const result = await ask('who', 'Qui a remercié Trump ?', '--locale', locale);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^1\. Vladimir Poutine/mu);
  });

  it('still refuses a locale it does not speak', async () => {
    const result = await ask('who', 'x', '--locale', 'DE');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--locale must be fr or en \(got "DE"\)/u);
  });
});
