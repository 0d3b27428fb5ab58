/**
 * The JSON CLI: answers one question and exits. Exit 0 when it answered (even "nothing found"),
 * 2 for bad usage or settings, 1 when the corpus folder cannot be read; each error is one line on stderr.
 */
import 'dotenv/config';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerQuestion } from '../answer/answerQuestion.ts';
import { ConfigError, readConfig, type Config } from '../config.ts';
import { renderAnswer } from '../console/renderText.ts';
import { loadCorpus } from '../corpus/loadCorpus.ts';
import type { Corpus } from '../corpus/types.ts';
import { CorpusCache } from '../desk/corpusCache.ts';
import { IndexCache } from '../desk/indexCache.ts';
import { StoryDesk } from '../desk/storyDesk.ts';
import type { Answer } from '../answer/types.ts';
import { createLogger } from '../logger.ts';
import { ASK_HELP, parseAskArgs, UsageError, type AskRequest } from './parseAskArgs.ts';

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
    const corpusOptions = config.corpusMaxFileBytes === undefined ? {} : { maxFileBytes: config.corpusMaxFileBytes };
    // Read here, not by the desk, so that the file problems go to stderr before the answer.
    const loaded =
      config.indexCacheDir === undefined
        ? undefined
        : await new CorpusCache(config.indexCacheDir, createLogger('silent')).load(corpusDir, corpusOptions);
    const corpus = loaded?.corpus ?? (await loadCorpus(corpusDir, corpusOptions));
    for (const problem of corpus.problems)
      streams.stderr.write(
        `story-desk ask: ${problem.severity === 'warning' ? 'warning for' : 'skipped'} ${problem.path}: ${problem.reason}\n`,
      );
    const locale = request.locale ?? config.locale;
    const answer = await answerAsTheDeskDoes(corpusDir, corpus, config, request, streams);
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
    await loaded?.written;
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    streams.stderr.write(`story-desk ask: ${message.replace(/\s*\n\s*/gu, ' ')}\n`);
    return error instanceof UsageError || error instanceof ConfigError ? 2 : 1;
  }
}

/**
 * The answer through the same desk as the bot and the console: the index from the cache when it holds
 * this corpus (else built, and cached for next time), and with `--language` the passages parsed and
 * embedded and the question prepared before the engine runs. A service that cannot start, or fails, is
 * said on stderr, and the answer comes from the words alone, as the bot's would.
 */
async function answerAsTheDeskDoes(
  corpusDir: string,
  corpus: Corpus,
  config: Config,
  request: AskRequest,
  streams: AskStreams,
): Promise<Answer> {
  // The CLI's output is its answer: the desk's and the service's logs stay silent.
  const logger = createLogger('silent');
  // Loaded with --language only: the client, its caches and its response schemas are not needed otherwise.
  const language = request.language
    ? await (await import('../language/languageService.ts')).openLanguageService(config.language, logger)
    : undefined;
  try {
    const desk = await StoryDesk.open(corpusDir, logger, {
      load: async () => corpus,
      ...(config.indexCacheDir === undefined ? {} : { indexCache: new IndexCache(config.indexCacheDir, logger) }),
      ...(language ? { language } : {}),
    });
    await desk.passagesAnalysed();
    const unavailable = language && desk.languageUnavailable;
    if (unavailable)
      streams.stderr.write(`story-desk ask: no language service: ${unavailable}; answering from the words alone\n`);
    const answer = answerQuestion(desk.index, {
      command: request.command,
      query: request.query,
      locale: request.locale ?? config.locale,
      ...(await desk.prepareQuestion(request.query)),
    });
    await desk.cacheWritten();
    return answer;
  } finally {
    await language?.close();
  }
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly)
  process.exitCode = await runAsk(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
