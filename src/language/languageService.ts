/**
 * The language service as the rest of the bot sees it: analyses and vectors of passages (cached on disk)
 * and of questions. Nothing here throws for an unavailable service: each call answers a LanguageResult,
 * so that the engine can fall back to passages only and say why.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../logger.ts';
import { requestAnalyses } from './analysisClient.ts';
import type {
  AnalysisLanguage,
  EmbeddingsProvider,
  LanguageModels,
  LanguageProgress,
  LanguageResult,
  LanguageServiceStatus,
  TextAnalysis,
} from './analysisTypes.ts';
import { analysisCodec, vectorCodec } from './cacheCodecs.ts';
import { embeddingInput } from './embeddingPrefixes.ts';
import { requestEmbeddings, type EmbeddingsEndpoint } from './embeddingsClient.ts';
import { LanguageCache, type CacheCodec } from './languageCache.ts';
import { LanguageServiceSupervisor, type SupervisorStatus } from './languageServiceSupervisor.ts';
import type { LanguageSettings } from './languageSettings.ts';
import { languageModelsSchema } from './languageSchemas.ts';

export type ProgressListener = (progress: LanguageProgress) => void;

export interface LanguageService {
  /** One analysis per text, in order; cached ones are read back, the others sent in batches. */
  analysePassages(
    texts: readonly string[],
    language: AnalysisLanguage,
    onProgress?: ProgressListener,
  ): Promise<LanguageResult<TextAnalysis[]>>;
  /** Not cached: questions rarely repeat, and each takes a few milliseconds. */
  analyseQuestion(text: string, language: AnalysisLanguage): Promise<LanguageResult<TextAnalysis>>;
  /** One unit vector per passage, in order, embedded as passages (with "passage: " for E5); cached. */
  embedPassages(texts: readonly string[], onProgress?: ProgressListener): Promise<LanguageResult<Float32Array[]>>;
  /** The question's unit vector, embedded as a query (with "query: " for E5). */
  embedQuestion(text: string): Promise<LanguageResult<Float32Array>>;
  status(): LanguageServiceStatus;
  /**
   * Calls `listener` after every change of status, when the service can change (one this process
   * supervises: a restart gives it a new port). Absent on services that cannot.
   */
  onStatusChange?(listener: (status: LanguageServiceStatus) => void): void;
  /** Stops the service (if this process started it) and writes what the caches still hold. */
  close(): Promise<void>;
}

/** The local service, however it runs: started by us (the supervisor) or by someone else (attached). */
export interface LocalLanguageService {
  status(): SupervisorStatus;
  onStatusChange?(listener: (status: SupervisorStatus) => void): void;
  close(): Promise<void>;
}

/**
 * Starts the local service (unless disabled) and resolves once it is ready or known to be unavailable: it
 * never rejects. Logs one line either way.
 */
export async function openLanguageService(settings: LanguageSettings, logger: Logger): Promise<LanguageService> {
  const local: LocalLanguageService = settings.enabled
    ? await LanguageServiceSupervisor.start(
        {
          python: settings.python,
          serviceDir: settings.serviceDir,
          startTimeoutMs: settings.startTimeoutMs,
          restart: settings.restart,
        },
        logger,
      )
    : disabledService();
  if (!settings.enabled) logger.info('language service off (LANGUAGE_SERVICE=off): answers use passages only');
  return createLanguageService(local, settings, logger);
}

/**
 * Uses a service that is already running at `url` (e.g. one shared by a test suite): its models are read
 * from /health. An unreachable service gives an unavailable LanguageService, not an error.
 */
export async function attachLanguageService(
  url: string,
  settings: LanguageSettings,
  logger: Logger,
): Promise<LanguageService> {
  let status: SupervisorStatus;
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(settings.requestTimeoutMs) });
    const health = z.object({ pid: z.number().int(), models: languageModelsSchema }).parse(await response.json());
    status = {
      available: true,
      url,
      port: Number(new URL(url).port),
      pid: health.pid,
      models: health.models,
      restarts: 0,
    };
  } catch (error) {
    status = { available: false, reason: `no language service at ${url}: ${(error as Error).message}` };
  }
  return createLanguageService({ status: () => status, close: async () => {} }, settings, logger);
}

function disabledService(): LocalLanguageService {
  const status: SupervisorStatus = {
    available: false,
    reason: 'the language service is turned off (LANGUAGE_SERVICE=off)',
  };
  return { status: () => status, close: async () => {} };
}

/** The facade over a local service; exported for tests that pass a service with other model versions. */
export function createLanguageService(
  local: LocalLanguageService,
  settings: LanguageSettings,
  logger: Logger,
): LanguageService {
  const remote = settings.embeddings.url;
  const provider: EmbeddingsProvider = remote
    ? { kind: 'remote', url: remote, model: settings.embeddings.model ?? '', prefixes: settings.embeddings.prefixes }
    : { kind: 'local', model: 'multilingual-e5-small-q4', prefixes: settings.embeddings.prefixes };
  const caches = new Map<string, { identity: string; cache: Promise<LanguageCache<unknown>> }>();

  /** The cache file of one kind, reopened when the models that fill it change (a restart after an upgrade). */
  function cacheFor<T>(name: string, identity: unknown, codec: CacheCodec<T>): Promise<LanguageCache<T>> {
    const key = JSON.stringify(identity);
    const open = caches.get(name);
    if (open?.identity === key) return open.cache as Promise<LanguageCache<T>>;
    const cache = (open?.cache ?? Promise.resolve(undefined)).then(async (previous) => {
      await previous?.flush();
      return LanguageCache.open(join(settings.cacheDir, `${name}.jsonl`), identity, codec, logger, {
        readOnly: settings.cacheReadOnly,
      });
    });
    caches.set(name, { identity: key, cache: cache as Promise<LanguageCache<unknown>> });
    return cache;
  }

  function running(): LanguageResult<{ url: string; models: LanguageModels }> {
    const status = local.status();
    return status.available ? { ok: true, value: status } : { ok: false, reason: status.reason };
  }

  /** Where vectors come from now, and what identifies their model for the cache. */
  function embeddingsEndpoint(): LanguageResult<{
    endpoint: EmbeddingsEndpoint;
    identity: unknown;
    dimensions?: number;
  }> {
    const base = { timeoutMs: settings.requestTimeoutMs, apiKey: settings.embeddings.apiKey };
    if (remote) {
      return {
        ok: true,
        value: {
          endpoint: { ...base, url: remote, model: provider.model },
          identity: { provider: 'remote', url: remote, model: provider.model, prefixes: provider.prefixes },
        },
      };
    }
    const service = running();
    if (!service.ok) return service;
    const { embeddings } = service.value.models;
    return {
      ok: true,
      value: {
        endpoint: { ...base, apiKey: undefined, url: `${service.value.url}/v1`, model: embeddings.model },
        identity: { provider: 'local', ...embeddings, prefixes: provider.prefixes },
        dimensions: embeddings.dimensions,
      },
    };
  }

  async function analyse(texts: readonly string[], language: AnalysisLanguage, onProgress?: ProgressListener) {
    const service = running();
    if (!service.ok) return service;
    const { url, models } = service.value;
    const cache = await cacheFor(`analysis-${language}`, models.analysis[language], analysisCodec);
    return cachedBatches(texts, language, cache, settings.analysisBatchSize, onProgress, (batch) =>
      requestAnalyses(url, batch, language, settings.requestTimeoutMs),
    );
  }

  async function embed(texts: readonly string[], onProgress?: ProgressListener) {
    const source = embeddingsEndpoint();
    if (!source.ok) return source;
    const { endpoint, identity } = source.value;
    // The local service reports its dimensions; a remote provider's are learnt from its first answer.
    const dimensions = source.value.dimensions ?? (await remoteDimensions(endpoint));
    const cache = await cacheFor('vectors', identity, vectorCodec(dimensions));
    return cachedBatches(texts, 'any', cache, settings.embeddingBatchSize, onProgress, (batch) =>
      requestEmbeddings(
        endpoint,
        batch.map((text) => embeddingInput('passage', text, provider.prefixes)),
      ),
    );
  }

  let knownRemoteDimensions: number | undefined;
  /** Throws (caught by guard) when the provider does not answer. */
  async function remoteDimensions(endpoint: EmbeddingsEndpoint): Promise<number> {
    if (knownRemoteDimensions === undefined) {
      const [vector] = await requestEmbeddings(endpoint, [embeddingInput('passage', 'dimensions', provider.prefixes)]);
      knownRemoteDimensions = vector!.length;
    }
    return knownRemoteDimensions;
  }

  function facadeStatus(): LanguageServiceStatus {
    const status = local.status();
    return status.available
      ? {
          available: true,
          models: status.models,
          pid: status.pid,
          url: status.url,
          port: status.port,
          restarts: status.restarts,
          embeddings: provider,
        }
      : { available: false, reason: status.reason, embeddings: provider };
  }

  return {
    analysePassages: (texts, language, onProgress) => guard(() => analyse(texts, language, onProgress)),
    analyseQuestion: (text, language) =>
      guard(async () => {
        const service = running();
        if (!service.ok) return service;
        const [analysis] = await requestAnalyses(service.value.url, [text], language, settings.requestTimeoutMs);
        return { ok: true, value: analysis! };
      }),
    embedPassages: (texts, onProgress) => guard(() => embed(texts, onProgress)),
    embedQuestion: (text) =>
      guard(async () => {
        const source = embeddingsEndpoint();
        if (!source.ok) return source;
        const [vector] = await requestEmbeddings(source.value.endpoint, [
          embeddingInput('query', text, provider.prefixes),
        ]);
        return { ok: true, value: vector! };
      }),
    status: facadeStatus,
    ...(local.onStatusChange
      ? { onStatusChange: (listener) => local.onStatusChange?.(() => listener(facadeStatus())) }
      : {}),
    close: async () => {
      await local.close();
      await Promise.all([...caches.values()].map(async ({ cache }) => (await cache).flush()));
    },
  };
}

/**
 * The cache-then-batches loop shared by analyses and vectors: identical texts are sent once, cached ones
 * not at all, and every finished batch is cached at once, so that a run cut short resumes where it stopped.
 */
async function cachedBatches<T>(
  texts: readonly string[],
  language: string,
  cache: LanguageCache<T>,
  batchSize: number,
  onProgress: ProgressListener | undefined,
  compute: (batch: string[]) => Promise<T[]>,
): Promise<LanguageResult<T[]>> {
  const keys = texts.map((text) => cache.keyOf(text, language));
  const results = new Map<string, T>();
  const missing = new Map<string, string>(); // key -> text, each distinct text once
  keys.forEach((key, i) => {
    if (results.has(key) || missing.has(key)) return;
    const cached = cache.get(key);
    if (cached === undefined) missing.set(key, texts[i]!);
    else results.set(key, cached);
  });
  const countDone = () => keys.filter((key) => results.has(key)).length;
  const fromCache = texts.length - keys.filter((key) => missing.has(key)).length;
  onProgress?.({ done: fromCache, total: texts.length, fromCache });
  const pending = [...missing];
  for (let start = 0; start < pending.length; start += batchSize) {
    const batch = pending.slice(start, start + batchSize);
    const values = await compute(batch.map(([, text]) => text));
    const entries = batch.map(([key], i) => [key, values[i]!] as const);
    for (const [key, value] of entries) results.set(key, value);
    void cache.put(entries);
    onProgress?.({ done: countDone(), total: texts.length, fromCache });
  }
  await cache.flush();
  return { ok: true, value: keys.map((key) => results.get(key)!) };
}

/** Request failures (timeouts, a service that died mid-batch, a bad answer) become results, never throws. */
async function guard<T>(work: () => Promise<LanguageResult<T>>): Promise<LanguageResult<T>> {
  try {
    return await work();
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
