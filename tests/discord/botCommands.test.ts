/**
 * Every command through the real discord.js client and the stand-in, in French and in English, over the
 * real corpus: the reply follows the asker's locale, nothing is rejected, nothing can ping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/desk/commandList.ts';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { silentLogger } from '../../src/logger.ts';
import { startBotHarness, type Answered, type BotHarness } from './botHarness.ts';
import { autocomplete, PERMISSIONS } from './standIn/interactionPayloads.ts';

const QUESTIONS: Record<string, { fr: string; en: string }> = {
  who: { fr: 'Qui a remercié Trump ?', en: 'Who thanked Trump?' },
  when: { fr: 'Quand Poutine a-t-il appelé Trump ?', en: 'When did Putin call Trump?' },
  where: { fr: 'Où les terroristes ont-ils été arrêtés ?', en: 'Where were the terrorists arrested?' },
  source: { fr: 'La CIA a fourni des renseignements', en: 'The CIA provided intelligence' },
  ask: { fr: 'Combien de personnes ont été arrêtées ?', en: 'How many people were arrested?' },
  timeline: { fr: 'Poutine', en: 'Putin' },
};

const FRENCH_FRAME =
  /\b(selon|médias?|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|Rien|Passages les plus proches|Commandes|Corpus rechargé)(?![\p{L}])/u;
const ENGLISH_FRAME =
  /\b(according to|outlets?|January|February|March|April|May|June|July|August|September|October|November|December|Nothing|Closest passages|Commands|Corpus reloaded)\b/u;

interface Embed {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
}

/**
 * The words the transport chose, without the quotes (always French) or the labels the engine built from
 * them: footer, field names (outlet and date), the help or reload title, or the description when that is
 * all there is.
 */
function frameText(answered: Answered): string {
  const embeds = (answered.message.embeds ?? []) as Embed[];
  const content = typeof answered.message.content === 'string' ? answered.message.content : '';
  return [
    content,
    ...embeds.flatMap((embed) => [
      embed.footer?.text ?? '',
      ...(embed.fields ?? []).map((field) => field.name).filter((name) => !name.startsWith('/')),
      embed.title?.startsWith('/') ? '' : (embed.title ?? ''),
      embed.fields?.length ? '' : (embed.description ?? ''),
    ]),
  ].join('\n');
}

describe('Story Desk on Discord: every command in both languages', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ desk: await StoryDesk.open('corpus', silentLogger) });
  });

  afterAll(async () => {
    await bot.close();
  });

  // The /article subcommands change the corpus: tests/discord/botArticles.test.ts drives them.
  const cases = commands
    .filter((command) => !command.group)
    .flatMap((command) =>
      (['fr', 'en-US'] as const).map((discordLocale) => ({
        command,
        discordLocale,
        locale: discordLocale === 'fr' ? ('fr' as const) : ('en' as const),
      })),
    );

  it.each(cases)(
    '/$command.name in $discordLocale answers in that language',
    async ({ command, discordLocale, locale }) => {
      const values: Record<string, string> = {};
      const option = command.options[0];
      const question = QUESTIONS[command.name];
      if (option && question) values[option.name] = question[locale];
      const permissions = command.moderatorOnly ? PERMISSIONS.manageGuild : PERMISSIONS.member;

      const answered = await bot.command(command.name, values, { locale: discordLocale, permissions });

      const [deferral] = answered.requests;
      expect(deferral?.kind).toBe('interactionCallback');
      expect((deferral?.body as { type: number }).type).toBe(5);
      expect(answered.ephemeral).toBe(command.moderatorOnly || command.repliesPrivately === true);
      const frame = frameText(answered);
      if (locale === 'fr') {
        expect(frame).toMatch(FRENCH_FRAME);
        expect(frame).not.toMatch(ENGLISH_FRAME);
      } else {
        expect(frame).toMatch(ENGLISH_FRAME);
        expect(frame).not.toMatch(FRENCH_FRAME);
      }
      for (const request of answered.requests) expect(request.status).toBeLessThan(400);
    },
  );

  it('sends allowed_mentions { parse: [] } with every message and had nothing rejected', () => {
    const messages = bot.standIn.requests.filter(
      (request) => request.kind === 'editOriginal' || request.kind === 'followUp',
    );
    expect(messages.length).toBeGreaterThanOrEqual(cases.length);
    for (const request of messages)
      expect((request.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
    expect(bot.standIn.rejected()).toEqual([]);
  });

  it('answers a question nothing in the corpus answers, without citations', async () => {
    const french = await bot.command(
      'ask',
      { question: 'Qui a gagné la coupe du monde de pétanque ?' },
      { locale: 'fr' },
    );
    const [embed] = (french.message.embeds ?? []) as Embed[];
    expect(embed?.fields ?? []).toEqual([]);
    expect(embed?.description).toMatch(/^(ℹ️ )?Rien dans/u);
    const english = await bot.command('ask', { question: 'Who won the petanque world cup?' }, { locale: 'en-GB' });
    const [englishEmbed] = (english.message.embeds ?? []) as Embed[];
    expect(englishEmbed?.fields ?? []).toEqual([]);
    expect(englishEmbed?.description).toMatch(/^(ℹ️ )?Nothing in/u);
  });

  it('suggests names while a question is typed, at most 25, none too long', async () => {
    const sent = bot.standIn.sendInteraction(
      autocomplete('who', [{ name: 'question', value: 'Pou', focused: true }], { locale: 'fr' }),
    );
    const callback = await bot.standIn.waitForRequest(
      (request) => request.token === sent.token && request.kind === 'interactionCallback',
    );
    expect(callback.status).toBe(204);
    const body = callback.body as { type: number; data: { choices: { name: string; value: string }[] } };
    expect(body.type).toBe(8);
    expect(body.data.choices.map((choice) => choice.name)).toContain('Vladimir Poutine');
    expect(body.data.choices.length).toBeLessThanOrEqual(25);
    for (const choice of body.data.choices) expect(choice.name.length).toBeLessThanOrEqual(100);
  });

  it('answers autocomplete with no choices for an option that has none', async () => {
    const sent = bot.standIn.sendInteraction(autocomplete('ask', [{ name: 'question', value: 'Pou', focused: true }]));
    const callback = await bot.standIn.waitForRequest(
      (request) => request.token === sent.token && request.kind === 'interactionCallback',
    );
    expect(callback.body).toEqual({ type: 8, data: { choices: [] } });
  });
});
