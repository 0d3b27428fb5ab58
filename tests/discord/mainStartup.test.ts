/** `npm start` itself, as a process: a start-up error is one readable line on stderr, and exit 1. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TEST_TOKEN } from './botHarness.ts';

function start(env: NodeJS.ProcessEnv) {
  // Only what is given: no setting of the machine's own leaks in, and a .env file (which never overrides a
  // variable already set, even empty) cannot fill in what a test leaves out.
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env['PATH'],
      LOG_LEVEL: 'silent',
      DISCORD_TOKEN: '',
      DISCORD_CLIENT_ID: '',
      CORPUS_DIR: 'corpus',
      ...env,
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm start', () => {
  it('names the missing application id in one line and exits 1', () => {
    const result = start({ DISCORD_TOKEN: TEST_TOKEN });
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'story-desk: DISCORD_CLIENT_ID: required when DISCORD_TOKEN is set (the application id from the Developer Portal)',
    ]);
  }, 60_000);

  it('names the corpus folder it cannot read in one line and exits 1', () => {
    const result = start({ CORPUS_DIR: 'no/such/folder' });
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('no/such/folder');
  }, 60_000);
});
