/**
 * The check `npm start` and `npm run ask` make before running dist/ (scripts/ensureBuilt.mjs), on a
 * project of a few files: the bundles are stale when a file they were built from, or a build setting,
 * changed after the build started, or is gone.
 */
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILD_SETTINGS, staleReason } from '../../scripts/ensureBuilt.mjs';

const BUILT_AT = Date.parse('2026-01-10T12:00:00Z');
const BEFORE = new Date(BUILT_AT - 60_000);
const AFTER = new Date(BUILT_AT + 60_000);

describe('whether dist/ must be rebuilt', () => {
  let root: string;
  const write = (file: string, time: Date) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), '');
    utimesSync(join(root, file), time, time);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'story-desk-ensure-built-'));
    for (const file of [...BUILD_SETTINGS, 'src/main.ts', 'src/cli/ask.ts']) write(file, BEFORE);
    mkdirSync(join(root, 'dist'));
    writeFileSync(
      join(root, 'dist', 'build.json'),
      JSON.stringify({ startedAt: BUILT_AT, inputs: ['src/main.ts', 'src/cli/ask.ts'] }),
    );
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is not when nothing changed since the build started', () => {
    expect(staleReason(root)).toBeUndefined();
  });

  it('is when a bundled source changed, was removed, or a build setting changed', () => {
    write('src/cli/ask.ts', AFTER);
    expect(staleReason(root)).toBe('src/cli/ask.ts changed after the last build');
    write('src/cli/ask.ts', BEFORE);
    unlinkSync(join(root, 'src', 'main.ts'));
    expect(staleReason(root)).toBe('src/main.ts was removed after the last build');
    write('src/main.ts', BEFORE);
    write('package-lock.json', AFTER);
    expect(staleReason(root)).toBe('package-lock.json changed after the last build');
  });

  it('is when there is no build, or its stamp cannot be read', () => {
    writeFileSync(join(root, 'dist', 'build.json'), '{"startedAt": 1');
    expect(staleReason(root)).toBe('dist/ has not been built');
    rmSync(join(root, 'dist'), { recursive: true });
    expect(staleReason(root)).toBe('dist/ has not been built');
  });

  it('ignores a source the build did not bundle (tests, benches)', () => {
    write('tests/cli/ask.test.ts', AFTER);
    expect(staleReason(root)).toBeUndefined();
  });
});
