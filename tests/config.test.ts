import { describe, expect, it } from 'vitest';
import { ConfigError, localeFromLang, readConfig } from '../src/config.ts';
import { DEFAULT_LANGUAGE_SETTINGS } from '../src/language/languageSettings.ts';

const TOKEN = 'x'.repeat(30);
const APP_ID = '123456789012345678';

describe('readConfig', () => {
  it('runs the console on the bundled corpus when nothing is set', () => {
    expect(readConfig({})).toEqual({
      discordToken: undefined,
      discordClientId: undefined,
      discordGuildId: undefined,
      moderatorRoleIds: [],
      corpusDir: 'corpus',
      locale: 'en',
      logLevel: undefined,
      indexCacheDir: '.cache/index',
      feedback: { file: '.story-desk/feedback.db', hashSecret: undefined, retentionDays: 180 },
      language: DEFAULT_LANGUAGE_SETTINGS,
      operations: {
        rateLimits: { member: { questions: 6, seconds: 60 }, channel: { questions: 30, seconds: 60 } },
        answerConcurrency: 4,
        health: undefined,
        shutdownGraceMs: 10_000,
      },
    });
  });

  it('turns the index cache off with INDEX_CACHE_DIR=off', () => {
    expect(readConfig({ INDEX_CACHE_DIR: 'off' }).indexCacheDir).toBeUndefined();
    expect(readConfig({ INDEX_CACHE_DIR: '/var/cache/story-desk' }).indexCacheDir).toBe('/var/cache/story-desk');
  });

  it('reads SHARD_COUNT: empty is one process, else a number of shards or auto', () => {
    expect(readConfig({}).shardCount).toBeUndefined();
    expect(readConfig({ SHARD_COUNT: '' }).shardCount).toBeUndefined();
    expect(readConfig({ SHARD_COUNT: '2' }).shardCount).toBe(2);
    expect(readConfig({ SHARD_COUNT: 'auto' }).shardCount).toBe('auto');
    for (const bad of ['0', '-1', '1.5', 'two'])
      expect(() => readConfig({ SHARD_COUNT: bad })).toThrow(/SHARD_COUNT: must be auto or a number of shards/u);
    expect(() => readConfig({ SHARD_COUNT: '2', INDEX_CACHE_DIR: 'off' })).toThrow(
      /^INDEX_CACHE_DIR: cannot be off with SHARD_COUNT set/u,
    );
  });

  it('reads the feedback settings, and names a bad retention', () => {
    expect(
      readConfig({ FEEDBACK_DB_FILE: 'data/f.db', FEEDBACK_HASH_SECRET: 's'.repeat(40), FEEDBACK_RETENTION_DAYS: '30' })
        .feedback,
    ).toEqual({ file: 'data/f.db', hashSecret: 's'.repeat(40), retentionDays: 30 });
    expect(() => readConfig({ FEEDBACK_RETENTION_DAYS: 'soon' })).toThrow(
      /FEEDBACK_RETENTION_DAYS: must be a number of days/u,
    );
  });

  it('reads the operations settings: rate limits, concurrency, the endpoint (127.0.0.1 by default), the grace period', () => {
    const config = readConfig({
      RATE_LIMIT_MEMBER_QUESTIONS: '3',
      RATE_LIMIT_MEMBER_SECONDS: '20',
      RATE_LIMIT_CHANNEL_QUESTIONS: '0',
      ANSWER_CONCURRENCY: '2',
      HEALTH_PORT: '9464',
      SHUTDOWN_GRACE_SECONDS: '2.5',
    });
    expect(config.operations).toEqual({
      rateLimits: { member: { questions: 3, seconds: 20 }, channel: { questions: 0, seconds: 60 } },
      answerConcurrency: 2,
      health: { host: '127.0.0.1', port: 9464 },
      shutdownGraceMs: 2500,
    });
    expect(readConfig({ HEALTH_PORT: '9464', HEALTH_HOST: '0.0.0.0' }).operations.health?.host).toBe('0.0.0.0');
  });

  it.each([
    [{ ANSWER_CONCURRENCY: '0' }, /ANSWER_CONCURRENCY: must be at least 1/],
    [{ HEALTH_PORT: '70000' }, /HEALTH_PORT: must be a port from 0 to 65535/],
    [{ RATE_LIMIT_MEMBER_QUESTIONS: 'many' }, /RATE_LIMIT_MEMBER_QUESTIONS: must be a number of questions/],
    [{ SHUTDOWN_GRACE_SECONDS: '-1' }, /SHUTDOWN_GRACE_SECONDS: must be a number of seconds above 0/],
  ])('names the operations setting that is wrong: %j', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });

  it('reads every setting, empty values counting as unset', () => {
    const config = readConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: APP_ID,
      DISCORD_GUILD_ID: '',
      MODERATOR_ROLE_IDS: ' 111111111111111111 , 222222222222222222 ',
      CORPUS_DIR: 'stories/ember',
      STORY_DESK_LOCALE: 'fr',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      discordToken: TOKEN,
      discordClientId: APP_ID,
      discordGuildId: undefined,
      moderatorRoleIds: ['111111111111111111', '222222222222222222'],
      corpusDir: 'stories/ember',
      locale: 'fr',
      logLevel: 'debug',
    });
  });

  it.each([
    [{ DISCORD_TOKEN: 'short' }, /DISCORD_TOKEN: looks too short/],
    [{ DISCORD_TOKEN: TOKEN }, /DISCORD_CLIENT_ID: required when DISCORD_TOKEN is set/],
    [{ DISCORD_GUILD_ID: 'my-server' }, /DISCORD_GUILD_ID: must be a Discord id/],
    [{ MODERATOR_ROLE_IDS: '123, admins' }, /MODERATOR_ROLE_IDS\.1: must be a Discord id/],
    [{ STORY_DESK_LOCALE: 'de' }, /STORY_DESK_LOCALE/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ])('refuses %j with a message naming the setting', (env, message) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(message);
  });

  it('never puts the token in an error message', () => {
    expect(() => readConfig({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: 'x' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(TOKEN) }),
    );
  });

  it.each([
    ['fr_FR.UTF-8', 'fr'],
    ['fr', 'fr'],
    ['en_US.UTF-8', 'en'],
    ['C.UTF-8', 'en'],
    [undefined, 'en'],
  ] as const)('takes the locale %j from LANG as %s', (lang, locale) => expect(localeFromLang(lang)).toBe(locale));
});
