/**
 * vitest globalSetup of the language tests: one real language service for the whole suite, started from
 * nlp/.venv as the bot starts it, and stopped at the end. Tests reach it with sharedLanguageService().
 */
import type { TestProject } from 'vitest/node';
import { silentLogger } from '../../src/logger.ts';
import { DEFAULT_LANGUAGE_SETTINGS } from '../../src/language/languageSettings.ts';
import { LanguageServiceSupervisor } from '../../src/language/languageServiceSupervisor.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared service's base URL, or empty when it could not start (see languageServiceProblem). */
    languageServiceUrl: string;
    languageServiceProblem: string;
  }
}

export default async function startSharedService(project: TestProject): Promise<() => Promise<void>> {
  const { python, serviceDir, startTimeoutMs, restart } = DEFAULT_LANGUAGE_SETTINGS;
  const supervisor = await LanguageServiceSupervisor.start(
    { python, serviceDir, startTimeoutMs, restart },
    silentLogger,
  );
  const status = supervisor.status();
  project.provide('languageServiceUrl', status.available ? status.url : '');
  project.provide('languageServiceProblem', status.available ? '' : status.reason);
  return () => supervisor.close();
}
