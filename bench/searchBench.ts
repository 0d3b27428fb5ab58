/**
 * How Story Desk scales with the corpus: indexing time, heap, and answer time per command, on synthetic
 * corpora (see syntheticCorpus.ts): by default the seed articles' paragraphs recombined, the worst case
 * for search; `--corpus zipf` for one whose vocabulary varies as real news does, `--corpus both` for
 * both. Prints figures; asserts nothing. Run: `npm run bench` (or `npm run bench -- --corpus zipf 500 2000`).
 */
import { performance } from 'node:perf_hooks';
import { answerQuestion } from '../src/answer/answerQuestion.ts';
import { splitPassages } from '../src/corpus/splitPassages.ts';
import type { Corpus } from '../src/corpus/types.ts';
import { buildStoryIndexInWorker } from '../src/search/buildStoryIndexInWorker.ts';
import { buildStoryIndex } from '../src/search/storyIndex.ts';
import { LISTING_QUESTIONS, SEED_QUESTIONS, type BenchQuestion } from './benchQuestions.ts';
import { benchCorpus, loadRealText, parseBenchArgs } from './syntheticCorpus.ts';

const QUESTIONS = [...SEED_QUESTIONS, ...LISTING_QUESTIONS];

/** How a question's times are grouped in "p95 by command": a listing restricted by words on its own. */
const groupOf = ({ command, query }: BenchQuestion): string =>
  LISTING_QUESTIONS.some((listing) => listing.command === command && listing.query === query) && query !== ''
    ? `/${command} ${query}`
    : `/${command}`;
const ROUNDS = 5;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const p95Of = (times: readonly number[]) =>
  percentile(
    [...times].sort((a, b) => a - b),
    0.95,
  );

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

/** Articles a derived reload edits: a moderator's day of corrections. */
const EDITED = 10;

/** The corpus with EDITED articles, spread over it, given one more paragraph each. */
function withEdits(corpus: Corpus): Corpus {
  const every = Math.max(1, Math.floor(corpus.articles.length / EDITED));
  const articles = corpus.articles.map((article, at) =>
    at % every === 0 && at / every < EDITED
      ? { ...article, body: `${article.body}\n\nMise à jour ${at} : la préfecture a confirmé ces informations.` }
      : article,
  );
  return { ...corpus, articles, passages: articles.flatMap(splitPassages) };
}

const pair = (figures: { took: number; longestStall: number }) => `${ms(figures.took)} (${ms(figures.longestStall)})`;

async function main(): Promise<void> {
  const { kinds, sizes } = parseBenchArgs(process.argv.slice(2), [100, 1000, 5000]);
  const realText = await loadRealText();
  console.log(
    `Story Desk benchmark, Node ${process.version}; ${ROUNDS} rounds of ${QUESTIONS.length} questions per size`,
  );
  console.log(
    `corpus | articles | passages | index build | heap after | reload build (worker) | longest event-loop stall | derived reload, ${EDITED} articles edited (longest stall) | the same, first after a worker build | cache snapshot of it (longest stall) | first answer (facts cold) | answer p50 | answer p95 | slowest command | p95 by command | first ask of each (cold)`,
  );
  for (const [kind, size] of kinds.flatMap((kind) => sizes.map((size) => [kind, size] as const))) {
    const corpus = benchCorpus(kind, realText, size);
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const buildStart = performance.now();
    const index = buildStoryIndex(corpus);
    const build = performance.now() - buildStart;
    const heap = process.memoryUsage().heapUsed - heapBefore;

    let fromWorker = index;
    const reload = await measureStalls(async () => (fromWorker = await buildStoryIndexInWorker(corpus)));
    const edited = withEdits(corpus);
    // The bench's index was built in this thread, so it kept what a derivation starts from (its basis);
    // one from a worker computes it first, from its own corpus.
    const derived = await measureStalls(() => index.derive(edited));
    let firstDerived = index;
    const afterWorker = await measureStalls(async () => (firstDerived = await fromWorker.derive(edited)));
    const snapshot = await measureStalls(() => firstDerived.prepareSnapshot());
    // The reload's indexes are garbage now (hundreds of MB at 10,000 articles): collected here, not in
    // the middle of the answers timed next, which would then time the collector.
    globalThis.gc?.();

    const times: number[] = [];
    const byCommand = new Map<string, number>();
    const timesByCommand = new Map<string, number[]>();
    // The first time each is asked: what an index keeps once read (passage facts, listings) is made then.
    const firstByGroup = new Map<string, number>();
    let first = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const question of QUESTIONS) {
        const { command, query } = question;
        const start = performance.now();
        answerQuestion(index, { command, query, locale: 'fr' });
        const took = performance.now() - start;
        if (round === 0 && times.length === 0) first = took;
        if (round === 0 && !firstByGroup.has(groupOf(question))) firstByGroup.set(groupOf(question), took);
        if (round > 0) {
          const group = groupOf(question);
          times.push(took);
          byCommand.set(group, Math.max(byCommand.get(group) ?? 0, took));
          timesByCommand.set(group, [...(timesByCommand.get(group) ?? []), took]);
        }
      }
    }
    times.sort((a, b) => a - b);
    const slowest = [...byCommand].sort((a, b) => b[1] - a[1])[0];
    console.log(
      [
        kind,
        size,
        corpus.passages.length,
        ms(build),
        mb(heap),
        ms(reload.took),
        ms(reload.longestStall),
        pair(derived),
        pair(afterWorker),
        pair(snapshot),
        ms(first),
        ms(percentile(times, 0.5)),
        ms(percentile(times, 0.95)),
        slowest ? `${slowest[0]} ${ms(slowest[1])}` : '-',
        [...timesByCommand].map(([group, list]) => `${group} ${ms(p95Of(list))}`).join(', '),
        [...firstByGroup].map(([group, took]) => `${group} ${ms(took)}`).join(', '),
      ].join(' | '),
    );
  }
}

await main();
