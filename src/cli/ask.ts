/**
 * The JSON CLI: answers one question and exits. Exit 0 when it answered (even "nothing found"),
 * 2 for bad usage or settings, 1 when the corpus folder cannot be read; each error is one line on stderr.
 */
import 'dotenv/config';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerQuestion } from '../answer/answerQuestion.ts';
import { ConfigError, readConfig } from '../config.ts';
import { renderAnswer } from '../console/renderText.ts';
import { loadCorpus } from '../corpus/loadCorpus.ts';
import type { Corpus } from '../corpus/types.ts';
import { analysePassagesOf, embedPassagesOf, prepareQuestion, type PreparedQuestion } from '../desk/deskLanguage.ts';
import { IndexCache } from '../desk/indexCache.ts';
import { openLanguageService } from '../language/languageService.ts';
import type { LanguageSettings } from '../language/languageSettings.ts';
import { createLogger } from '../logger.ts';
import { buildStoryIndex, type StoryIndex } from '../search/storyIndex.ts';
import { ASK_HELP, parseAskArgs, UsageError } from './parseAskArgs.ts';

export interface AskStreams {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** Runs the CLI; returns the exit code. Never throws. */
export async function runAsk(argv: readonly string[], streams: AskStreams, env?: NodeJS.ProcessEnv): Promise<number> {
  try {
    const request = parseAskArgs(argv);
    if (request === 'help') {
      streams.stdout.write(`${ASK_HELP}\n`);
      return 0;
    }
    const config = readConfig(env);
    const corpusDir = request.corpusDir ?? config.corpusDir;
    const corpus = await loadCorpus(
      corpusDir,
      config.corpusMaxFileBytes === undefined ? {} : { maxFileBytes: config.corpusMaxFileBytes },
    );
    for (const problem of corpus.problems)
      streams.stderr.write(
        `story-desk ask: ${problem.severity === 'warning' ? 'warning for' : 'skipped'} ${problem.path}: ${problem.reason}\n`,
      );
    const locale = request.locale ?? config.locale;
    const index = await indexOf(corpusDir, corpus, config.indexCacheDir);
    const prepared = request.language
      ? await withLanguageService(config.language, index, request.query, streams)
      : { index, question: {} };
    const answer = answerQuestion(prepared.index, {
      command: request.command,
      query: request.query,
      locale,
      ...prepared.question,
    });
    streams.stdout.write(request.json ? `${JSON.stringify(answer)}\n` : `${renderAnswer(answer, locale)}\n`);
    if (request.png !== undefined) {
      // On stderr: with --json, stdout holds the one JSON object and nothing else.
      // Loaded only for a picture: its renderer (Vega, resvg) takes longer to load than a whole answer.
      const picture = await (
        await import('../timeline/writeTimelinePicture.ts')
      ).writeTimelinePicture(answer, locale, request.png);
      streams.stderr.write(
        picture
          ? `story-desk ask: timeline picture written to ${request.png} (${picture.width}×${picture.height})\n`
          : `story-desk ask: no dated event, so no picture was written\n`,
      );
    }
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    streams.stderr.write(`story-desk ask: ${message.replace(/\s*\n\s*/gu, ' ')}\n`);
    return error instanceof UsageError || error instanceof ConfigError ? 2 : 1;
  }
}

/** The corpus's index: from the cache when it holds this corpus, else built (and cached for next time). */
async function indexOf(corpusDir: string, corpus: Corpus, cacheDir: string | undefined): Promise<StoryIndex> {
  if (cacheDir === undefined) return buildStoryIndex(corpus);
  // The CLI's output is its answer; a cache problem only costs time, so its log stays silent.
  const cache = new IndexCache(cacheDir, createLogger('silent'));
  const cached = await cache.load(corpusDir, corpus);
  if (cached.found) return cached.index;
  const index = buildStoryIndex(corpus);
  await cache.save(corpusDir, cached.fingerprint, index);
  return index;
}

/**
 * The index with its passages parsed and embedded, and the question prepared, as the bot does it (see
 * StoryDesk): the same caches, so a second run reads them back. A service that cannot start is said on
 * stderr, and the answer is given from the words alone, as the bot would.
 */
async function withLanguageService(
  settings: LanguageSettings,
  index: StoryIndex,
  query: string,
  streams: AskStreams,
): Promise<{ index: StoryIndex; question: PreparedQuestion }> {
  const language = await openLanguageService(settings, createLogger('silent'));
  try {
    const status = language.status();
    if (!status.available) {
      streams.stderr.write(`story-desk ask: no language service: ${status.reason}; answering from the words alone\n`);
      return { index, question: {} };
    }
    const parsed = await analysePassagesOf(index, language);
    const embedded = parsed.ok ? await embedPassagesOf(parsed.index, language) : parsed;
    const problem = !parsed.ok ? parsed.reason : !embedded.ok ? embedded.reason : undefined;
    if (problem)
      streams.stderr.write(`story-desk ask: the language service failed: ${problem}; answering from the words alone\n`);
    const served = embedded.ok ? embedded.index : parsed.ok ? parsed.index : index;
    return { index: served, question: await prepareQuestion(language, query, { embed: embedded.ok }) };
  } finally {
    await language.close();
  }
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly)
  process.exitCode = await runAsk(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
