import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { describeError, redactSecrets } from '../../src/discord/describeError.ts';

const BOT_TOKEN = 'ODAwMDAwMDAwMDAwMDAwMDAx.GsTand.x7Qk2vLm9PzR4tYw8NcB3hJe6FdA1sUo';

describe('redactSecrets', () => {
  it.each([
    ['a given secret', `token=${BOT_TOKEN}!`, [BOT_TOKEN], 'token=[redacted]!'],
    ['anything shaped like a bot token', `Bot ${BOT_TOKEN}`, [], 'Bot [redacted]'],
    [
      'an interaction token in a webhook URL',
      'PATCH /api/v10/webhooks/123/aW50ZXJhY3Rpb24/messages/%40original',
      [],
      'PATCH /api/v10/webhooks/123/[redacted]/messages/%40original',
    ],
    [
      'an interaction token in a callback URL',
      'https://x/api/v10/interactions/456/aW50ZX-Jh_Y3/callback?with_response=false',
      [],
      'https://x/api/v10/interactions/456/[redacted]/callback?with_response=false',
    ],
    ['ordinary text stays', 'Unknown interaction', [], 'Unknown interaction'],
  ])('hides %s', (_name, text, secrets, expected) => {
    expect(redactSecrets(text, secrets)).toBe(expected);
  });
});

describe('describeError', () => {
  it('keeps what a log needs from a Discord API error and no token', () => {
    const error = new DiscordAPIError(
      { code: 10062, message: 'Unknown interaction' },
      10062,
      404,
      'POST',
      'http://127.0.0.1/api/v10/interactions/1/secret-interaction-token/callback',
      { body: { content: 'hi' } },
    );
    const described = describeError(error, [BOT_TOKEN]);
    expect(described).toMatchObject({
      type: 'DiscordAPIError[10062]',
      message: 'Unknown interaction',
      code: 10062,
      status: 404,
      method: 'POST',
    });
    expect(described.url).toBe('http://127.0.0.1/api/v10/interactions/1/[redacted]/callback');
    expect(JSON.stringify(described)).not.toContain('secret-interaction-token');
  });

  it('redacts the token from messages, stacks and causes', () => {
    const error = new Error(`login failed with ${BOT_TOKEN}`, { cause: new Error(`because ${BOT_TOKEN}`) });
    expect(JSON.stringify(describeError(error, [BOT_TOKEN]))).not.toContain(BOT_TOKEN);
  });

  it('describes things thrown that are not errors', () => {
    expect(describeError('boom', [])).toEqual({ type: 'string', message: 'boom' });
  });
});
