/**
 * /timeline sends its picture: a PNG attached to the answer and shown in its embed, within Discord's
 * upload limit, with the text list kept for screen readers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { silentLogger } from '../../src/logger.ts';
import { messageText, startBotHarness, type BotHarness } from './botHarness.ts';
import { UPLOAD_LIMIT_BYTES } from './standIn/discordStandIn.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('Story Desk on Discord: the timeline picture', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ desk: await StoryDesk.open('corpus', silentLogger) });
  });

  afterAll(async () => {
    await bot.close();
  });

  it('attaches a PNG within Discord’s limits to /timeline, shown in the embed, the text list kept', async () => {
    const answered = await bot.command('timeline', {}, { locale: 'fr' });
    const edit = answered.requests.find((request) => request.kind === 'editOriginal');
    expect(edit?.status).toBe(200);
    const [file] = edit?.files ?? [];
    expect(file?.filename).toBe('timeline.png');
    expect(file?.contentType).toBe('image/png');
    expect(file?.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(file?.bytes.length).toBeLessThan(UPLOAD_LIMIT_BYTES);
    expect(file?.bytes.length).toBeGreaterThan(20_000);

    const [embed] = (answered.message.embeds ?? []) as { image?: { url: string } }[];
    expect(embed?.image).toEqual({ url: 'attachment://timeline.png' });
    expect(messageText(answered.message)).toContain('dimanche 17 décembre 2017');
    const [attachment] = (answered.sentMessage?.attachments ?? []) as { filename: string; description?: string }[];
    expect(attachment?.filename).toBe('timeline.png');
    expect(attachment?.description).toMatch(
      /^Chronologie de l’affaire : 13 événements datés, de mars 2011 à dimanche 29 décembre 2019/u,
    );
    expect(bot.standIn.rejected()).toEqual([]);
  });

  it('attaches no picture when the timeline is empty, and none to other answers', async () => {
    const empty = await bot.command('timeline', { words: 'pétanque' }, { locale: 'en-US' });
    expect(empty.requests.find((request) => request.kind === 'editOriginal')?.files).toEqual([]);
    const who = await bot.command('who', { question: 'Qui a remercié Trump ?' }, { locale: 'fr' });
    expect(who.requests.find((request) => request.kind === 'editOriginal')?.files).toEqual([]);
  });
});
