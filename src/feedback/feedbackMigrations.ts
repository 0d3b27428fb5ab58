/** The feedback database's schema, as migrations (src/feedback/migrate.ts). Add new ones at the end. */
import type { Migration } from './migrate.ts';

export const FEEDBACK_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'answers and votes',
    sql: `
      -- One row per answer served. member_hash is an HMAC of the asker's id, never the id itself.
      CREATE TABLE answers (
        id TEXT PRIMARY KEY,
        asked_at TEXT NOT NULL,
        guild_id TEXT,
        member_hash TEXT NOT NULL,
        command TEXT NOT NULL,
        question TEXT NOT NULL,
        locale TEXT NOT NULL,
        answer_value TEXT,
        answer_label TEXT,
        cited_articles TEXT NOT NULL,
        cited_outlets TEXT NOT NULL,
        unanswered INTEGER NOT NULL CHECK (unanswered IN (0, 1))
      );
      CREATE INDEX answers_by_time ON answers (asked_at);
      CREATE INDEX answers_by_member ON answers (member_hash);
      -- One vote per member and answer; voting again replaces the vote.
      CREATE TABLE votes (
        answer_id TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
        member_hash TEXT NOT NULL,
        vote TEXT NOT NULL CHECK (vote IN ('helpful', 'wrong')),
        reason TEXT,
        voted_at TEXT NOT NULL,
        PRIMARY KEY (answer_id, member_hash)
      );
      CREATE INDEX votes_by_member ON votes (member_hash);
      CREATE INDEX votes_by_time ON votes (voted_at);
    `,
  },
];
