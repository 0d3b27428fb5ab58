/**
 * Errors as log entries that carry no secret. discord.js errors hold the request URL, and a webhook or
 * interaction URL contains the interaction token (which lets anyone post as the bot for 15 minutes); a
 * careless message could hold the bot token. Both are cut out before anything is logged.
 */
import { DiscordAPIError, HTTPError } from 'discord.js';

const REDACTED = '[redacted]';
/** `/webhooks/{application}/{token}` and `/interactions/{id}/{token}`. */
const TOKEN_IN_URL = /(\/(?:webhooks|interactions)\/\d+\/)[^/?#\s]+/gu;
/** The shape of a bot token: three base64url parts joined by dots. */
const BOT_TOKEN_SHAPE = /[\w-]{20,}\.[\w-]{5,}\.[\w-]{20,}/gu;

/** `text` with `secrets`, interaction tokens in URLs and anything shaped like a bot token replaced. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let redacted = text;
  for (const secret of secrets) if (secret) redacted = redacted.split(secret).join(REDACTED);
  return redacted.replace(TOKEN_IN_URL, `$1${REDACTED}`).replace(BOT_TOKEN_SHAPE, REDACTED);
}

export interface ErrorDescription {
  readonly type: string;
  readonly message: string;
  readonly stack?: string;
  readonly code?: number | string;
  readonly status?: number;
  readonly method?: string;
  readonly url?: string;
  readonly cause?: ErrorDescription;
}

/** What a log needs to know about `error`; never the request body, never a token. */
export function describeError(error: unknown, secrets: readonly string[], depth = 0): ErrorDescription {
  const redact = (text: string) => redactSecrets(text, secrets);
  if (!(error instanceof Error)) return { type: typeof error, message: redact(String(error)) };
  const description: { -readonly [K in keyof ErrorDescription]: ErrorDescription[K] } = {
    type: error.name,
    message: redact(error.message),
  };
  if (error.stack) description.stack = redact(error.stack);
  if (error instanceof DiscordAPIError || error instanceof HTTPError) {
    description.status = error.status;
    description.method = error.method;
    description.url = redact(error.url);
  }
  if (error instanceof DiscordAPIError) description.code = error.code;
  if (error.cause !== undefined && depth < 3) description.cause = describeError(error.cause, secrets, depth + 1);
  return description;
}
