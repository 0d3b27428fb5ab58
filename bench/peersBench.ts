/**
 * Peers, side by side: the same passages and the same questions through the project's search stage and
 * through minisearch (with the project's analysis), flexsearch, lunr (French) and orama, in one run, so
 * that the project's figures can be printed as ratios to theirs. Their bare search times bound what
 * search can cost; the project's whole answer (answerQuestion) is reported apart, split into the time
 * spent in StoryIndex.search and the rest (extraction, rules, ranking).
 *
 * Run: `npm run bench:peers -- 1000 10000` (default 300 articles), `--corpus recombined|zipf|both`
 * (default zipf), `--rounds N` (default 3). The machine may be shared: rounds are interleaved across
 * engines, each figure is given as min/median over rounds, and ratios come from this run only.
 */
import { performance } from 'node:perf_hooks';
import { answerQuestion } from '../src/answer/answerQuestion.ts';
import { contentUnits, reflexiveVerbs } from '../src/answer/questionFrame.ts';
import type { Corpus } from '../src/corpus/types.ts';
import { buildStoryIndex, type SearchRequest, type StoryIndex } from '../src/search/storyIndex.ts';
import { foldCase } from '../src/text/normalize.ts';
import { ALL_QUESTIONS, type BenchQuestion } from './benchQuestions.ts';
import { SEARCH_PEERS, type PeerIndex } from './searchPeers.ts';
import { benchCorpus, loadRealText, parseBenchArgs, type CorpusKind } from './syntheticCorpus.ts';

const PROJECT = 'project search stage';

/**
 * The SearchRequest the engine's first search makes for a question (see retrieve in
 * src/answer/retrieve.ts): the question's content units, each widened by the news vocabulary unless it
 * is a reflexive verb, every passage holding any of them. What retrieve does privately is left out:
 * merging synonymous units (the same terms, grouped differently) and restricting to an outlet the
 * question names (none of the bench's does).
 */
function firstSearchRequest(index: StoryIndex, question: BenchQuestion): SearchRequest {
  const reflexive = reflexiveVerbs(question.query);
  const units = contentUnits(index.analyzer.queryUnits(question.query), question.command === 'source').map((unit) =>
    reflexive.has(foldCase(unit.surface)) ? unit : index.vocabulary.expand(unit),
  );
  return { units, require: 'any' };
}

/** The project's search stage as a peer: question analysis, then StoryIndex.search. */
const projectSearchStage = (index: StoryIndex): PeerIndex => ({
  search: (question) => index.search(firstSearchRequest(index, question)).length,
});

interface Built<T> {
  readonly value: T;
  readonly took: number;
  /** Heap the built thing holds, after garbage collection on both sides. */
  readonly heap: number;
}

const collectGarbage = () => globalThis.gc?.();

async function measureBuild<T>(build: () => T | Promise<T>): Promise<Built<T>> {
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const value = await build();
  const took = performance.now() - start;
  collectGarbage();
  return { value, took, heap: process.memoryUsage().heapUsed - heapBefore };
}

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
const percentile = (values: readonly number[], p: number) => {
  const inOrder = sorted(values);
  return inOrder[Math.min(inOrder.length - 1, Math.floor(inOrder.length * p))] ?? Number.NaN;
};
const median = (values: readonly number[]) => percentile(values, 0.5);
const min = (values: readonly number[]) => sorted(values)[0] ?? Number.NaN;

const formatMs = (value: number) =>
  value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(3);
const formatMb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const formatRatio = (value: number) =>
  Number.isFinite(value) ? `${value >= 10 ? value.toFixed(0) : value.toFixed(1)}×` : '-';
/** "min / median" of a figure over rounds. */
const spread = (values: readonly number[], format: (value: number) => string) =>
  `${format(min(values))} / ${format(median(values))}`;

interface EngineFigures {
  readonly name: string;
  readonly builds: number[];
  readonly heaps: number[];
  /** Per round: the p50 and p95 of the questions' times. */
  readonly p50s: number[];
  readonly p95s: number[];
  /** Per question (same in every round): share of all passages returned. */
  hitShares: number[];
  /** Per question, per round: its time. */
  readonly questionTimes: number[][];
}

/** Times every question once through an engine: the per-question times and hit counts. */
async function askAll(index: PeerIndex): Promise<{ times: number[]; hits: number[] }> {
  const times: number[] = [];
  const hits: number[] = [];
  for (const question of ALL_QUESTIONS) {
    const start = performance.now();
    const found = await index.search(question);
    times.push(performance.now() - start);
    hits.push(found);
  }
  return { times, hits };
}

interface Engine {
  readonly name: string;
  build(corpus: Corpus): PeerIndex | Promise<PeerIndex>;
}

const engines: readonly Engine[] = [
  { name: PROJECT, build: (corpus) => projectSearchStage(buildStoryIndex(corpus)) },
  ...SEARCH_PEERS.map((peer) => ({
    name: peer.name,
    build: (corpus: Corpus) => peer.build(corpus.passages, corpus.aliases),
  })),
];

interface AnswerFigures {
  readonly p50s: number[];
  readonly p95s: number[];
  /** Per round: the share of all answer time spent inside StoryIndex.search. */
  readonly searchShares: number[];
  /** StoryIndex.search calls per answer, mean. */
  searchCalls: number;
}

/**
 * Every question through answerQuestion, timing the StoryIndex.search calls it makes by wrapping this
 * one instance's method (src/ is untouched): the rest is the engine's own work after the search.
 */
function answerAll(index: StoryIndex): { times: number[]; searchTime: number; searchCalls: number } {
  const search = index.search.bind(index);
  let searchTime = 0;
  let searchCalls = 0;
  index.search = (request) => {
    const start = performance.now();
    try {
      return search(request);
    } finally {
      searchTime += performance.now() - start;
      searchCalls += 1;
    }
  };
  const times: number[] = [];
  try {
    for (const { command, query } of ALL_QUESTIONS) {
      const start = performance.now();
      answerQuestion(index, { command, query, locale: 'fr' });
      times.push(performance.now() - start);
    }
  } finally {
    index.search = search;
  }
  return { times, searchTime, searchCalls };
}

async function benchOneCorpus(kind: CorpusKind, corpus: Corpus, rounds: number): Promise<void> {
  const passageCount = corpus.passages.length;
  const figures: EngineFigures[] = engines.map(({ name }) => ({
    name,
    builds: [],
    heaps: [],
    p50s: [],
    p95s: [],
    hitShares: [],
    questionTimes: ALL_QUESTIONS.map(() => []),
  }));
  const answers: AnswerFigures = { p50s: [], p95s: [], searchShares: [], searchCalls: 0 };
  // The project's index for whole answers is built once, before the others, and kept: answers need it whole.
  const answerIndex = buildStoryIndex(corpus);
  answerAll(answerIndex); // warm: facts and other per-passage results are computed once, then kept

  for (let round = 0; round < rounds; round++) {
    for (const [position, engine] of engines.entries()) {
      const figure = figures[position]!;
      const built = await measureBuild(() => engine.build(corpus));
      figure.builds.push(built.took);
      figure.heaps.push(built.heap);
      await askAll(built.value); // warm: the first call of a path pays for compilation and caches
      const { times, hits } = await askAll(built.value);
      figure.p50s.push(percentile(times, 0.5));
      figure.p95s.push(percentile(times, 0.95));
      figure.hitShares = hits.map((count) => count / passageCount);
      times.forEach((took, question) => figure.questionTimes[question]!.push(took));
    }
    const answered = answerAll(answerIndex);
    const total = answered.times.reduce((sum, took) => sum + took, 0);
    answers.p50s.push(percentile(answered.times, 0.5));
    answers.p95s.push(percentile(answered.times, 0.95));
    answers.searchShares.push(answered.searchTime / total);
    answers.searchCalls = answered.searchCalls / ALL_QUESTIONS.length;
  }

  const project = figures[0]!;
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  console.log(
    `\n### ${kind} corpus, ${corpus.articles.length} articles, ${passageCount} passages, ${ALL_QUESTIONS.length} questions, ${rounds} rounds`,
  );
  console.log(
    '\n| engine | index build (ms) | heap after build (MB) | query p50 (ms) | query p95 (ms) | hits per query (share of passages) | project ÷ this: build | heap | p50 | p95 |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const figure of figures) {
    const ratio = (of: (figures: EngineFigures) => number[]) => formatRatio(median(of(project)) / median(of(figure)));
    console.log(
      [
        '',
        figure.name,
        spread(figure.builds, formatMs),
        spread(figure.heaps, formatMb),
        spread(figure.p50s, formatMs),
        spread(figure.p95s, formatMs),
        `${(mean(figure.hitShares) * 100).toFixed(1)}%`,
        ...(figure === project
          ? ['', '', '', '']
          : [ratio((f) => f.builds), ratio((f) => f.heaps), ratio((f) => f.p50s), ratio((f) => f.p95s)]),
        '',
      ]
        .join(' | ')
        .trim(),
    );
  }
  const slowest = ALL_QUESTIONS.map((question, position) => ({
    question,
    took: median(project.questionTimes[position]!),
    share: project.hitShares[position]!,
  }))
    .sort((a, b) => b.took - a.took)
    .slice(0, 3);
  console.log(
    `\nSlowest questions through the project's search stage (median): ${slowest
      .map(
        ({ question, took, share }) =>
          `/${question.command} "${question.query}" ${formatMs(took)} ms, ${(share * 100).toFixed(0)}% of passages`,
      )
      .join('; ')}.`,
  );
  const share = median(answers.searchShares);
  console.log(
    `\nWhole answer (answerQuestion, same questions): p50 ${spread(answers.p50s, formatMs)} ms, p95 ${spread(answers.p95s, formatMs)} ms (min / median over rounds); ` +
      `${(share * 100).toFixed(0)}% of answer time inside StoryIndex.search (${answers.searchCalls.toFixed(1)} calls per answer), ${((1 - share) * 100).toFixed(0)}% the rest.`,
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const roundsAt = args.indexOf('--rounds');
  const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 3;
  if (!(rounds >= 1)) throw new Error('--rounds takes a number from 1');
  const rest = roundsAt >= 0 ? [...args.slice(0, roundsAt), ...args.slice(roundsAt + 2)] : args;
  const { kinds, sizes } = parseBenchArgs(rest.includes('--corpus') ? rest : ['--corpus', 'zipf', ...rest], [300]);
  if (!globalThis.gc) console.log('(run with node --expose-gc, as npm run bench:peers does, for heap figures)');
  console.log(`Story Desk search peers, Node ${process.version}, ${new Date().toISOString()}`);
  console.log('Figures are min / median over rounds; ratios are of medians. Bare peers, no typo tolerance:');
  for (const peer of SEARCH_PEERS) console.log(`- ${peer.name}: ${peer.setup}`);
  console.log(
    `- ${PROJECT}: question analysis (queryUnits, content units, news vocabulary) and StoryIndex.search (any), ` +
      'with its typo tolerance; its build is buildStoryIndex whole (names, copies, roles too).',
  );
  const realText = await loadRealText();
  for (const kind of kinds) {
    for (const size of sizes) await benchOneCorpus(kind, benchCorpus(kind, realText, size), rounds);
  }
}

await main();
