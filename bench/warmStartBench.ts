/**
 * Start-up with and without the index cache, on corpora written to disk as moderators keep them: the
 * time from nothing to the first answer of a cold start (no cache: read, index, answer) and of a warm
 * one (read, load the cached index, answer), the size of the cache file, the longest event-loop stall
 * while the cache is written, and the wall time of one CLI question on the seed corpus, cache warm.
 * Prints figures; asserts nothing. Run: `npm run bench:start` (or `npm run bench:start -- 1000 10000`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { answerQuestion } from '../src/answer/answerQuestion.ts';
import { loadCorpus } from '../src/corpus/loadCorpus.ts';
import { IndexCache } from '../src/desk/indexCache.ts';
import { StoryDesk } from '../src/desk/storyDesk.ts';
import { silentLogger } from '../src/logger.ts';
import { recombinedSeedCorpus } from './syntheticCorpus.ts';

const QUESTION = { command: 'who', query: 'Qui a remercié Trump ?', locale: 'fr' } as const;

/**
 * Writes the bench's recombined corpus of `count` articles (bench/syntheticCorpus.ts) into `dir` as
 * corpus files, so that a start reads them as it reads moderators' files.
 */
async function writeCorpus(dir: string, count: number): Promise<void> {
  const corpus = recombinedSeedCorpus(await loadCorpus('corpus'), count);
  for (const article of corpus.articles) {
    const front = `---\ntitle: "${article.title}"\noutlet: ${article.outlet}\npublished: ${article.published.iso}\nlanguage: ${article.language}\n---\n\n`;
    await writeFile(join(dir, `${article.id}.md`), `${front}${article.body}\n`);
  }
}

/** Runs `work` while a 5 ms timer watches the event loop; returns the longest a tick was late. */
async function longestStallDuring(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 5);
    last = now;
  }, 5);
  await work();
  clearInterval(timer);
  return Math.max(longest, performance.now() - last - 5);
}

async function timeToFirstAnswer(corpusDir: string, cache: IndexCache): Promise<{ ms: number; desk: StoryDesk }> {
  const start = performance.now();
  const desk = await StoryDesk.open(corpusDir, silentLogger, { indexCache: cache });
  answerQuestion(desk.index, QUESTION);
  return { ms: performance.now() - start, desk };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  console.log(`Story Desk start-up benchmark, Node ${process.version}`);
  console.log('articles | cold start to first answer | cache write (stall) | cache file | warm start to first answer');
  for (const size of sizes.length > 0 ? sizes : [100, 1000]) {
    const folder = await mkdtemp(join(tmpdir(), 'story-desk-bench-'));
    try {
      const corpusDir = join(folder, 'corpus');
      const cacheDir = join(folder, 'cache');
      await rm(corpusDir, { recursive: true, force: true });
      await import('node:fs/promises').then((fs) => fs.mkdir(corpusDir));
      await writeCorpus(corpusDir, size);
      const cache = new IndexCache(cacheDir, silentLogger);
      const cold = await timeToFirstAnswer(corpusDir, cache);
      const writeStart = performance.now();
      const stall = await longestStallDuring(() => cold.desk.cacheWritten());
      const write = performance.now() - writeStart;
      const [file] = await readdir(cacheDir);
      const bytes = (await stat(join(cacheDir, file!))).size;
      const warm = await timeToFirstAnswer(corpusDir, new IndexCache(cacheDir, silentLogger));
      console.log(
        [
          size,
          seconds(cold.ms),
          `${seconds(write)} (${stall.toFixed(0)} ms)`,
          `${(bytes / 1024 / 1024).toFixed(1)} MB`,
          seconds(warm.ms),
        ].join(' | '),
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  // The CLI as a script calls it: compiled JavaScript, cache warm after the first call.
  const cli = ['dist/ask.js', 'who', QUESTION.query, '--json'];
  execFileSync(process.execPath, cli, { stdio: 'ignore' });
  const runs = Array.from({ length: 5 }, () => {
    const start = performance.now();
    execFileSync(process.execPath, cli, { stdio: 'ignore' });
    return performance.now() - start;
  }).sort((a, b) => a - b);
  console.log(
    `CLI question on the seed corpus, cache warm (node dist/ask.js, 5 runs): median ${seconds(runs[2]!)}, fastest ${seconds(runs[0]!)}`,
  );
}

await main();
