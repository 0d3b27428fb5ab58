/**
 * The feedback store on SQLite (better-sqlite3 12: version 13 needs Node 22). A database that is
 * locked, read-only, full or gone never stops an answer: each call catches the failure, logs it, and
 * returns null, so the reply goes out without what the store would have added (the vote buttons).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { Logger } from '../logger.ts';
import { FEEDBACK_MIGRATIONS } from './feedbackMigrations.ts';
import { readGapRecords } from './readGapRecords.ts';
import type {
  FeedbackStats,
  FeedbackStore,
  ForgetResult,
  GapRecord,
  ServedAnswer,
  StatsWindow,
  Vote,
} from './feedbackTypes.ts';
import { memberHash, MIN_SECRET_LENGTH } from './memberHash.ts';
import { migrate } from './migrate.ts';

export interface FeedbackStoreOptions {
  /** The database file; its folder is created if missing. */
  readonly file: string;
  /** The key of the members' hashes (FEEDBACK_HASH_SECRET). Unset: nothing is stored. */
  readonly secret: string | undefined;
  /** Records older than this are purged. */
  readonly retentionDays: number;
  readonly logger: Logger;
  /** How long a write waits for a lock held by another process before it fails. Default 250 ms: the
   * bot's event loop waits with it, so a long wait would delay every other member's answer. */
  readonly busyTimeoutMs?: number;
  /** The clock, for tests. */
  readonly now?: () => Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const STATS_WINDOWS_DAYS = [7, 30] as const;

/** Opens the store, or returns one that stores nothing (and says why in the log) when it cannot. */
export function openFeedbackStore(options: FeedbackStoreOptions): FeedbackStore {
  const { logger } = options;
  if (!options.secret || options.secret.length < MIN_SECRET_LENGTH) {
    const reason = options.secret
      ? `FEEDBACK_HASH_SECRET is shorter than ${MIN_SECRET_LENGTH} characters`
      : 'FEEDBACK_HASH_SECRET is not set';
    logger.warn(
      { setting: 'FEEDBACK_HASH_SECRET' },
      `${reason}: feedback is not recorded (no vote buttons, /gaps and /stats are empty). Set it to a long random value, e.g. the output of "openssl rand -hex 32".`,
    );
    return disabledFeedbackStore(reason);
  }
  try {
    mkdirSync(dirname(options.file), { recursive: true });
    const db = new BetterSqlite3(options.file, { timeout: options.busyTimeoutMs ?? 250 });
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      const ran = migrate(db, FEEDBACK_MIGRATIONS);
      if (ran.length > 0) logger.info({ file: options.file, migrations: ran }, 'feedback database migrated');
    } catch (error) {
      db.close();
      throw error;
    }
    const store = new SqliteFeedbackStore(db, options.secret, options);
    store.purgeExpired();
    return store;
  } catch (error) {
    logger.error(
      { err: error, file: options.file },
      'feedback database could not be opened: answers go on, feedback is not recorded',
    );
    return disabledFeedbackStore('the feedback database could not be opened (see the log)');
  }
}

/** A store that keeps nothing: feedback is off. */
export function disabledFeedbackStore(reason: string): FeedbackStore {
  return {
    enabled: false,
    disabledReason: reason,
    recordAnswer: () => null,
    recordVote: () => 'failed',
    forget: () => null,
    gapRecords: () => null,
    stats: () => null,
    purgeExpired: () => null,
    close: () => undefined,
  };
}

class SqliteFeedbackStore implements FeedbackStore {
  readonly enabled = true;
  readonly disabledReason = null;
  private readonly now: () => Date;
  private readonly logger: Logger;

  constructor(
    private readonly db: Database,
    private readonly secret: string,
    private readonly options: FeedbackStoreOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.logger = options.logger;
  }

  /** Runs `work`; a database failure is logged and `fallback` returned. */
  private guard<T>(operation: string, fallback: T, work: () => T): T {
    try {
      return work();
    } catch (error) {
      this.logger.error(
        { err: error, operation, file: this.options.file },
        'feedback database failed: the answer goes on without it',
      );
      return fallback;
    }
  }

  private hash(memberId: string): string {
    return memberHash(this.secret, memberId);
  }

  recordAnswer(served: ServedAnswer): string | null {
    return this.guard('record answer', null, () => {
      const id = randomBytes(9).toString('base64url');
      const { answer } = served;
      const first = answer.answers[0];
      const citations = answer.answers.flatMap((item) => item.support);
      this.db
        .prepare(
          `INSERT INTO answers (id, asked_at, guild_id, member_hash, command, question, locale, answer_value,
             answer_label, cited_articles, cited_outlets, unanswered)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          this.now().toISOString(),
          served.guildId,
          this.hash(served.memberId),
          answer.command,
          answer.query,
          served.locale,
          first?.value ?? null,
          first?.label ?? null,
          JSON.stringify([...new Set(citations.map((citation) => citation.articleId))]),
          JSON.stringify([...new Set(citations.map((citation) => citation.outlet))]),
          answer.answers.length === 0 ? 1 : 0,
        );
      return id;
    });
  }

  recordVote(answerId: string, memberId: string, vote: Vote, reason?: string): 'stored' | 'unknown' | 'failed' {
    return this.guard('record vote', 'failed' as const, () => {
      const known = this.db.prepare('SELECT 1 FROM answers WHERE id = ?').get(answerId);
      if (!known) return 'unknown';
      this.db
        .prepare(
          `INSERT INTO votes (answer_id, member_hash, vote, reason, voted_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (answer_id, member_hash) DO UPDATE SET vote = excluded.vote, reason = excluded.reason,
             voted_at = excluded.voted_at`,
        )
        .run(answerId, this.hash(memberId), vote, reason?.trim() || null, this.now().toISOString());
      return 'stored';
    });
  }

  forget(memberId: string): ForgetResult | null {
    return this.guard('forget member', null, () => {
      const hash = this.hash(memberId);
      return this.db.transaction(() => {
        const votes = this.db.prepare('DELETE FROM votes WHERE member_hash = ?').run(hash).changes;
        // Others' votes on the member's questions go with them (ON DELETE CASCADE): they were about those questions.
        const answers = this.db.prepare('DELETE FROM answers WHERE member_hash = ?').run(hash).changes;
        return { answers, votes };
      })();
    });
  }

  gapRecords(limit = 500): GapRecord[] | null {
    return this.guard('read gaps', null, () => {
      return readGapRecords(this.db, limit);
    });
  }

  stats(): FeedbackStats | null {
    return this.guard('read stats', null, () => {
      const answers = this.db.prepare(
        'SELECT COUNT(*) AS served, COALESCE(SUM(unanswered), 0) AS unanswered FROM answers WHERE asked_at >= ?',
      );
      const votes = this.db.prepare(
        `SELECT COALESCE(SUM(vote = 'helpful'), 0) AS helpful, COALESCE(SUM(vote = 'wrong'), 0) AS wrong
         FROM votes WHERE voted_at >= ?`,
      );
      const windows = STATS_WINDOWS_DAYS.map((days): StatsWindow => {
        const since = new Date(this.now().getTime() - days * DAY_MS).toISOString();
        const served = answers.get(since) as { served: number; unanswered: number };
        const voted = votes.get(since) as { helpful: number; wrong: number };
        return { days, answers: served.served, unanswered: served.unanswered, ...voted };
      });
      return { windows };
    });
  }

  purgeExpired(): ForgetResult | null {
    return this.guard('purge expired records', null, () => {
      const before = new Date(this.now().getTime() - this.options.retentionDays * DAY_MS).toISOString();
      return this.db.transaction(() => {
        const votes = this.db.prepare('DELETE FROM votes WHERE voted_at < ?').run(before).changes;
        const answers = this.db.prepare('DELETE FROM answers WHERE asked_at < ?').run(before).changes;
        if (votes + answers > 0) this.logger.info({ answers, votes }, 'expired feedback purged');
        return { answers, votes };
      })();
    });
  }

  close(): void {
    this.guard('close', undefined, () => this.db.close());
  }
}
