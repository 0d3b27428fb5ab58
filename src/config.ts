/**
 * The only reader of process.env. Settings are read and validated once, at start-up; a bad value is
 * reported with the name of its setting.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import type { Locale } from './answer/types.ts';
import { DEFAULT_LANGUAGE_SETTINGS, type LanguageSettings } from './language/languageSettings.ts';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');
const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const schema = z.object({
  DISCORD_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(20, 'looks too short to be a bot token').optional()),
  DISCORD_CLIENT_ID: z.preprocess(emptyAsUndefined, snowflake.optional()),
  DISCORD_GUILD_ID: z.preprocess(emptyAsUndefined, snowflake.optional()),
  MODERATOR_ROLE_IDS: z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean)
        : [],
    z.array(snowflake),
  ),
  CORPUS_DIR: z.preprocess(emptyAsUndefined, z.string().default('corpus')),
  AUDIT_CHANNEL_ID: z.preprocess(emptyAsUndefined, snowflake.optional()),
  AUDIT_LOG_FILE: z.preprocess(emptyAsUndefined, z.string().optional()),
  STORY_DESK_LOCALE: z.preprocess(emptyAsUndefined, z.enum(['fr', 'en']).optional()),
  LANG: z.string().optional(),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  ),
  CORPUS_MAX_FILE_BYTES: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: 'must be a number of bytes, e.g. 1048576 for 1 MB' })
      .int('must be a whole number of bytes, e.g. 1048576 for 1 MB')
      .positive('must be a number of bytes above 0, e.g. 1048576 for 1 MB')
      .optional(),
  ),
  INDEX_CACHE_DIR: z.preprocess(emptyAsUndefined, z.string().default('.cache/index')),
  // Feedback (issue 14): where votes and unanswered questions are kept, the key of the members' hashes,
  // and how long records are kept.
  FEEDBACK_DB_FILE: z.preprocess(emptyAsUndefined, z.string().default('.story-desk/feedback.db')),
  FEEDBACK_HASH_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
  FEEDBACK_RETENTION_DAYS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: 'must be a number of days, e.g. 180' })
      .int('must be a whole number of days, e.g. 180')
      .positive('must be a number of days above 0, e.g. 180')
      .default(180),
  ),
  // The language service (src/language, nlp/).
  LANGUAGE_SERVICE: z.preprocess(emptyAsUndefined, z.enum(['on', 'off']).default('on')),
  LANGUAGE_SERVICE_PYTHON: z.preprocess(emptyAsUndefined, z.string().optional()),
  LANGUAGE_SERVICE_START_TIMEOUT_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().positive('must be a number of milliseconds above 0, e.g. 120000').optional(),
  ),
  LANGUAGE_CACHE_DIR: z.preprocess(emptyAsUndefined, z.string().optional()),
  EMBEDDINGS_URL: z.preprocess(emptyAsUndefined, z.url('must be a URL, e.g. https://api.example.com/v1').optional()),
  EMBEDDINGS_API_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
  EMBEDDINGS_MODEL: z.preprocess(emptyAsUndefined, z.string().optional()),
  EMBEDDINGS_PREFIXES: z.preprocess(emptyAsUndefined, z.enum(['e5', 'none']).default('e5')),
  // Operations (issue 13): rate limits, answer concurrency, health and metrics, shutdown.
  RATE_LIMIT_MEMBER_QUESTIONS: count('questions', 6),
  RATE_LIMIT_MEMBER_SECONDS: seconds(60),
  RATE_LIMIT_CHANNEL_QUESTIONS: count('questions', 30),
  RATE_LIMIT_CHANNEL_SECONDS: seconds(60),
  ANSWER_CONCURRENCY: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: 'must be a number of answers, e.g. 4' })
      .int('must be a whole number of answers, e.g. 4')
      .min(1, 'must be at least 1')
      .default(4),
  ),
  HEALTH_PORT: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: 'must be a TCP port, e.g. 9464' })
      .int('must be a whole port number, e.g. 9464')
      .min(0, 'must be a port from 0 to 65535')
      .max(65_535, 'must be a port from 0 to 65535')
      .optional(),
  ),
  HEALTH_HOST: z.preprocess(emptyAsUndefined, z.string().default('127.0.0.1')),
  SHUTDOWN_GRACE_SECONDS: seconds(10),
  // Sharding (issue 12). discord.js sets the same name in each shard process it starts, to the total.
  SHARD_COUNT: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^(?:auto|[1-9]\d*)$/u, 'must be auto or a number of shards from 1, e.g. 2')
      .transform((value) => (value === 'auto' ? ('auto' as const) : Number(value)))
      .optional(),
  ),
});

/** A count where 0 turns the limit off. */
function count(what: string, fallback: number) {
  return z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: `must be a number of ${what}, e.g. ${fallback} (0: no limit)` })
      .int(`must be a whole number of ${what}, e.g. ${fallback} (0: no limit)`)
      .min(0, `must be 0 (no limit) or more`)
      .default(fallback),
  );
}

function seconds(fallback: number) {
  return z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: `must be a number of seconds, e.g. ${fallback}` })
      .positive(`must be a number of seconds above 0, e.g. ${fallback}`)
      .default(fallback),
  );
}

/** At most `questions` in any `seconds`; `questions` 0: no limit. */
export interface RateLimit {
  readonly questions: number;
  readonly seconds: number;
}

/** How the bot is run and watched (issue 13). */
export interface OperationsConfig {
  /** Per member, and per channel, questions allowed in a window; a moderator command is never limited. */
  readonly rateLimits: { readonly member: RateLimit; readonly channel: RateLimit };
  /** Answers computed at once; more wait their turn, already acknowledged. */
  readonly answerConcurrency: number;
  /** Set: the health and metrics endpoint listens there. Unset: no endpoint (the default). */
  readonly health: { readonly host: string; readonly port: number } | undefined;
  /** On SIGTERM or SIGINT, how long replies in flight may take before the bot stops anyway. */
  readonly shutdownGraceMs: number;
}

export interface Config {
  /** Absent: the bot runs as a local console instead of connecting to Discord. */
  readonly discordToken: string | undefined;
  readonly discordClientId: string | undefined;
  /** Set: commands are deployed to this one server (instant). Absent: globally. */
  readonly discordGuildId: string | undefined;
  /** Members with one of these roles may run moderator commands, besides those with Manage Server. */
  readonly moderatorRoleIds: readonly string[];
  readonly corpusDir: string;
  /** Set: every corpus change and reload is also posted to this Discord channel (the moderators'). */
  readonly auditChannelId: string | undefined;
  /** Where the audit log's JSON lines go. Unset: `.audit/audit.jsonl` in the corpus folder. */
  readonly auditLogFile: string | undefined;
  /** Reply language of the console and the CLI. */
  readonly locale: Locale;
  /** Unset: each transport picks its own (the bot logs its work; the console only warnings). */
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' | undefined;
  /** Corpus files larger than this are refused unread. Unset: the loader's default, 1 MiB. */
  readonly corpusMaxFileBytes: number | undefined;
  /** Where built indexes are kept between runs. Undefined (INDEX_CACHE_DIR=off): rebuilt at every start. */
  readonly indexCacheDir: string | undefined;
  /** Feedback (votes, unanswered questions): the SQLite file, the members' hash key, the retention. */
  readonly feedback: {
    readonly file: string;
    /** Unset: feedback is not recorded (src/feedback/sqliteFeedbackStore.ts says why in the log). */
    readonly hashSecret: string | undefined;
    readonly retentionDays: number;
  };
  /** The language service: how it is started, where its cache lives, where vectors come from. */
  readonly language: LanguageSettings;
  readonly operations: OperationsConfig;
  /**
   * Unset: the bot is one process. Set: a shard manager builds the index cache and starts the language
   * service once, then runs this many shard processes (`auto`: as many as Discord recommends).
   */
  readonly shardCount: number | 'auto' | undefined;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** `fr_FR.UTF-8` and `fr` speak French; everything else English. */
export function localeFromLang(lang: string | undefined): Locale {
  return lang?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Reads the settings from an environment (process.env by default); throws ConfigError naming the bad key. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid setting${problems.length > 1 ? 's' : ''}: ${problems.join('; ')}`);
  }
  const settings = parsed.data;
  if (settings.DISCORD_TOKEN && !settings.DISCORD_CLIENT_ID) {
    throw new ConfigError(
      'DISCORD_CLIENT_ID: required when DISCORD_TOKEN is set (the application id from the Developer Portal)',
    );
  }
  if (settings.SHARD_COUNT !== undefined && settings.INDEX_CACHE_DIR === 'off') {
    throw new ConfigError(
      'INDEX_CACHE_DIR: cannot be off with SHARD_COUNT set (the shards load the index the shard manager caches there)',
    );
  }
  if (settings.EMBEDDINGS_URL && !settings.EMBEDDINGS_MODEL) {
    throw new ConfigError("EMBEDDINGS_MODEL: required when EMBEDDINGS_URL is set (the provider's model name)");
  }
  return {
    discordToken: settings.DISCORD_TOKEN,
    discordClientId: settings.DISCORD_CLIENT_ID,
    discordGuildId: settings.DISCORD_GUILD_ID,
    moderatorRoleIds: settings.MODERATOR_ROLE_IDS,
    corpusDir: settings.CORPUS_DIR,
    auditChannelId: settings.AUDIT_CHANNEL_ID,
    auditLogFile: settings.AUDIT_LOG_FILE,
    locale: settings.STORY_DESK_LOCALE ?? localeFromLang(settings.LANG),
    logLevel: settings.LOG_LEVEL,
    corpusMaxFileBytes: settings.CORPUS_MAX_FILE_BYTES,
    indexCacheDir: settings.INDEX_CACHE_DIR === 'off' ? undefined : settings.INDEX_CACHE_DIR,
    feedback: {
      file: settings.FEEDBACK_DB_FILE,
      hashSecret: settings.FEEDBACK_HASH_SECRET,
      retentionDays: settings.FEEDBACK_RETENTION_DAYS,
    },
    language: {
      ...DEFAULT_LANGUAGE_SETTINGS,
      enabled: settings.LANGUAGE_SERVICE === 'on',
      // Relative paths are taken from where the bot starts, like CORPUS_DIR.
      python: settings.LANGUAGE_SERVICE_PYTHON
        ? resolve(settings.LANGUAGE_SERVICE_PYTHON)
        : DEFAULT_LANGUAGE_SETTINGS.python,
      startTimeoutMs: settings.LANGUAGE_SERVICE_START_TIMEOUT_MS ?? DEFAULT_LANGUAGE_SETTINGS.startTimeoutMs,
      cacheDir: settings.LANGUAGE_CACHE_DIR ? resolve(settings.LANGUAGE_CACHE_DIR) : DEFAULT_LANGUAGE_SETTINGS.cacheDir,
      embeddings: {
        url: settings.EMBEDDINGS_URL,
        apiKey: settings.EMBEDDINGS_API_KEY,
        model: settings.EMBEDDINGS_MODEL,
        prefixes: settings.EMBEDDINGS_PREFIXES,
      },
    },
    operations: {
      rateLimits: {
        member: { questions: settings.RATE_LIMIT_MEMBER_QUESTIONS, seconds: settings.RATE_LIMIT_MEMBER_SECONDS },
        channel: { questions: settings.RATE_LIMIT_CHANNEL_QUESTIONS, seconds: settings.RATE_LIMIT_CHANNEL_SECONDS },
      },
      answerConcurrency: settings.ANSWER_CONCURRENCY,
      health:
        settings.HEALTH_PORT === undefined ? undefined : { host: settings.HEALTH_HOST, port: settings.HEALTH_PORT },
      shutdownGraceMs: settings.SHUTDOWN_GRACE_SECONDS * 1000,
    },
    shardCount: settings.SHARD_COUNT,
  };
}
