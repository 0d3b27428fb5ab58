/**
 * The supervisor with real processes: it restarts a killed service, stops it on close, and reports a
 * service that cannot start as unavailable, with a reason, without throwing.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLanguageService } from '../../src/language/languageService.ts';
import { DEFAULT_LANGUAGE_SETTINGS } from '../../src/language/languageSettings.ts';
import { LanguageServiceSupervisor, type SupervisorOptions } from '../../src/language/languageServiceSupervisor.ts';
import { silentLogger } from '../../src/logger.ts';
import { temporaryCacheDir, testSettings, valueOf } from './sharedService.ts';

const OPTIONS: SupervisorOptions = {
  python: DEFAULT_LANGUAGE_SETTINGS.python,
  serviceDir: DEFAULT_LANGUAGE_SETTINGS.serviceDir,
  startTimeoutMs: DEFAULT_LANGUAGE_SETTINGS.startTimeoutMs,
  restart: { initialDelayMs: 10, maxDelayMs: 100, stableAfterMs: 60_000, maxFailedStarts: 2 },
};

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** An executable that stands in for Python: `body` is its shell script. */
function fakePython(body: string): string {
  const path = join(temporaryCacheDir(), 'python');
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('LanguageServiceSupervisor', () => {
  it('restarts the service after it is killed, and stops it on close', async () => {
    const supervisor = await LanguageServiceSupervisor.start(OPTIONS, silentLogger);
    const first = supervisor.status();
    if (!first.available) throw new Error(first.reason);
    expect(isAlive(first.pid)).toBe(true);

    const restarted = supervisor.nextStart();
    process.kill(first.pid, 'SIGKILL');
    const second = await restarted;
    if (!second.available) throw new Error(second.reason);
    expect(second.pid).not.toBe(first.pid);
    expect(second.restarts).toBe(1);
    const health = await fetch(`${second.url}/health`);
    expect(health.status).toBe(200);

    await supervisor.close();
    expect(isAlive(second.pid)).toBe(false);
    expect(supervisor.status()).toEqual({ available: false, reason: 'the language service was stopped' });
  });

  it('reports a missing venv as unavailable, naming it, without throwing', async () => {
    const supervisor = await LanguageServiceSupervisor.start(
      { ...OPTIONS, python: '/nowhere/.venv/bin/python' },
      silentLogger,
    );
    const status = supervisor.status();
    expect(status.available).toBe(false);
    expect(!status.available && status.reason).toMatch(/no Python environment at \/nowhere\/\.venv\/bin\/python/u);
    await supervisor.close();
  });

  it('reports a Python error with its last line, and gives up after repeated failures', async () => {
    const python = fakePython('echo "ModuleNotFoundError: No module named \'spacy\'" >&2; exit 1');
    const supervisor = await LanguageServiceSupervisor.start({ ...OPTIONS, python }, silentLogger);
    const status = await supervisor.nextStart(); // the one retry allowed by maxFailedStarts: 2
    expect(status.available).toBe(false);
    expect(!status.available && status.reason).toMatch(/exited with code 1 before it was ready: ModuleNotFoundError/u);
    expect(await supervisor.nextStart()).toBe(status); // given up: no further attempt
    await supervisor.close();
  });

  it('reports a service that never becomes ready as timed out', async () => {
    const python = fakePython('exec sleep 600');
    const supervisor = await LanguageServiceSupervisor.start(
      { ...OPTIONS, python, startTimeoutMs: 200, restart: { ...OPTIONS.restart, maxFailedStarts: 1 } },
      silentLogger,
    );
    const status = supervisor.status();
    expect(!status.available && status.reason).toBe('the language service was not ready within 200 ms');
    await supervisor.close();
  });
});

describe('openLanguageService when the service cannot start', () => {
  it('opens all the same, and each call answers why it cannot serve', async () => {
    const service = await openLanguageService(testSettings({ python: '/nowhere/python' }), silentLogger);
    const status = service.status();
    expect(status.available).toBe(false);
    for (const result of [
      await service.analysePassages(['Un texte.'], 'fr'),
      await service.analyseQuestion('Qui ?', 'fr'),
      await service.embedPassages(['Un texte.']),
      await service.embedQuestion('Qui ?'),
    ]) {
      expect(result).toEqual({
        ok: false,
        reason: expect.stringMatching(/no Python environment at \/nowhere\/python/u),
      });
    }
    await service.close();
  });

  it('does not start the service when it is turned off', async () => {
    const service = await openLanguageService(testSettings({ enabled: false }), silentLogger);
    expect(service.status()).toMatchObject({ available: false, reason: expect.stringMatching(/turned off/u) });
    await service.close();
  });

  it('starts the real service through the same entry point the bot uses', async () => {
    const service = await openLanguageService(testSettings(), silentLogger);
    const analysis = valueOf(await service.analyseQuestion('Qui a remercié Trump ?', 'fr'));
    expect(analysis.tokens.map((token) => token.lemma)).toContain('remercier');
    await service.close();
    expect(service.status().available).toBe(false);
  });
});
