import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { startBot } from '../../src/discord/startBot.ts';
import { silentLogger } from '../../src/logger.ts';
import { TEST_TOKEN } from './botHarness.ts';
import { APPLICATION_ID, startDiscordStandIn } from './standIn/discordStandIn.ts';

describe('startBot', () => {
  it('logs in with the configured token and is ready when it resolves', async () => {
    const standIn = await startDiscordStandIn({ token: TEST_TOKEN });
    const desk = await StoryDesk.open('corpus', silentLogger);
    const config = readConfig({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: APPLICATION_ID });
    const client = await startBot(desk, config, silentLogger, { rest: { api: standIn.api } });
    try {
      expect(client.user?.id).toBe(APPLICATION_ID);
      expect(standIn.gateway.filter((record) => record.op === 'identify')).toHaveLength(1);
    } finally {
      await client.destroy();
      await standIn.close();
    }
  });

  it('refuses to start without a token, naming the setting', async () => {
    const desk = await StoryDesk.open('corpus', silentLogger);
    await expect(startBot(desk, readConfig({}), silentLogger)).rejects.toThrow(/^DISCORD_TOKEN: not set/u);
  });

  it('fails to log in with a token the gateway refuses', async () => {
    const standIn = await startDiscordStandIn({ token: TEST_TOKEN });
    const desk = await StoryDesk.open('corpus', silentLogger);
    const config = readConfig({ DISCORD_TOKEN: `${TEST_TOKEN}wrong`, DISCORD_CLIENT_ID: APPLICATION_ID });
    try {
      await expect(startBot(desk, config, silentLogger, { rest: { api: standIn.api } })).rejects.toThrow();
    } finally {
      await standIn.close();
    }
  });
});
