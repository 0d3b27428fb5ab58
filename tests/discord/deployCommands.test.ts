/** The deploy script's work, against the stand-in, which records the PUT and checks it as Discord would. */
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { commands } from '../../src/desk/commandList.ts';
import { deployCommands } from '../../src/discord/deployCommands.ts';
import { TEST_TOKEN } from './botHarness.ts';
import { APPLICATION_ID, startDiscordStandIn, type DiscordStandIn } from './standIn/discordStandIn.ts';
import { GUILD_ID } from './standIn/interactionPayloads.ts';

describe('deployCommands', () => {
  let standIn: DiscordStandIn;
  let rest: REST;

  beforeAll(async () => {
    standIn = await startDiscordStandIn({ token: TEST_TOKEN });
    rest = new REST({ api: standIn.api }).setToken(TEST_TOKEN);
  });

  afterAll(async () => {
    await standIn.close();
  });

  it('puts every command to the configured server', async () => {
    const config = readConfig({
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_CLIENT_ID: APPLICATION_ID,
      DISCORD_GUILD_ID: GUILD_ID,
    });
    const result = await deployCommands(rest, config, commands);
    const names = [...new Set(commands.map((command) => command.group?.name ?? command.name))];
    expect(result).toEqual({ scope: 'guild', guildId: GUILD_ID, deployed: names });
    expect(names).toContain('article');
    const put = standIn.requests.findLast((request) => request.kind === 'putCommands');
    expect(put).toMatchObject({
      method: 'PUT',
      path: `/applications/${APPLICATION_ID}/guilds/${GUILD_ID}/commands`,
      status: 200,
    });
    expect(put?.authorization).toBe(`Bot ${TEST_TOKEN}`);
    const reload = (put?.body as { name: string; default_member_permissions?: string }[]).find(
      (command) => command.name === 'reload',
    );
    expect(reload?.default_member_permissions).toBe('32');
  });

  it('puts them globally when no server is configured', async () => {
    const config = readConfig({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: APPLICATION_ID });
    const result = await deployCommands(rest, config, commands);
    expect(result.scope).toBe('global');
    expect(standIn.requests.findLast((request) => request.kind === 'putCommands')?.path).toBe(
      `/applications/${APPLICATION_ID}/commands`,
    );
    expect(standIn.rejected()).toEqual([]);
  });

  it('names the missing setting', async () => {
    await expect(deployCommands(rest, readConfig({}), commands)).rejects.toThrow(/^DISCORD_CLIENT_ID: not set/u);
  });

  it('lets Discord’s refusal through to the caller', async () => {
    const config = readConfig({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: '800000000000000999' });
    await expect(deployCommands(rest, config, commands)).rejects.toThrow(/Missing Access/u);
  });
});
