/**
 * How fast the language service is: start-up, cold analysis rate, warm load from the cache, and a question's
 * analysis + embedding. Runs the real service on the seed corpus's passages, varied and repeated to about
 * 1000 (`npm run bench:language -- 1000 200`: passages analysed, passages embedded). Prints; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCorpus } from '../src/corpus/loadCorpus.ts';
import type { LanguageProgress, LanguageResult } from '../src/language/analysisTypes.ts';
import { openLanguageService, type LanguageService } from '../src/language/languageService.ts';
import { DEFAULT_LANGUAGE_SETTINGS } from '../src/language/languageSettings.ts';
import { createLogger } from '../src/logger.ts';

const ANALYSED = Number(process.argv[2] ?? 1000);
const EMBEDDED = Number(process.argv[3] ?? 200);
const QUESTION_ROUNDS = 3;
const QUESTIONS = [
  'Qui a remercié Trump ?',
  'Qui Trump a-t-il remercié ?',
  'Quand Poutine a-t-il remercié Trump ?',
  'Où l’attentat était-il prévu ?',
  'Combien de membres de la cellule ont été arrêtés ?',
  'Quelle cathédrale était visée ?',
  'Quelle est la nationalité des suspects ?',
  'Qui est le porte-parole du Kremlin ?',
  'Pourquoi le funiculaire s’est-il arrêté ?',
  'Qui dirigeait le FSB ?',
];
const NAMES = ['Poutine', 'Trump', 'Peskov', 'Durand', 'Lefèvre', 'Martin', 'Moreau', 'Garnier'];
const logger = createLogger('warn');

function unwrap<T>(result: LanguageResult<T>): T {
  if (!result.ok) throw new Error(`language service: ${result.reason}`);
  return result.value;
}

/** Seed passages with names and numbers swapped, so that each of the `count` texts is distinct. */
function variedPassages(seed: readonly string[], count: number): string[] {
  const texts = new Set<string>();
  for (let i = 0; texts.size < count; i++) {
    const text = seed[i % seed.length]!.replaceAll('Poutine', NAMES[i % NAMES.length]!).replace(
      /\b(\d{1,2})\b/gu,
      (_m, n: string) => String(((Number(n) + i) % 28) + 1),
    );
    texts.add(texts.has(text) ? `${text} (${i})` : text);
  }
  return [...texts];
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

function progressPrinter(what: string): (progress: LanguageProgress) => void {
  let lastPrinted = 0;
  return ({ done, total, fromCache }) => {
    if (done === total || done - lastPrinted >= 200) {
      lastPrinted = done;
      console.log(`  ${what} ${done}/${total} passages (${fromCache} from cache)`);
    }
  };
}

async function main(): Promise<void> {
  const corpus = await loadCorpus('corpus');
  const french = corpus.passages
    .filter((passage) => corpus.articles.find((article) => article.id === passage.articleId)?.language === 'fr')
    .map((passage) => passage.text);
  const passages = variedPassages(french, ANALYSED);
  const embedded = passages.slice(0, EMBEDDED);
  const cacheDir = mkdtempSync(join(tmpdir(), 'story-desk-language-bench-'));
  const settings = { ...DEFAULT_LANGUAGE_SETTINGS, cacheDir };
  const meanLength = Math.round(passages.reduce((sum, text) => sum + text.length, 0) / passages.length);
  console.log(
    `Language bench: ${passages.length} French passages (from ${french.length} seed passages, ${meanLength} characters on average); ` +
      `${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)}`,
  );

  const [cold, readyMs] = await timed(() => openLanguageService(settings, logger));
  const status = cold.status();
  if (!status.available) throw new Error(`the language service did not start: ${status.reason}`);
  console.log(`service ready in ${(readyMs / 1000).toFixed(1)} s (pid ${status.pid})`);

  const [, analyseMs] = await timed(async () =>
    unwrap(await cold.analysePassages(passages, 'fr', progressPrinter('analysed'))),
  );
  console.log(
    `cold analysis: ${passages.length} passages in ${(analyseMs / 1000).toFixed(1)} s = ` +
      `${(passages.length / (analyseMs / 1000)).toFixed(0)} passages/s`,
  );
  const [, embedMs] = await timed(async () => unwrap(await cold.embedPassages(embedded, progressPrinter('embedded'))));
  console.log(
    `cold embedding: ${embedded.length} passages in ${(embedMs / 1000).toFixed(1)} s = ` +
      `${(embedded.length / (embedMs / 1000)).toFixed(1)} passages/s`,
  );

  const questionMs = await questionTimes(cold);
  console.log(
    `question analysis + embedding (${questionMs.length} runs): p50 ${percentile(questionMs, 50).toFixed(1)} ms, ` +
      `p95 ${percentile(questionMs, 95).toFixed(1)} ms`,
  );
  await cold.close();

  // A restart: the service starts again, then every passage is read back from the cache.
  const [warm, warmReadyMs] = await timed(() => openLanguageService(settings, logger));
  const [, warmMs] = await timed(async () => {
    unwrap(await warm.analysePassages(passages, 'fr'));
    unwrap(await warm.embedPassages(embedded));
  });
  console.log(
    `warm start: service ready in ${(warmReadyMs / 1000).toFixed(1)} s, then ${passages.length} analyses and ` +
      `${embedded.length} vectors read from the cache in ${warmMs.toFixed(0)} ms`,
  );
  await warm.close();
  rmSync(cacheDir, { recursive: true, force: true });
}

async function questionTimes(service: LanguageService): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < QUESTION_ROUNDS; round++) {
    for (const question of QUESTIONS) {
      const [, ms] = await timed(async () => {
        unwrap(await service.analyseQuestion(question, 'fr'));
        unwrap(await service.embedQuestion(question));
      });
      times.push(ms);
    }
  }
  return times.sort((a, b) => a - b);
}

await main();
