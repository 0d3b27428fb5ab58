/**
 * Similar questions, grouped for /gaps. Similarity is fuzzball's token_set_ratio (a port of TheFuzz's)
 * over case- and accent-folded text: it compares the words two questions share with the words each adds,
 * whatever their order, so "Quand Trump a-t-il appelé Poutine ?" and "Quand est-ce que Trump a appelé
 * Poutine" meet (92) while questions that only share "quand" do not (about 30). An edit distance over
 * the whole string would punish word order and the extra words of a longer question; stems or synonyms
 * would need the answer engine's analysis, which is not the point here: a moderator reads the groups.
 * Questions of different commands are never grouped ("qui" and "quand" questions ask different things).
 */
import { token_set_ratio } from 'fuzzball';
import { foldCase } from '../text/normalize.ts';
import type { GapGroup, GapRecord } from './feedbackTypes.ts';

/** From 0 to 100; 80 keeps paraphrases of one question together and different questions apart. */
export const SIMILAR_QUESTION_SCORE = 80;

const comparable = (question: string): string =>
  foldCase(question)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Groups `records` (any order) by similar question; the largest group first, then the most recent. */
export function groupQuestions(records: readonly GapRecord[]): GapGroup[] {
  const newestFirst = [...records].sort((a, b) => b.askedAt.localeCompare(a.askedAt));
  const groups: { key: string; command: string; records: GapRecord[] }[] = [];
  for (const record of newestFirst) {
    const key = comparable(record.question);
    const group = groups.find(
      (candidate) =>
        candidate.command === record.command && token_set_ratio(candidate.key, key) >= SIMILAR_QUESTION_SCORE,
    );
    if (group) group.records.push(record);
    else groups.push({ key, command: record.command, records: [record] });
  }
  return groups
    .map((group) => {
      const newest = group.records[0]!;
      return {
        question: newest.question,
        command: group.command,
        count: group.records.length,
        lastAskedAt: newest.askedAt,
        records: group.records,
      };
    })
    .sort((a, b) => b.count - a.count || b.lastAskedAt.localeCompare(a.lastAskedAt));
}
