/** The questions unanswered or voted wrong, newest first, as /gaps and `npm run export-feedback` read them. */
import type { Database } from 'better-sqlite3';
import type { GapRecord } from './feedbackTypes.ts';

interface GapRow {
  id: string;
  asked_at: string;
  command: string;
  question: string;
  locale: string;
  answer_value: string | null;
  answer_label: string | null;
  cited_articles: string;
  cited_outlets: string;
  unanswered: number;
  wrong_votes: number;
  reasons: string | null;
}

export function readGapRecords(db: Database, limit = 500): GapRecord[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.asked_at, a.command, a.question, a.locale, a.answer_value, a.answer_label,
         a.cited_articles, a.cited_outlets, a.unanswered,
         (SELECT COUNT(*) FROM votes v WHERE v.answer_id = a.id AND v.vote = 'wrong') AS wrong_votes,
         (SELECT json_group_array(v.reason) FROM (SELECT reason FROM votes v
            WHERE v.answer_id = a.id AND v.vote = 'wrong' AND v.reason IS NOT NULL ORDER BY v.voted_at DESC) v)
           AS reasons
       FROM answers a
       WHERE a.unanswered = 1 OR EXISTS (SELECT 1 FROM votes v WHERE v.answer_id = a.id AND v.vote = 'wrong')
       ORDER BY a.asked_at DESC
       LIMIT ?`,
    )
    .all(limit) as GapRow[];
  return rows.map((row) => ({
    answerId: row.id,
    askedAt: row.asked_at,
    command: row.command,
    question: row.question,
    locale: row.locale === 'en' ? 'en' : 'fr',
    answerValue: row.answer_value,
    answerLabel: row.answer_label,
    citedArticles: JSON.parse(row.cited_articles) as string[],
    citedOutlets: JSON.parse(row.cited_outlets) as string[],
    unanswered: row.unanswered === 1,
    wrongVotes: row.wrong_votes,
    reasons: row.reasons ? (JSON.parse(row.reasons) as string[]) : [],
  }));
}
