/** How the language service is found, started and cached; src/config.ts fills it from the environment. */
import { basename, dirname, join, resolve } from 'node:path';
import type { EmbeddingPrefixMode } from './embeddingPrefixes.ts';
import { DEFAULT_RESTART_POLICY, type RestartPolicy } from './languageServiceSupervisor.ts';

export interface EmbeddingsSettings {
  /** Another OpenAI-compatible provider's base URL (`…/v1`). Unset: the local service's. */
  readonly url?: string | undefined;
  /** Sent as `Authorization: Bearer …` to `url`; never logged. */
  readonly apiKey?: string | undefined;
  /** The provider's model name; required with `url`. */
  readonly model?: string | undefined;
  /** `e5`: "query: "/"passage: " before each text (multilingual-e5); `none` for a model that wants none. */
  readonly prefixes: EmbeddingPrefixMode;
}

export interface LanguageSettings {
  /** False (LANGUAGE_SERVICE=off): the service is not started and the bot answers with passages only. */
  readonly enabled: boolean;
  /** The Python interpreter of the service's venv. */
  readonly python: string;
  /** The folder holding the `story_desk_nlp` package. */
  readonly serviceDir: string;
  /** Where the per-passage cache files go. */
  readonly cacheDir: string;
  /** True in a shard process: the caches are read, never written (the shard manager fills them). */
  readonly cacheReadOnly: boolean;
  /** Loading the models takes about 7 s on a quiet machine; much more on a busy one. */
  readonly startTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly embeddings: EmbeddingsSettings;
  readonly restart: RestartPolicy;
  /** Texts per request to /v1/analyze, and to /embeddings. */
  readonly analysisBatchSize: number;
  readonly embeddingBatchSize: number;
}

/**
 * The project's root (where nlp/ is), wherever the bot is started from: two folders up from src/language,
 * one from the bundles in dist/ (scripts/build.mjs), whichever chunk this module was bundled into.
 */
const PROJECT_ROOT =
  basename(import.meta.dirname) === 'dist' ? dirname(import.meta.dirname) : resolve(import.meta.dirname, '..', '..');

export const DEFAULT_LANGUAGE_SETTINGS: LanguageSettings = {
  enabled: true,
  python: join(PROJECT_ROOT, 'nlp', '.venv', 'bin', 'python'),
  serviceDir: join(PROJECT_ROOT, 'nlp'),
  cacheDir: join(PROJECT_ROOT, '.cache', 'language'),
  cacheReadOnly: false,
  startTimeoutMs: 120_000,
  requestTimeoutMs: 120_000,
  embeddings: { prefixes: 'e5' },
  restart: DEFAULT_RESTART_POLICY,
  analysisBatchSize: 64,
  embeddingBatchSize: 32,
};
