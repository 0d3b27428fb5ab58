/**
 * The questions readers showed the corpus misses, as a draft gold set in the eval's format
 * (tests/eval/goldSeed.yaml documents it; tests/eval/goldTypes.ts validates it): one question per group
 * of similar questions, `expected: none` and a note saying what happened, for a person to check against
 * the articles, correct, and move into a gold set. Nothing here is gold until someone has done that.
 */
import { Document, YAMLSeq } from 'yaml';
import type { GapGroup } from './feedbackTypes.ts';

/** The eval's commands; /ask questions are gold only as counts ("combien", "how many"). */
type GoldCommand = 'who' | 'when' | 'where' | 'source' | 'count';

const COUNT_QUESTION = /^\s*(combien|how\s+(many|much))\b/iu;

function goldCommand(command: string, question: string): GoldCommand | null {
  if (command === 'who' || command === 'when' || command === 'where' || command === 'source') return command;
  if (command === 'ask' && COUNT_QUESTION.test(question)) return 'count';
  return null;
}

export interface DraftGold {
  readonly yaml: string;
  readonly questions: number;
  /** Groups left out: commands the eval does not score (timeline, outlets, /ask other than counts). */
  readonly skipped: readonly GapGroup[];
}

export function draftGold(groups: readonly GapGroup[], options: { corpus: string; now: Date }): DraftGold {
  const day = options.now.toISOString().slice(0, 10);
  const skipped: GapGroup[] = [];
  let kept = 0;
  const questions = groups.flatMap((group) => {
    const command = goldCommand(group.command, group.question);
    if (!command) {
      skipped.push(group);
      return [];
    }
    const newest = group.records[0];
    const wrongVotes = group.records.reduce((sum, record) => sum + record.wrongVotes, 0);
    const unanswered = group.records.filter((record) => record.unanswered).length;
    const facts = [
      `DRAFT from readers' feedback, ${group.count} time${group.count === 1 ? '' : 's'}, last ${group.lastAskedAt.slice(0, 10)}.`,
      unanswered > 0 ? `Unanswered ${unanswered} time${unanswered === 1 ? '' : 's'} ("the articles do not say").` : '',
      wrongVotes > 0 && newest?.answerValue
        ? `Voted wrong ${wrongVotes} time${wrongVotes === 1 ? '' : 's'}; Story Desk answered "${newest.answerValue}"${newest.citedOutlets.length ? ` citing ${newest.citedOutlets.join(', ')}` : ''}.`
        : '',
      ...group.records.flatMap((record) => record.reasons).map((reason) => `Reason given: "${reason}".`),
      ...[...new Set(group.records.map((record) => record.question))]
        .filter((question) => question !== group.question)
        .map((question) => `Also asked as: "${question}".`),
      'Check the articles: write the right answer in expected (with outlets and passages), or keep none if they do not say it.',
    ].filter(Boolean);
    return [
      {
        id: `feedback-${day}-${String(++kept).padStart(2, '0')}`,
        command,
        locale: newest?.locale ?? 'fr',
        question: group.question,
        expected: 'none',
        note: facts.join(' '),
        round: `feedback-${day}`,
      },
    ];
  });
  const document = new Document({ corpus: options.corpus, questions });
  document.commentBefore = [
    ` Draft gold questions from readers' feedback (npm run export-feedback, ${day}): the questions Story Desk`,
    ' left unanswered or that readers voted wrong, similar ones merged. NOT GOLD YET: for each, read the',
    ' articles, write the expected answer (or keep `none`), add passages and event, then move it into a gold',
    ' set (tests/eval/gold*.yaml, whose header documents the format) under a new id.',
    ...(skipped.length > 0
      ? [
          ` Left out, as the eval does not score their command: ${skipped.map((group) => `/${group.command} "${group.question.replaceAll('\n', ' ')}"`).join('; ')}`,
        ]
      : []),
  ].join('\n');
  if (questions.length === 0) document.set('questions', new YAMLSeq());
  return { yaml: document.toString({ lineWidth: 0 }), questions: questions.length, skipped };
}
