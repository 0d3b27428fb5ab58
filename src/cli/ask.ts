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
import { buildStoryIndex } from '../search/storyIndex.ts';
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
    const corpus = await loadCorpus(
      request.corpusDir ?? config.corpusDir,
      config.corpusMaxFileBytes === undefined ? {} : { maxFileBytes: config.corpusMaxFileBytes },
    );
    for (const problem of corpus.problems)
      streams.stderr.write(
        `story-desk ask: ${problem.severity === 'warning' ? 'warning for' : 'skipped'} ${problem.path}: ${problem.reason}\n`,
      );
    const locale = request.locale ?? config.locale;
    const answer = answerQuestion(buildStoryIndex(corpus), { command: request.command, query: request.query, locale });
    streams.stdout.write(request.json ? `${JSON.stringify(answer)}\n` : `${renderAnswer(answer, locale)}\n`);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    streams.stderr.write(`story-desk ask: ${message.replace(/\s*\n\s*/gu, ' ')}\n`);
    return error instanceof UsageError || error instanceof ConfigError ? 2 : 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly)
  process.exitCode = await runAsk(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
