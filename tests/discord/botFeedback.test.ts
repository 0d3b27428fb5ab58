/**
 * Readers rate answers, moderators see what the corpus misses, and a member can be forgotten: through
 * the real discord.js client, the stand-in, and a real SQLite file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { openFeedbackStore } from '../../src/feedback/sqliteFeedbackStore.ts';
import type { FeedbackStore } from '../../src/feedback/feedbackTypes.ts';
import { silentLogger } from '../../src/logger.ts';
import { answeredBy, buttonIds, messageText, startBotHarness, type BotHarness } from './botHarness.ts';
import { buttonPress, MEMBER_ID, modalSubmit, PERMISSIONS } from './standIn/interactionPayloads.ts';

const SECRET = 'feedback-test-secret-0123456789abcdef0123456789';
const READER = { locale: 'fr', userId: MEMBER_ID };
const OTHER_READER = { locale: 'en-US', userId: '900000000000000007' };
const MODERATOR = { locale: 'fr', userId: '900000000000000008', permissions: PERMISSIONS.manageGuild };

describe('Story Desk on Discord: feedback', () => {
  let bot: BotHarness;
  let store: FeedbackStore;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'story-desk-feedback-bot-'));
    file = join(dir, 'feedback.db');
    store = openFeedbackStore({ file, secret: SECRET, retentionDays: 30, logger: silentLogger });
    const desk = await StoryDesk.open('corpus', silentLogger);
    bot = await startBotHarness({ desk, bot: { feedback: store } });
  });

  afterAll(async () => {
    await bot.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const rows = (sql: string) => {
    const db = new BetterSqlite3(file, { readonly: true });
    try {
      return db.prepare(sql).all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
  };

  it('puts helpful and wrong buttons under an answer, and stores a helpful vote', async () => {
    const answered = await bot.command('who', { question: 'Qui a remercié Trump ?' }, READER);
    const ids = buttonIds(answered.message);
    const helpful = ids.find((id) => id.startsWith('vote:helpful:'));
    expect(helpful).toBeDefined();
    expect(ids).toContain(helpful!.replace('helpful', 'wrong'));

    const sent = bot.standIn.sendInteraction(buttonPress(helpful!, answered.sentMessage ?? {}, OTHER_READER));
    const thanks = await answeredBy(bot.standIn, sent.token);
    expect(thanks.ephemeral).toBe(true);
    expect(thanks.message.content).toBe('Thanks: your vote is recorded.');
    expect(
      rows(
        'SELECT a.question, a.command, a.answer_value, a.guild_id, v.vote FROM votes v JOIN answers a ON a.id = v.answer_id',
      ),
    ).toEqual([
      {
        question: 'Qui a remercié Trump ?',
        command: 'who',
        answer_value: 'Vladimir Poutine',
        guild_id: '900000000000000001',
        vote: 'helpful',
      },
    ]);
    expect(bot.standIn.rejected()).toEqual([]);
  });

  it('asks why in a modal when an answer is voted wrong, and stores the vote with its reason', async () => {
    const answered = await bot.command('when', { question: 'Quand Trump a-t-il appelé Poutine ?' }, READER);
    const wrong = buttonIds(answered.message).find((id) => id.startsWith('vote:wrong:'));
    const pressed = bot.standIn.sendInteraction(buttonPress(wrong!, answered.sentMessage ?? {}, OTHER_READER));
    const modal = await answeredBy(bot.standIn, pressed.token);
    const callback = modal.requests.find((request) => request.kind === 'interactionCallback')?.body as {
      type: number;
      data: { custom_id: string };
    };
    expect(callback.type).toBe(9);
    const submitted = await bot.send(
      modalSubmit(callback.data.custom_id, { reason: 'Il a appelé jeudi, pas dimanche' }, OTHER_READER),
    );
    expect(submitted.ephemeral).toBe(true);
    expect(submitted.message.content).toBe('Thanks: your vote is recorded.');
    expect(rows("SELECT vote, reason FROM votes WHERE vote = 'wrong'")).toEqual([
      { vote: 'wrong', reason: 'Il a appelé jeudi, pas dimanche' },
    ]);
    expect(bot.standIn.rejected()).toEqual([]);
  });

  it('records a question the articles do not answer, without a vote, and /gaps lists it for moderators', async () => {
    const unanswered = await bot.command('who', { question: 'Qui a peint la Joconde ?' }, READER);
    expect(messageText(unanswered.message)).toContain('Joconde');
    expect(rows("SELECT unanswered FROM answers WHERE question = 'Qui a peint la Joconde ?'")).toEqual([
      { unanswered: 1 },
    ]);
    await bot.command('who', { question: 'Qui a peint La Joconde' }, OTHER_READER);

    const refused = await bot.command('gaps', {}, READER);
    expect(refused.ephemeral).toBe(true);
    expect(refused.message.content).toBe(
      'Cette commande est réservée aux modérateurs (permission « Gérer le serveur » ou rôle de modération).',
    );

    const gaps = await bot.command('gaps', {}, MODERATOR);
    expect(gaps.ephemeral).toBe(true);
    const text = messageText(gaps.message);
    // The two wordings are one group, asked twice, first; then the question voted wrong, with its reason.
    expect(text).toMatch(/2 fois · \/who Qui a peint La Joconde\n/u);
    expect(text).toContain('Aussi demandé : « Qui a peint la Joconde ? »');
    expect(text).toContain('Réponse donnée : aucune, les articles ne le disent pas');
    expect(text).toMatch(/1 fois · \/when Quand Trump a-t-il appelé Poutine \?/u);
    expect(text).toContain('Raison : « Il a appelé jeudi, pas dimanche »');
    expect(text.indexOf('Joconde')).toBeLessThan(text.indexOf('Quand Trump'));
    expect(text).toMatch(/Dernière fois : \d{1,2} \p{L}+ \d{4}/u);
    expect(bot.standIn.rejected()).toEqual([]);
  });

  it('shows moderators the answers served, the share unanswered and the votes over 7 and 30 days', async () => {
    const shown = await bot.command('stats', {}, { ...MODERATOR, locale: 'en-US' });
    const text = messageText(shown.message);
    expect(text).toContain('Last 7 days\nAnswers served: 4\nUnanswered: 2 (50%)\nVotes: 1 helpful, 1 wrong');
    expect(text).toContain('Last 30 days');
  });

  it('/forget-me removes a member’s questions and votes, and only theirs', async () => {
    const forgotten = await bot.command('forget-me', {}, OTHER_READER);
    expect(forgotten.ephemeral).toBe(true);
    expect(messageText(forgotten.message)).toContain('1 question and 2 votes deleted.');
    expect(rows('SELECT COUNT(*) AS n FROM votes')).toEqual([{ n: 0 }]);
    expect(rows('SELECT question FROM answers ORDER BY asked_at').map((row) => row['question'])).toEqual([
      'Qui a remercié Trump ?',
      'Quand Trump a-t-il appelé Poutine ?',
      'Qui a peint la Joconde ?',
    ]);
    const gaps = messageText((await bot.command('gaps', {}, MODERATOR)).message);
    expect(gaps).not.toContain('Raison');
    expect(gaps).toMatch(/1 fois · \/who Qui a peint la Joconde \?/u);
  });
});
