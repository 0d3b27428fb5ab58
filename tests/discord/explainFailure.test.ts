import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.ts';
import { describeFatalClose, explainFailure } from '../../src/discord/explainFailure.ts';

/** "fetch failed" with the socket's error as its cause, as undici throws it. */
function fetchFailed(code: string, message: string): Error {
  const cause = Object.assign(new Error(message), { code });
  return new TypeError('fetch failed', { cause });
}

describe('explainFailure', () => {
  it.each([
    [
      fetchFailed('ENOTFOUND', 'getaddrinfo ENOTFOUND discord.com'),
      /^cannot reach Discord \(getaddrinfo ENOTFOUND discord\.com\)/u,
    ],
    [fetchFailed('EAI_AGAIN', 'getaddrinfo EAI_AGAIN discord.com'), /^cannot reach Discord/u],
    [fetchFailed('ENETUNREACH', 'connect ENETUNREACH 162.159.1.1:443'), /^cannot reach Discord/u],
    [Object.assign(new Error('An invalid token was provided.'), { code: 'TokenInvalid' }), /DISCORD_TOKEN is wrong/u],
    [new Error('Used disallowed intents'), /disallowed intent/u],
    [Object.assign(new Error('This operation was aborted'), { name: 'AbortError' }), /did not answer in time/u],
    [new ConfigError('DISCORD_CLIENT_ID: not set'), /^DISCORD_CLIENT_ID: not set$/u],
  ])('%s', (error, line) => {
    expect(explainFailure(error, [])).toMatch(line);
  });

  it('never blames the token for the network', () => {
    expect(explainFailure(fetchFailed('ENOTFOUND', 'getaddrinfo ENOTFOUND discord.com'), [])).not.toMatch(
      /Check DISCORD_TOKEN/u,
    );
  });

  it('cuts secrets out of what it quotes', () => {
    expect(explainFailure(new Error('boom with s3cr3t-token-value'), ['s3cr3t-token-value'])).not.toContain('s3cr3t');
  });

  it.each([4004, 4010, 4011, 4012, 4013, 4014])('describes fatal close code %i', (code) => {
    expect(describeFatalClose(code)).toMatch(String(code));
  });

  it('has nothing to say about a close code that is not fatal', () => {
    expect(describeFatalClose(4000)).toBeNull();
  });
});
