/**
 * Start-up with and without the caches, on corpora written to disk as moderators keep them: the time
 * from nothing to the first answer of a cold start (no cache: read every file, index, answer) and of a
 * warm one (check the files' stamps, load the cached corpus and index, answer), the size of the cache
 * files, the longest event-loop stall while they are written, and the wall time of one CLI question on
 * the seed corpus, cache warm. The warm start runs in the same process as the cold one, so its figure
 * leaves out loading the program's modules.
 * Prints figures; asserts nothing. Run: `npm run bench:start` (or `npm run bench:start -- 1000 10000`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { answerQuestion } from '../src/answer/answerQuestion.ts';
import { loadCorpus } from '../src/corpus/loadCorpus.ts';
import { CorpusCache } from '../src/desk/corpusCache.ts';
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

async function timeToFirstAnswer(
  cacheDir: string,
  corpusDir: string,
): Promise<{ ms: number; desk: StoryDesk; filesRead: boolean }> {
  let filesRead = false;
  const start = performance.now();
  const desk = await StoryDesk.open(corpusDir, silentLogger, {
    // The loader, watched: the figures say whether a warm start read the files after all.
    load: (dir, options) => {
      filesRead = true;
      return loadCorpus(dir, options);
    },
    indexCache: new IndexCache(cacheDir, silentLogger),
    // The bench's files were written seconds ago, a moderator's long before a start: without this, the
    // cache taken right after writing them would be racy, and the warm start would read them again.
    corpusCache: new CorpusCache(cacheDir, silentLogger, { racyWithinMs: 0 }),
  });
  answerQuestion(desk.index, QUESTION);
  return { ms: performance.now() - start, desk, filesRead };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  console.log(`Story Desk start-up benchmark, Node ${process.version}`);
  console.log(
    'articles | cold start to first answer | cache write (stall) | cache files (index + corpus) | warm start to first answer',
  );
  for (const size of sizes.length > 0 ? sizes : [100, 1000]) {
    const folder = await mkdtemp(join(tmpdir(), 'story-desk-bench-'));
    try {
      const corpusDir = join(folder, 'corpus');
      const cacheDir = join(folder, 'cache');
      await rm(corpusDir, { recursive: true, force: true });
      await import('node:fs/promises').then((fs) => fs.mkdir(corpusDir));
      await writeCorpus(corpusDir, size);
      const cold = await timeToFirstAnswer(cacheDir, corpusDir);
      const writeStart = performance.now();
      const stall = await longestStallDuring(() => cold.desk.cacheWritten());
      const write = performance.now() - writeStart;
      const indexFile = new IndexCache(cacheDir, silentLogger).fileFor(corpusDir);
      const corpusFile = new CorpusCache(cacheDir, silentLogger).fileFor(corpusDir);
      const [indexBytes, corpusBytes] = await Promise.all([stat(indexFile), stat(corpusFile)]).then((files) =>
        files.map((file) => file.size),
      );
      const warm = await timeToFirstAnswer(cacheDir, corpusDir);
      console.log(
        [
          size,
          seconds(cold.ms),
          `${seconds(write)} (${stall.toFixed(0)} ms)`,
          `${megabytes(indexBytes!)} + ${megabytes(corpusBytes!)}`,
          `${seconds(warm.ms)}${warm.filesRead ? ' (read every file: the corpus cache was not used)' : ''}`,
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
