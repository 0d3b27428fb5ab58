/**
 * Why the bot could not start or deploy, in one line a person can act on. The error discord.js throws
 * rarely says it: a network failure arrives as "fetch failed" with the cause three levels down, a bad
 * token as a 401 or a gateway close code. This names the real cause and the setting to look at.
 */
import { DiscordAPIError, GatewayCloseCodes, HTTPError } from 'discord.js';
import { ConfigError } from '../config.ts';
import { redactSecrets } from './describeError.ts';

/** Error codes of Node's sockets and DNS that mean "the network did not get us there". */
const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

const INVALID_TOKEN =
  'Discord refused the bot token: DISCORD_TOKEN is wrong or was reset (Developer Portal, Bot, Reset Token, then put the new one in .env)';

/** Gateway close codes that end the session for good, as a reason naming what to fix. */
export function describeFatalClose(code: number): string | null {
  switch (code) {
    case GatewayCloseCodes.AuthenticationFailed:
      return `${INVALID_TOKEN} (gateway close code 4004)`;
    case GatewayCloseCodes.DisallowedIntents:
      return 'Discord refused a gateway intent the bot asked for (close code 4014, disallowed intent): enable it under Bot, Privileged Gateway Intents in the Developer Portal, or stop asking for it (Story Desk needs only Guilds)';
    case GatewayCloseCodes.InvalidIntents:
      return 'Discord refused the gateway intents as invalid (close code 4013)';
    case GatewayCloseCodes.InvalidShard:
      return 'Discord refused the shard the bot asked for (close code 4010)';
    case GatewayCloseCodes.ShardingRequired:
      return 'Discord requires sharding: the bot is in too many servers for one connection (close code 4011)';
    case GatewayCloseCodes.InvalidAPIVersion:
      return 'Discord refused the gateway API version (close code 4012): update discord.js';
    default:
      return null;
  }
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < 6) {
    chain.push(current);
    current = current instanceof Error ? current.cause : undefined;
    // AggregateError (several addresses tried) keeps the reasons in `errors`.
    if (current === undefined && chain.at(-1) instanceof AggregateError)
      current = (chain.at(-1) as AggregateError).errors[0];
  }
  return chain;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * One line naming why talking to Discord failed: the network, the token, an intent, the application id,
 * Discord itself (5xx, too many requests), or a setting. `secrets` are cut out of anything quoted.
 *
 * @example
 * explainFailure(error, [token]) // "cannot reach Discord (getaddrinfo ENOTFOUND discord.com): check …"
 */
export function explainFailure(error: unknown, secrets: readonly string[]): string {
  const redact = (text: string) => redactSecrets(text, secrets);
  if (error instanceof ConfigError) return redact(error.message);
  const chain = causes(error);
  const network = chain.find((link) => NETWORK_CODES.has(codeOf(link) ?? ''));
  if (network) {
    const detail = network instanceof Error ? network.message : String(codeOf(network));
    return `cannot reach Discord (${redact(detail)}): check this machine's network connection, DNS, firewall or proxy; the token was not checked`;
  }
  if (chain.some((link) => link instanceof Error && link.name === 'AbortError'))
    return 'Discord did not answer in time (the request timed out): check the network connection, or try again later';
  const closeCode = chain
    .map((link) => (link as { closeCode?: unknown }).closeCode)
    .find((code) => typeof code === 'number');
  if (typeof closeCode === 'number') {
    const reason = describeFatalClose(closeCode);
    if (reason) return reason;
  }
  if (codeOf(error) === 'TokenInvalid' || codeOf(error) === 'TokenMissing') return INVALID_TOKEN;
  if (error instanceof Error && /^Authentication failed/u.test(error.message))
    return `${INVALID_TOKEN} (gateway close code 4004)`;
  if (error instanceof Error && /disallowed intents/iu.test(error.message))
    return describeFatalClose(GatewayCloseCodes.DisallowedIntents) ?? error.message;
  if (error instanceof DiscordAPIError) {
    if (error.status === 401) return INVALID_TOKEN;
    if (error.code === 50001 || error.code === 10002 || error.status === 403)
      return `Discord refused access to the application (${error.status} ${redact(error.message)}): DISCORD_CLIENT_ID must be the application id of this bot's token (Developer Portal, General Information), and DISCORD_GUILD_ID, when set, a server the bot was invited to with the applications.commands scope`;
    if (error.status === 429) return `Discord is rate limiting the bot (429): try again in a few minutes`;
    return `Discord refused the request (${error.status}, code ${error.code}): ${redact(error.message)}`;
  }
  if (error instanceof HTTPError) {
    if (error.status >= 500)
      return `Discord answered ${error.status} (${redact(error.message)}) after several tries: Discord itself is failing; try again later`;
    return `Discord answered ${error.status} (${redact(error.message)})`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `could not connect to Discord: ${redact(message).replace(/\s*\n\s*/gu, ' ')}`;
}
