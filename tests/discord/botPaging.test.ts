/**
 * An answer thirty outlets support does not fit one Discord message: it is split into pages that Discord
 * accepts, and the "more sources" button brings the next page until the last.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { PageStore } from '../../src/discord/pageStore.ts';
import { silentLogger } from '../../src/logger.ts';
import { answeredBy, buttonIds, startBotHarness, type BotHarness } from './botHarness.ts';
import { seededRandom } from './randomText.ts';
import { buttonPress } from './standIn/interactionPayloads.ts';
import { writeTempCorpus, type TempCorpus } from './tempCorpus.ts';

const OUTLETS = 30;
const WORDS =
  'matin soir rue place quartier témoin voisin équipe camion échelle fumée flamme toit façade marché halle commerçant client policier secours ambulance sirène foule journaliste caméra photo récit détail heure minute semaine automne printemps hiver ville centre pont fleuve quai gare parking immeuble étage fenêtre porte escalier couloir cour jardin parc école préfecture tribunal enquête rapport bilan chiffre dégât assurance'.split(
    ' ',
  );

/** Thirty different articles (different enough not to count as copies of one another) saying one thing. */
async function thirtyOutletsCorpus(): Promise<TempCorpus> {
  const random = seededRandom(42);
  const words = (count: number) =>
    Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
  return writeTempCorpus(
    Array.from({ length: OUTLETS }, (_, index) => {
      const day = String(1 + (index % 28)).padStart(2, '0');
      return {
        id: `2021-03-${day}-media-${index + 1}`,
        title: `Le maire remercie les pompiers, récit numéro ${index + 1}`,
        outlet: `Média régional numéro ${index + 1}`,
        published: `2021-03-${day}`,
        url: `https://media-${index + 1}.example.org/2021/03/${day}/le-maire-remercie-les-pompiers-de-lyon`,
        body: `${words(40)}.\n\nJean Martin a remercié les pompiers de Lyon pour ${words(60)}.\n\n${words(40)}.`,
      };
    }),
    '- canonical: Jean Martin\n  kind: person\n  aliases: [Martin]\n- canonical: Lyon\n  kind: place\n  aliases: []\n',
  );
}

interface Embed {
  fields?: { name: string; value: string }[];
  footer?: { text: string };
}

describe('Story Desk on Discord: more sources', () => {
  let corpus: TempCorpus;
  let bot: BotHarness;
  let now = 0;

  beforeAll(async () => {
    corpus = await thirtyOutletsCorpus();
    const desk = await StoryDesk.open(corpus.dir, silentLogger);
    bot = await startBotHarness({ desk, bot: { pages: new PageStore({ now: () => now }) } });
  });

  afterAll(async () => {
    await bot.close();
    await corpus.remove();
  });

  it('pages an answer with thirty citations and brings each page with the button', async () => {
    const first = await bot.command('who', { question: 'Qui a remercié les pompiers ?' }, { locale: 'fr' });
    const pages = [first.message];
    let current = first;
    // Each press: the button leaves the pressed message (update) and the next page is posted (follow-up).
    for (let [customId] = buttonIds(current.message); customId; [customId] = buttonIds(current.message)) {
      const sent = bot.standIn.sendInteraction(buttonPress(customId, current.sentMessage ?? {}, { locale: 'fr' }));
      current = await answeredBy(bot.standIn, sent.token);
      const update = current.requests.find((request) => request.kind === 'interactionCallback');
      expect(update?.body).toMatchObject({ type: 7, data: { components: [] } });
      expect(current.ephemeral).toBe(false);
      pages.push(current.message);
      expect(pages.length).toBeLessThanOrEqual(OUTLETS);
    }

    // Thirty fields of this size break the 6000-character total long before the 25-field limit.
    expect(pages.length).toBeGreaterThan(2);
    const embeds = pages.map((page) => ((page.embeds ?? []) as Embed[])[0]);
    const fieldNames = embeds.flatMap((embed) => (embed?.fields ?? []).map((field) => field.name));
    expect(new Set(fieldNames.map((name) => name.replace(/ — .*$/u, ''))).size).toBe(OUTLETS);
    embeds.forEach((embed, index) =>
      expect(embed?.footer?.text).toBe(`30 médias · 30 articles · page ${index + 1}/${pages.length}`),
    );
    expect(buttonIds(pages[0] ?? {})[0]?.length).toBeLessThanOrEqual(100);
    expect(bot.standIn.rejected()).toEqual([]);
  });

  it('says politely when the pages of an answer have expired', async () => {
    const answered = await bot.command('who', { question: 'Qui a remercié les pompiers ?' }, { locale: 'en-US' });
    const [customId] = buttonIds(answered.message);
    expect(customId).toBeDefined();
    now += 15 * 60 * 1000;
    const sent = bot.standIn.sendInteraction(
      buttonPress(customId ?? '', answered.sentMessage ?? {}, { locale: 'en-US' }),
    );
    const expired = await answeredBy(bot.standIn, sent.token);
    expect(expired.ephemeral).toBe(true);
    expect(expired.message.content).toBe(
      'These sources are no longer kept (they are for 15 minutes). Please ask the question again.',
    );
    expect(bot.standIn.rejected()).toEqual([]);
  });
});
