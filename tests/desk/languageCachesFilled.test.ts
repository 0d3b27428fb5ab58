/**
 * A shard's desk parses its passages only once the shard manager has filled the analyses cache, and embeds
 * them only once it has filled the vectors cache: until then the one service all shards share is not asked
 * for every passage by every shard. A stand-in service records what it is asked.
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.ts';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import type { LanguageModels, TextAnalysis } from '../../src/language/analysisTypes.ts';
import type { LanguageService } from '../../src/language/languageService.ts';
import { silentLogger } from '../../src/logger.ts';

const EMPTY: TextAnalysis = { sentences: [], tokens: [], entities: [] };

function recordingService(calls: string[]): LanguageService {
  return {
    analysePassages: async (texts) => {
      calls.push('parse');
      return { ok: true, value: texts.map(() => EMPTY) };
    },
    analyseQuestion: async () => ({ ok: false, reason: 'not asked here' }),
    embedPassages: async (texts) => {
      calls.push('embed');
      return { ok: true, value: texts.map(() => new Float32Array(4)) };
    },
    embedQuestion: async () => ({ ok: false, reason: 'not asked here' }),
    status: () => ({
      available: true,
      models: {} as LanguageModels,
      pid: 1,
      url: 'http://127.0.0.1:1',
      port: 1,
      restarts: 0,
      embeddings: { kind: 'local', model: 'test', prefixes: 'e5' },
    }),
    close: async () => {},
  };
}

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('a shard’s desk and the manager’s language caches', () => {
  it('parses once the analyses are cached, and embeds once the vectors are', async () => {
    const calls: string[] = [];
    const analyses = deferred();
    const vectors = deferred();
    const desk = StoryDesk.fromCorpus('corpus', await loadCorpus('corpus'), silentLogger, {
      language: recordingService(calls),
      languageCachesFilled: { analyses: analyses.promise, vectors: vectors.promise },
    });
    expect(calls).toEqual([]);

    analyses.resolve();
    await desk.passagesParsed();
    expect(calls).toEqual(['parse']);

    vectors.resolve();
    await desk.passagesAnalysed();
    expect(calls).toEqual(['parse', 'embed']);
  });

  it('waits for nothing without them (one process: it fills its caches itself)', async () => {
    const calls: string[] = [];
    const desk = StoryDesk.fromCorpus('corpus', await loadCorpus('corpus'), silentLogger, {
      language: recordingService(calls),
    });
    await desk.passagesAnalysed();
    expect(calls).toEqual(['parse', 'embed']);
  });
});
