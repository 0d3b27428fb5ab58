/** The feedback store the settings describe, as the bot and the console open it (src/main.ts, shards). */
import type { Config } from './config.ts';
import type { FeedbackStore } from './feedback/feedbackTypes.ts';
import { openFeedbackStore } from './feedback/sqliteFeedbackStore.ts';
import type { Logger } from './logger.ts';

/** Opens FEEDBACK_DB_FILE (a store that records nothing without FEEDBACK_HASH_SECRET). */
export function openFeedback(config: Config, logger: Logger): FeedbackStore {
  const store = openFeedbackStore({
    file: config.feedback.file,
    secret: config.feedback.hashSecret,
    retentionDays: config.feedback.retentionDays,
    logger,
  });
  // Opening purged what had expired; a bot that runs for weeks purges again once a day.
  setInterval(() => store.purgeExpired(), 24 * 60 * 60 * 1000).unref();
  return store;
}
