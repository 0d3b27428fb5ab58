/**
 * The arguments of `npm run ask -- <command> <query…> [--json] [--corpus DIR] [--locale fr|en]`, turned
 * into a request with no I/O. Bad usage is an error whose message is the one line the runner prints.
 */
import { parseArgs } from 'node:util';
import { ANSWER_COMMANDS, type AnswerCommand, type Locale } from '../answer/types.ts';
import { QUESTION_MAX_LENGTH } from '../desk/questionCommand.ts';

export interface AskRequest {
  readonly command: AnswerCommand;
  readonly query: string;
  readonly json: boolean;
  readonly corpusDir: string | undefined;
  readonly locale: Locale | undefined;
  /** `--png FILE` (timeline only): where to write the timeline's picture. */
  readonly png: string | undefined;
  /**
   * `--language`: start the language service and answer as the bot does (parses, roles, verification),
   * at the cost of loading its models (seconds). Without it the CLI answers from the words alone, fast.
   */
  readonly language: boolean;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const ASK_USAGE = `usage: npm run --silent ask -- <${ANSWER_COMMANDS.join('|')}> <query…> [--json] [--corpus DIR] [--locale fr|en] [--png FILE (timeline)] [--language]`;

/** What `--help` prints. */
export const ASK_HELP = [
  ASK_USAGE,
  '',
  'Answers one question about the story from the corpus and exits.',
  `  <command>      ${ANSWER_COMMANDS.join(', ')} (outlets and timeline need no query)`,
  `  <query…>       the question, at most ${QUESTION_MAX_LENGTH} characters`,
  '  --json         print exactly one JSON object (the answer contract in README.md)',
  '  --corpus DIR   read the articles from DIR (default: CORPUS_DIR, or corpus/)',
  '  --locale fr|en reply language (default: STORY_DESK_LOCALE, or LANG)',
  '  --language     answer as the bot does, with the language service (parses, roles, verification);',
  '                 slower: it loads the models first',
  '  --help, -h     print this help',
  '',
  'Exit codes: 0 answered (even when nothing was found), 2 bad usage, 1 the corpus folder cannot be read.',
].join('\n');

const isAnswerCommand = (value: string): value is AnswerCommand =>
  (ANSWER_COMMANDS as readonly string[]).includes(value);

/** `help` when `--help` (or `-h`) was given: the runner prints ASK_HELP and exits 0. */
export function parseAskArgs(argv: readonly string[]): AskRequest | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        corpus: { type: 'string' },
        locale: { type: 'string' },
        png: { type: 'string' },
        language: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)} (${ASK_USAGE})`);
  }
  if (parsed.values.help) return 'help';
  const [rawCommand, ...words] = parsed.positionals;
  const command = rawCommand?.replace(/^\//u, '').toLowerCase();
  if (!command) throw new UsageError(`missing command (${ASK_USAGE})`);
  if (!isAnswerCommand(command)) throw new UsageError(`unknown command "${rawCommand}" (${ASK_USAGE})`);
  const query = words.join(' ').trim();
  if (query === '' && command !== 'outlets' && command !== 'timeline') {
    throw new UsageError(`/${command} needs a question (${ASK_USAGE})`);
  }
  if (query.length > QUESTION_MAX_LENGTH) {
    throw new UsageError(`the question is too long: at most ${QUESTION_MAX_LENGTH} characters (got ${query.length})`);
  }
  const locale = parsed.values.locale?.toLowerCase();
  if (locale !== undefined && locale !== 'fr' && locale !== 'en') {
    throw new UsageError(`--locale must be fr or en (got "${parsed.values.locale}")`);
  }
  const { png } = parsed.values;
  if (png !== undefined && command !== 'timeline')
    throw new UsageError(`--png works with timeline only (${ASK_USAGE})`);
  if (png === '') throw new UsageError(`--png needs a file name (${ASK_USAGE})`);
  return {
    command,
    query,
    json: parsed.values.json,
    corpusDir: parsed.values.corpus,
    locale,
    png,
    language: parsed.values.language,
  };
}
