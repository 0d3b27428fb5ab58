/**
 * Structured logging (pino). Secrets are redacted by path, so a config or a client object logged by
 * mistake never prints the token.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

export const REDACTED_PATHS = [
  'token',
  '*.token',
  'discordToken',
  '*.discordToken',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'apiKey',
  '*.apiKey',
  '*.*.apiKey',
  'headers.authorization',
  '*.headers.authorization',
];

/** A logger writing JSON lines to `destination` (stderr by default, so stdout stays for answers). */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}

/** For tests and library use: logs nothing. */
export const silentLogger: Logger = pino({ level: 'silent' });
