/**
 * How Story Desk scales with the corpus: indexing time, heap, and answer time per command, on synthetic
 * corpora built from the seed articles' sentences (names, numbers and dates varied so that passages
 * differ). Prints figures; asserts nothing. Run: `npm run bench` (or `npm run bench -- 500 2000`).
 */
import { performance } from 'node:perf_hooks';
import { answerQuestion } from '../src/answer/answerQuestion.ts';
import type { AnswerCommand } from '../src/answer/types.ts';
import { loadCorpus } from '../src/corpus/loadCorpus.ts';
import { splitPassages } from '../src/corpus/splitPassages.ts';
import type { Article, Corpus } from '../src/corpus/types.ts';
import { buildStoryIndexInWorker } from '../src/search/buildStoryIndexInWorker.ts';
import { buildStoryIndex } from '../src/search/storyIndex.ts';

const QUESTIONS: readonly [AnswerCommand, string][] = [
  ['who', 'Qui a remercié Trump ?'],
  ['when', 'Quand Poutine a-t-il remercié Trump ?'],
  ['where', 'Où l’attentat était-il prévu ?'],
  ['source', 'Telegram'],
  // A claim with names and words of substance: reads the paragraphs around passages that lack a name.
  [
    'source',
    'Quels médias rapportent que Poutine a remercié Trump pour les renseignements de la CIA en décembre 2017 ?',
  ],
  ['ask', 'Combien de membres de la cellule ont été arrêtés ?'],
  ['who', 'Who is the Kremlin spokesman?'],
];
const ROUNDS = 5;

const OUTLETS = [
  'La Tribune',
  'Le Quotidien',
  'Nord Éclair',
  'Radio Est',
  'Le Courrier',
  'Info Sud',
  'La Voix',
  'Le Matin',
];
const NAMES = ['Poutine', 'Trump', 'Peskov', 'Durand', 'Lefèvre', 'Martin', 'Moreau', 'Garnier'];
const CITIES = ['Saint-Pétersbourg', 'Moscou', 'Lyon', 'Marseille', 'Kazan', 'Lille', 'Nantes', 'Genève'];

/** A corpus of `count` articles whose paragraphs are seed paragraphs with names, places and numbers swapped. */
function syntheticCorpus(seed: Corpus, count: number): Corpus {
  const paragraphs = seed.articles.flatMap((article) => article.body.split(/\n\n+/u));
  const articles: Article[] = [];
  for (let i = 0; i < count; i++) {
    const body = Array.from({ length: 6 }, (_, j) => {
      const text = paragraphs[(i * 7 + j * 13) % paragraphs.length]!;
      return text
        .replaceAll('Poutine', NAMES[(i + j) % NAMES.length]!)
        .replaceAll('Saint-Pétersbourg', CITIES[(i * 3 + j) % CITIES.length]!)
        .replace(/\b(\d{1,2})\b/gu, (_m, n: string) => String(((Number(n) + i) % 28) + 1));
    }).join('\n\n');
    const day = String((i % 28) + 1).padStart(2, '0');
    articles.push({
      id: `synthetic-${i}`,
      path: `synthetic-${i}.md`,
      title: `Article ${i}`,
      outlet: OUTLETS[i % OUTLETS.length]!,
      published: { iso: `2017-12-${day}`, precision: 'day' },
      url: null,
      language: 'fr',
      origin: null,
      body,
    });
  }
  return { articles, passages: articles.flatMap(splitPassages), aliases: seed.aliases, problems: [] };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/**
 * Runs `work` while a 5 ms timer watches the event loop: the longest delay of a tick is how long the
 * bot could not have answered an interaction.
 */
async function measureStalls(work: () => Promise<unknown>): Promise<{ took: number; longestStall: number }> {
  let last = performance.now();
  let longestStall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestStall = Math.max(longestStall, now - last - 5);
    last = now;
  }, 5);
  const start = performance.now();
  await work();
  const took = performance.now() - start;
  clearInterval(timer);
  longestStall = Math.max(longestStall, performance.now() - last - 5);
  return { took, longestStall };
}

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const seed = await loadCorpus('corpus');
  console.log(
    `Story Desk benchmark, Node ${process.version}; ${ROUNDS} rounds of ${QUESTIONS.length} questions per size`,
  );
  console.log(
    'articles | passages | index build | heap after | reload build (worker) | longest event-loop stall | first answer (facts cold) | answer p50 | answer p95 | slowest command',
  );
  for (const size of sizes.length > 0 ? sizes : [100, 1000, 5000]) {
    const corpus = syntheticCorpus(seed, size);
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const buildStart = performance.now();
    const index = buildStoryIndex(corpus);
    const build = performance.now() - buildStart;
    const heap = process.memoryUsage().heapUsed - heapBefore;

    // As the bot reloads: on a worker thread, the result loaded back in slices.
    const reload = await measureStalls(() => buildStoryIndexInWorker(corpus));

    const times: number[] = [];
    const byCommand = new Map<string, number>();
    let first = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const [command, query] of QUESTIONS) {
        const start = performance.now();
        answerQuestion(index, { command, query, locale: 'fr' });
        const took = performance.now() - start;
        if (round === 0 && times.length === 0) first = took;
        if (round > 0) {
          times.push(took);
          byCommand.set(command, Math.max(byCommand.get(command) ?? 0, took));
        }
      }
    }
    times.sort((a, b) => a - b);
    const slowest = [...byCommand].sort((a, b) => b[1] - a[1])[0];
    console.log(
      [
        size,
        corpus.passages.length,
        ms(build),
        mb(heap),
        ms(reload.took),
        ms(reload.longestStall),
        ms(first),
        ms(percentile(times, 0.5)),
        ms(percentile(times, 0.95)),
        slowest ? `/${slowest[0]} ${ms(slowest[1])}` : '-',
      ].join(' | '),
    );
  }
}

await main();
