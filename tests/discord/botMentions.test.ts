/**
 * A quote holding `@everyone` and Markdown is shown as written: escaped, and unable to ping anyone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { silentLogger } from '../../src/logger.ts';
import { messageText, startBotHarness, type BotHarness } from './botHarness.ts';
import { writeTempCorpus, type TempCorpus } from './tempCorpus.ts';

const MARKDOWN_QUOTE =
  'Jean Martin a lancé aux commerçants : « @everyone venez **tous** au _marché_ ~~demain~~ `maintenant` », selon la mairie de Lyon.';

describe('Story Desk on Discord: hostile quotes', () => {
  let corpus: TempCorpus;
  let bot: BotHarness;

  beforeAll(async () => {
    corpus = await writeTempCorpus(
      [
        {
          id: '2021-03-02-le-progres',
          title: 'Au marché de Lyon',
          outlet: 'Le Progrès',
          published: '2021-03-02',
          body: MARKDOWN_QUOTE,
        },
      ],
      '- canonical: Jean Martin\n  kind: person\n  aliases: [Martin]\n- canonical: Lyon\n  kind: place\n  aliases: []\n',
    );
    bot = await startBotHarness({ desk: await StoryDesk.open(corpus.dir, silentLogger) });
  });

  afterAll(async () => {
    await bot.close();
    await corpus.remove();
  });

  it('escapes the Markdown, defuses @everyone and forbids every mention', async () => {
    const answered = await bot.command('who', { question: 'Qui a lancé un appel aux commerçants ?' }, { locale: 'fr' });
    const text = messageText(answered.message);
    expect(text).toContain('@\u200Beveryone');
    expect(text).not.toMatch(/@everyone/u);
    expect(text).toContain('\\*\\*tous\\*\\*');
    expect(text).toContain('\\_marché\\_');
    expect(text).toContain('\\~\\~demain\\~\\~');
    expect(text).toContain('\\`maintenant\\`');
    expect(answered.message.allowed_mentions).toEqual({ parse: [] });
    expect(bot.standIn.rejected()).toEqual([]);
  });
});
