/** The suite's shared, real language service, seen through the bot's own client. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { silentLogger } from '../../src/logger.ts';
import { attachLanguageService, type LanguageService } from '../../src/language/languageService.ts';
import { DEFAULT_LANGUAGE_SETTINGS, type LanguageSettings } from '../../src/language/languageSettings.ts';

/** The URL of the shared service; fails the test with the reason when it did not start. */
export function sharedServiceUrl(): string {
  const url = inject('languageServiceUrl');
  if (!url) throw new Error(`the language service did not start: ${inject('languageServiceProblem')}`);
  return url;
}

export function temporaryCacheDir(): string {
  return mkdtempSync(join(tmpdir(), 'story-desk-language-'));
}

export function testSettings(overrides: Partial<LanguageSettings> = {}): LanguageSettings {
  return { ...DEFAULT_LANGUAGE_SETTINGS, cacheDir: temporaryCacheDir(), ...overrides };
}

export function sharedLanguageService(overrides: Partial<LanguageSettings> = {}): Promise<LanguageService> {
  return attachLanguageService(sharedServiceUrl(), testSettings(overrides), silentLogger);
}

/** Unwraps a LanguageResult, failing with its reason. */
export function valueOf<T>(result: { ok: true; value: T } | { ok: false; reason: string }): T {
  if (!result.ok) throw new Error(`language service call failed: ${result.reason}`);
  return result.value;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
