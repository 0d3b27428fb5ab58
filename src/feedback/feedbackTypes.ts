/** What the feedback store keeps and reports, independent of SQLite and of any transport. */
import type { Answer, Locale } from '../answer/types.ts';

export type Vote = 'helpful' | 'wrong';

/** An answer served, as the transport knows it when it sends it. */
export interface ServedAnswer {
  /** Null outside a server (a direct message). */
  readonly guildId: string | null;
  /** The asker's id: hashed before it is stored, never kept as it is. */
  readonly memberId: string;
  readonly locale: Locale;
  readonly answer: Answer;
}

/** A question that went unanswered or was voted wrong, as /gaps and the export read it. */
export interface GapRecord {
  readonly answerId: string;
  readonly askedAt: string;
  readonly command: string;
  readonly question: string;
  readonly locale: Locale;
  /** The first answer given ("value" and how it read), null when the articles did not say. */
  readonly answerValue: string | null;
  readonly answerLabel: string | null;
  readonly citedArticles: readonly string[];
  readonly citedOutlets: readonly string[];
  readonly unanswered: boolean;
  readonly wrongVotes: number;
  /** The reasons readers gave with their "wrong" votes, newest first. */
  readonly reasons: readonly string[];
}

/** Similar questions, most frequent first (src/feedback/groupQuestions.ts). */
export interface GapGroup {
  /** The most recent question of the group, shown for all. */
  readonly question: string;
  readonly command: string;
  /** How many times it (or a question like it) was asked and went unanswered or was voted wrong. */
  readonly count: number;
  readonly lastAskedAt: string;
  readonly records: readonly GapRecord[];
}

export interface StatsWindow {
  readonly days: number;
  readonly answers: number;
  readonly unanswered: number;
  readonly helpful: number;
  readonly wrong: number;
}

export interface FeedbackStats {
  readonly windows: readonly StatsWindow[];
}

export interface ForgetResult {
  readonly answers: number;
  readonly votes: number;
}

/**
 * The feedback store as every part of the bot sees it. Every method returns null (or false) instead of
 * throwing when the database fails: the failure is logged and the bot goes on answering.
 */
export interface FeedbackStore {
  /** False when feedback is off (no secret set, or the database could not be opened). */
  readonly enabled: boolean;
  /** Why feedback is off, for replies and logs; null when it is on. */
  readonly disabledReason: string | null;
  /** Records an answer served; returns its id (for the vote buttons), or null when it was not stored. */
  recordAnswer(served: ServedAnswer): string | null;
  /** Records (or replaces) a member's vote; `unknown` when the answer is not stored (purged, forgotten). */
  recordVote(answerId: string, memberId: string, vote: Vote, reason?: string): 'stored' | 'unknown' | 'failed';
  /** Deletes what is stored about a member: their questions (and the votes on them) and their votes. */
  forget(memberId: string): ForgetResult | null;
  /** Questions unanswered or voted wrong, newest first. */
  gapRecords(limit?: number): GapRecord[] | null;
  /** Answers, unanswered share and votes over the last 7 and 30 days. */
  stats(): FeedbackStats | null;
  /** Deletes records older than the retention period; returns how many answers and votes went. */
  purgeExpired(): ForgetResult | null;
  close(): void;
}
