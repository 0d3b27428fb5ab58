/**
 * The feedback store on a real SQLite file: what it keeps, that members are kept only as a keyed hash,
 * /forget-me, retention, and that a locked, read-only or unopenable database is logged and never thrown.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { groupQuestions } from '../../src/feedback/groupQuestions.ts';
import { openFeedbackStore, type FeedbackStoreOptions } from '../../src/feedback/sqliteFeedbackStore.ts';
import { silentLogger } from '../../src/logger.ts';
import { captureLogger } from './captureLogger.ts';
import { makeReadOnly, undoReadOnly } from './readOnlyFile.ts';
import { answered, unanswered } from './servedAnswers.ts';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const MEMBER = '900000000000000003';
const OTHER = '900000000000000004';
const folders: string[] = [];

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'story-desk-feedback-'));
  folders.push(dir);
  return join(dir, 'feedback.db');
}

function options(file: string, extra: Partial<FeedbackStoreOptions> = {}): FeedbackStoreOptions {
  return { file, secret: SECRET, retentionDays: 30, logger: silentLogger, ...extra };
}

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('feedback store', () => {
  it('keeps answers, votes, the guild and the cited articles, with the member as a keyed hash only', () => {
    const file = tempFile();
    const store = openFeedbackStore(options(file));
    const id = store.recordAnswer({
      guildId: '900000000000000001',
      memberId: MEMBER,
      locale: 'fr',
      answer: answered('who', 'Qui est le porte-parole du Kremlin ?', 'Dmitri Peskov'),
    });
    expect(id).toMatch(/^[\w-]{12}$/u);
    expect(store.recordVote(id!, OTHER, 'wrong', 'Ce n’est pas lui')).toBe('stored');
    expect(store.recordVote(id!, OTHER, 'helpful')).toBe('stored');
    expect(store.recordVote('no-such-answer', OTHER, 'helpful')).toBe('unknown');
    store.close();

    const db = new BetterSqlite3(file, { readonly: true });
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }]);
    const row = db.prepare('SELECT * FROM answers').get() as Record<string, unknown>;
    expect(row).toMatchObject({
      guild_id: '900000000000000001',
      command: 'who',
      question: 'Qui est le porte-parole du Kremlin ?',
      answer_value: 'Dmitri Peskov',
      cited_articles: '["2017-12-18-sputnik-peskov-cooperation"]',
      unanswered: 0,
    });
    expect(row['member_hash']).toMatch(/^[0-9a-f]{64}$/u);
    // A second vote replaced the first.
    expect(db.prepare('SELECT vote, reason FROM votes').all()).toEqual([{ vote: 'helpful', reason: null }]);
    db.close();
    for (const path of [file, `${file}-wal`]) {
      let bytes = '';
      try {
        bytes = readFileSync(path).toString('latin1');
      } catch {
        continue;
      }
      expect(bytes).not.toContain(MEMBER);
      expect(bytes).not.toContain(OTHER);
    }
  });

  it('runs its migrations once, and refuses a database from a newer version', () => {
    const file = tempFile();
    openFeedbackStore(options(file)).close();
    openFeedbackStore(options(file)).close();
    const db = new BetterSqlite3(file);
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: 1 });
    db.prepare("INSERT INTO schema_migrations VALUES (99, 'from the future', '2030-01-01')").run();
    db.close();
    const log = captureLogger();
    const store = openFeedbackStore(options(file, { logger: log.logger }));
    expect(store.enabled).toBe(false);
    expect(JSON.stringify(log.lines())).toContain('schema version 99');
  });

  it('records unanswered questions, and lists them with the wrong-voted ones for /gaps', () => {
    const store = openFeedbackStore(options(tempFile()));
    store.recordAnswer({
      guildId: null,
      memberId: MEMBER,
      locale: 'fr',
      answer: unanswered('who', 'Qui dirigeait le FSB ?'),
    });
    store.recordAnswer({
      guildId: null,
      memberId: OTHER,
      locale: 'fr',
      answer: unanswered('who', 'Qui dirigeait le FSB en 2017 ?'),
    });
    const wrong = store.recordAnswer({
      guildId: null,
      memberId: MEMBER,
      locale: 'en',
      answer: answered('when', 'When did Trump call Putin?', '2017-12-17'),
    });
    store.recordAnswer({
      guildId: null,
      memberId: MEMBER,
      locale: 'fr',
      answer: answered('who', 'Qui a remercié Trump ?', 'Vladimir Poutine'),
    });
    store.recordVote(wrong!, OTHER, 'wrong', 'It was Thursday');
    const records = store.gapRecords()!;
    expect(records.map((record) => record.question).sort()).toEqual([
      'Qui dirigeait le FSB ?',
      'Qui dirigeait le FSB en 2017 ?',
      'When did Trump call Putin?',
    ]);
    expect(records.find((record) => record.wrongVotes === 1)).toMatchObject({
      answerValue: '2017-12-17',
      reasons: ['It was Thursday'],
      unanswered: false,
    });
    const groups = groupQuestions(records);
    expect(groups[0]).toMatchObject({ count: 2, command: 'who' });
    expect(groups[1]).toMatchObject({ count: 1, question: 'When did Trump call Putin?' });
  });

  it('counts answers, the unanswered and votes over 7 and 30 days', () => {
    let now = new Date('2026-03-01T12:00:00Z');
    const store = openFeedbackStore(options(tempFile(), { now: () => now, retentionDays: 365 }));
    store.recordAnswer({ guildId: null, memberId: MEMBER, locale: 'fr', answer: unanswered('who', 'Qui ?') });
    now = new Date('2026-03-20T12:00:00Z');
    const id = store.recordAnswer({
      guildId: null,
      memberId: MEMBER,
      locale: 'fr',
      answer: answered('who', 'Qui a remercié Trump ?', 'Poutine'),
    });
    store.recordVote(id!, OTHER, 'helpful');
    expect(store.stats()).toEqual({
      windows: [
        { days: 7, answers: 1, unanswered: 0, helpful: 1, wrong: 0 },
        { days: 30, answers: 2, unanswered: 1, helpful: 1, wrong: 0 },
      ],
    });
  });

  it('forgets a member: their questions, the votes on them, and their votes elsewhere', () => {
    const store = openFeedbackStore(options(tempFile()));
    const mine = store.recordAnswer({
      guildId: null,
      memberId: MEMBER,
      locale: 'fr',
      answer: unanswered('who', 'Qui ?'),
    });
    const theirs = store.recordAnswer({
      guildId: null,
      memberId: OTHER,
      locale: 'fr',
      answer: unanswered('where', 'Où ?'),
    });
    store.recordVote(mine!, OTHER, 'wrong');
    store.recordVote(theirs!, MEMBER, 'wrong');
    expect(store.forget(MEMBER)).toEqual({ answers: 1, votes: 1 });
    expect(store.gapRecords()!.map((record) => [record.question, record.wrongVotes])).toEqual([['Où ?', 0]]);
    expect(store.forget(MEMBER)).toEqual({ answers: 0, votes: 0 });
  });

  it('purges records older than the retention period, at opening and when asked', () => {
    const file = tempFile();
    let now = new Date('2026-01-01T00:00:00Z');
    const store = openFeedbackStore(options(file, { now: () => now, retentionDays: 30 }));
    store.recordAnswer({
      guildId: null,
      memberId: MEMBER,
      locale: 'fr',
      answer: unanswered('who', 'Ancienne question ?'),
    });
    now = new Date('2026-01-20T00:00:00Z');
    store.recordAnswer({ guildId: null, memberId: MEMBER, locale: 'fr', answer: unanswered('who', 'Récente ?') });
    now = new Date('2026-02-05T00:00:00Z');
    expect(store.purgeExpired()).toEqual({ answers: 1, votes: 0 });
    store.close();
    now = new Date('2026-03-01T00:00:00Z');
    const reopened = openFeedbackStore(options(file, { now: () => now, retentionDays: 30 }));
    expect(reopened.gapRecords()).toEqual([]);
  });

  it('stores nothing, and says so in the log, when the hash secret is not set', () => {
    const log = captureLogger();
    const store = openFeedbackStore(options(tempFile(), { secret: undefined, logger: log.logger }));
    expect(store.enabled).toBe(false);
    expect(
      store.recordAnswer({ guildId: null, memberId: MEMBER, locale: 'fr', answer: unanswered('who', 'Qui ?') }),
    ).toBeNull();
    expect(log.lines()).toEqual([
      expect.objectContaining({ level: 40, msg: expect.stringContaining('FEEDBACK_HASH_SECRET is not set') }),
    ]);
  });
});

describe('feedback store when the database fails', () => {
  it('logs a locked database and returns null instead of throwing', () => {
    const file = tempFile();
    const log = captureLogger();
    const store = openFeedbackStore(options(file, { logger: log.logger, busyTimeoutMs: 0 }));
    const locker = new BetterSqlite3(file);
    locker.exec('BEGIN EXCLUSIVE');
    try {
      expect(
        store.recordAnswer({ guildId: null, memberId: MEMBER, locale: 'fr', answer: unanswered('who', 'Qui ?') }),
      ).toBeNull();
    } finally {
      locker.exec('ROLLBACK');
      locker.close();
    }
    const failure = log.lines().find((line) => line['operation'] === 'record answer');
    expect(failure).toMatchObject({ level: 50, msg: 'feedback database failed: the answer goes on without it' });
    expect(JSON.stringify(failure)).toMatch(/SQLITE_BUSY|locked/u);
    // Once the lock is gone, it records again.
    expect(
      store.recordAnswer({ guildId: null, memberId: MEMBER, locale: 'fr', answer: unanswered('who', 'Qui ?') }),
    ).not.toBeNull();
  });

  it('logs a read-only database file and returns null instead of throwing', ({ skip }) => {
    const file = tempFile();
    openFeedbackStore(options(file)).close();
    if (!makeReadOnly(file)) skip('no way to make a file read-only for this user here');
    try {
      const log = captureLogger();
      const store = openFeedbackStore(options(file, { logger: log.logger }));
      expect(
        store.recordAnswer({ guildId: null, memberId: MEMBER, locale: 'fr', answer: unanswered('who', 'Qui ?') }),
      ).toBeNull();
      expect(JSON.stringify(log.lines())).toMatch(/readonly|read-only|SQLITE_READONLY|SQLITE_CANTOPEN|SQLITE_PERM/iu);
    } finally {
      undoReadOnly(file);
    }
  });

  it('logs a database that cannot be opened, and stores nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'story-desk-feedback-'));
    folders.push(dir);
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const log = captureLogger();
    const store = openFeedbackStore(options(join(dir, 'a-file', 'feedback.db'), { logger: log.logger }));
    expect(store.enabled).toBe(false);
    expect(
      store.recordAnswer({ guildId: null, memberId: MEMBER, locale: 'fr', answer: unanswered('who', 'Qui ?') }),
    ).toBeNull();
    expect(log.lines()[0]).toMatchObject({ level: 50, msg: expect.stringContaining('could not be opened') });
  });
});
