/**
 * `npm run eval`: asks every gold question of every corpus and prints the figures per corpus and split
 * (tuning / held out), then the failures of the tuning split.
 *
 *   npm run eval                      both gold sets
 *   npm run eval -- --set ember       one of them
 *   npm run eval -- --held-out        also list held-out failures (for the lead's reports, not for tuning)
 *   npm run eval -- --json            the figures and failures as JSON
 *   npm run eval -- --no-language     the engine alone, without the language service's parses
 *   npm run eval -- --no-embeddings   parses, but no embeddings (so no passages offered by meaning)
 *
 * By default it starts the language service and asks every question as the bot does (passages and
 * questions parsed first); a service that cannot start stops the run, rather than give other figures.
 */
import { parseArgs } from 'node:util';
import { openLanguageService } from '../../src/language/languageService.ts';
import { DEFAULT_LANGUAGE_SETTINGS } from '../../src/language/languageSettings.ts';
import { createLogger } from '../../src/logger.ts';
import { GOLD_COMMANDS } from './goldTypes.ts';
import { rate, type Failure, type Figures, type Mean, type Ratio } from './evaluate.ts';
import { GOLD_FILES, runGoldSet, type GoldRun, type GoldSetName } from './runGoldSet.ts';

const QUOTE_SHOWN = 160;

function formatRatio(figure: Ratio): string {
  const value = rate(figure);
  return value === null ? '–' : `${figure.hits}/${figure.total} ${(value * 100).toFixed(0)}%`;
}

function formatMean(figure: Mean): string {
  const value = rate(figure);
  return value === null ? '–' : value.toFixed(2);
}

function rows(figures: Figures): [string, string][] {
  return [
    ['first answer exact', formatRatio(figures.firstAnswerExact)],
    ...GOLD_COMMANDS.map((command): [string, string] => [
      `  ${command}`,
      formatRatio(figures.firstAnswerExactByCommand[command]),
    ]),
    ['disagreements shown', formatRatio(figures.disagreementsShown)],
    ['/source exact list', formatRatio(figures.sourceListExact)],
    ['passage recall@5', formatRatio(figures.passageRecallAt5)],
    ['passage MRR', formatMean(figures.passageMrr)],
    ['answer MRR', formatMean(figures.answerMrr)],
    ['no answer (unanswerable)', formatRatio(figures.noAnswer)],
    ['answered (answerable)', formatRatio(figures.answered)],
    ['citations verbatim', formatRatio(figures.citationVerbatim)],
    ['citations hold the answer', formatRatio(figures.citationHoldsAnswer)],
  ];
}

function table(run: GoldRun): string {
  const { all, tuning, heldOut } = run.evaluation;
  const columns = [rows(all), rows(tuning), rows(heldOut)];
  const labelWidth = 27;
  const cellWidth = 16;
  const header = `${''.padEnd(labelWidth)}${'all'.padEnd(cellWidth)}${'tuning'.padEnd(cellWidth)}held out`;
  const lines = (columns[0] ?? []).map(([label], index) => {
    const cells = columns.map((column) => (column[index]?.[1] ?? '').padEnd(cellWidth)).join('');
    return `${label.padEnd(labelWidth)}${cells}`.trimEnd();
  });
  return [header, ...lines].join('\n');
}

function shorten(text: string): string {
  return text.length > QUOTE_SHOWN ? `${text.slice(0, QUOTE_SHOWN - 1)}…` : text;
}

function formatFailures(failures: readonly Failure[]): string {
  const byQuestion = new Map<string, Failure[]>();
  for (const failure of failures) {
    const list = byQuestion.get(failure.questionId) ?? [];
    list.push(failure);
    byQuestion.set(failure.questionId, list);
  }
  const blocks: string[] = [];
  for (const [id, list] of byQuestion) {
    const lines = [`${id}  ${list[0]?.question ?? ''}`];
    for (const failure of list) {
      lines.push(`    [${failure.check}] expected: ${shorten(failure.expected)}`);
      lines.push(`    ${' '.repeat(failure.check.length + 2)} got:      ${shorten(failure.got)}`);
    }
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n');
}

function report(run: GoldRun, showHeldOut: boolean): string {
  const { gold, corpus, evaluation } = run;
  const heldOutCount = gold.questions.filter((question) => question.heldOut).length;
  const tuningFailures = evaluation.failures.filter((failure) => !failure.heldOut);
  const heldOutFailures = evaluation.failures.filter((failure) => failure.heldOut);
  const parts = [
    `== ${run.name}: ${GOLD_FILES[run.name]} on ${gold.corpus}/ (${corpus.articles.length} articles, ` +
      `${gold.questions.length} questions: ${gold.questions.length - heldOutCount} tuning, ${heldOutCount} held out)`,
  ];
  if (corpus.problems.length > 0) {
    parts.push(
      `corpus problems:\n${corpus.problems.map((problem) => `  ${problem.path}: ${problem.reason}`).join('\n')}`,
    );
  }
  parts.push(table(run));
  const tags = Object.entries(evaluation.byTag).sort(([a], [b]) => a.localeCompare(b));
  if (tags.length > 0) {
    parts.push(
      `by tag (right: first answer exact, or no answer when none is expected)\n${tags
        .map(([tag, figure]) => `  ${tag.padEnd(25)}${formatRatio(figure)}`)
        .join('\n')}`,
    );
  }
  const { precision, recall } = evaluation.sourceOutlets;
  if (precision.total + recall.total > 0) {
    parts.push(`/source outlets: precision ${formatRatio(precision)}, recall ${formatRatio(recall)}`);
  }
  parts.push(`-- failures, tuning split (${tuningFailures.length})\n${formatFailures(tuningFailures)}`);
  parts.push(
    showHeldOut
      ? `-- failures, held-out split (${heldOutFailures.length}); do not tune on these\n${formatFailures(heldOutFailures)}`
      : `-- failures, held-out split: ${heldOutFailures.length} (not listed: nobody tunes on them; --held-out lists them)`,
  );
  return parts.join('\n\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      set: { type: 'string', multiple: true },
      'held-out': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'no-language': { type: 'boolean', default: false },
      'no-embeddings': { type: 'boolean', default: false },
    },
  });
  const names = (values.set ?? Object.keys(GOLD_FILES)) as GoldSetName[];
  for (const name of names) {
    if (!(name in GOLD_FILES))
      throw new Error(`runEval: unknown gold set "${name}" (known: ${Object.keys(GOLD_FILES).join(', ')})`);
  }
  const language = values['no-language']
    ? undefined
    : await openLanguageService(DEFAULT_LANGUAGE_SETTINGS, createLogger('warn'));
  const runs: GoldRun[] = [];
  try {
    const status = language?.status();
    if (status && !status.available) throw new Error(`the language service did not start: ${status.reason}`);
    for (const name of names)
      runs.push(await runGoldSet(name, language, { embeddings: !(values['no-embeddings'] ?? false) }));
  } finally {
    await language?.close();
  }

  if (values.json) {
    const output = Object.fromEntries(runs.map((run) => [run.name, run.evaluation]));
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${runs.map((run) => report(run, values['held-out'] ?? false)).join('\n\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`✗ ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
