/**
 * A reload that would remove more than half of the articles is refused, and Discord offers a
 * "Reload anyway" button only the moderator who asked can press; a reload to zero articles is refused
 * with no button. `/reload force:True` (a real boolean option) forces it at once. /article list pages a
 * long corpus with the "more" button.
 */
import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { silentLogger } from '../../src/logger.ts';
import { answeredBy, buttonIds, messageText, startBotHarness, type BotHarness } from './botHarness.ts';
import { buttonPress, PERMISSIONS, slashCommand, type Asker } from './standIn/interactionPayloads.ts';
import { writeTempCorpus, type TempCorpus } from './tempCorpus.ts';

const moderator: Asker = { locale: 'en-US', permissions: PERMISSIONS.manageGuild };
const COUNT = 30;
const idOf = (index: number) => `2021-03-${String(1 + (index % 28)).padStart(2, '0')}-media-${index + 1}`;

describe('Story Desk on Discord: reload confirmation and the article list', () => {
  let corpus: TempCorpus;
  let desk: StoryDesk;
  let bot: BotHarness;

  beforeAll(async () => {
    corpus = await writeTempCorpus(
      Array.from({ length: COUNT }, (_, index) => ({
        id: idOf(index),
        title: `Récit numéro ${index + 1} de l’incendie`,
        outlet: `Média numéro ${index + 1}`,
        published: idOf(index).slice(0, 10),
        body: `Le témoin numéro ${index + 1} a vu la fumée depuis la rue ${index + 1}.`,
      })),
    );
    await mkdir(join(corpus.dir, '.elsewhere'));
    desk = await StoryDesk.open(corpus.dir, silentLogger);
    bot = await startBotHarness({ desk });
  });

  afterAll(async () => {
    await bot.close();
    await corpus.remove();
  });

  const moveAway = async (ids: readonly string[]) => {
    for (const id of ids) await rename(join(corpus.dir, `${id}.md`), join(corpus.dir, '.elsewhere', `${id}.md`));
  };
  const bringBack = async (ids: readonly string[]) => {
    for (const id of ids) await rename(join(corpus.dir, '.elsewhere', `${id}.md`), join(corpus.dir, `${id}.md`));
  };

  it('lists thirty articles over pages, with the more button', async () => {
    const first = await bot.send(slashCommand('article', { subcommand: 'list' }, { locale: 'fr' }));
    expect(first.ephemeral).toBe(true);
    expect(messageText(first.message)).toContain('Articles du corpus (30)');
    const [more] = buttonIds(first.message);
    expect(more).toMatch(/^more:/u);
    const sent = bot.standIn.sendInteraction(buttonPress(more ?? '', first.sentMessage ?? {}, { locale: 'fr' }));
    const second = await answeredBy(bot.standIn, sent.token);
    const shown = messageText(first.message) + messageText(second.message);
    for (let index = 0; index < COUNT; index += 1) expect(shown).toContain(idOf(index));
    expect(bot.standIn.rejected()).toEqual([]);
  });

  it('refuses a reload removing most articles, and forces it when the asker presses "Reload anyway"', async () => {
    const gone = Array.from({ length: 20 }, (_, index) => idOf(index));
    await moveAway(gone);
    const serving = desk.index;
    const refused = await bot.command('reload', {}, moderator);
    expect(desk.index).toBe(serving);
    expect(messageText(refused.message)).toContain('Reload refused: it would remove 20 of the 30 articles');
    const buttons = buttonIds(refused.message);
    expect(buttons.filter((id) => id.startsWith('confirm:'))).toHaveLength(1);
    const components =
      (refused.message.components as { components: { label: string; custom_id: string }[] }[])[0]?.components ?? [];
    expect(components.map((component) => component.label)).toEqual(['Reload anyway', 'Cancel']);

    // Another moderator cannot press it for them.
    const confirmId = buttons.find((id) => id.startsWith('confirm:')) ?? '';
    const other = await answeredBy(
      bot.standIn,
      bot.standIn.sendInteraction(
        buttonPress(confirmId, refused.sentMessage ?? {}, { ...moderator, userId: '900000000000000066' }),
      ).token,
    );
    expect(other.message.content).toContain('Only the moderator who ran the command');
    expect(desk.index).toBe(serving);

    const forced = await answeredBy(
      bot.standIn,
      bot.standIn.sendInteraction(buttonPress(confirmId, refused.sentMessage ?? {}, moderator)).token,
    );
    const report = messageText(forced.message);
    expect(report).toContain('Corpus reloaded');
    expect(report).toContain('10 articles');
    expect(report).toContain('Removed (20)');
    expect(desk.index.articles).toHaveLength(10);

    const audit = (await readFile(join(corpus.dir, '.audit', 'audit.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(audit.slice(-2)).toMatchObject([
      { action: 'reload', result: 'refused' },
      { action: 'reload', result: 'ok', detail: expect.stringContaining('(forced)') },
    ]);
    await bringBack(gone);
    expect(bot.standIn.rejected()).toEqual([]);
  });

  it('takes force as a real boolean option', async () => {
    const back = await bot.command('reload', {}, moderator);
    expect(messageText(back.message)).toContain('Added (20)');
    const gone = Array.from({ length: 25 }, (_, index) => idOf(index));
    await moveAway(gone);
    const forced = await bot.send(
      slashCommand('reload', { options: [{ name: 'force', type: 5, value: true }] }, moderator),
    );
    expect(messageText(forced.message)).toContain('Removed (25)');
    expect(desk.index.articles).toHaveLength(5);
    await bringBack(gone);
    const notForced = await bot.send(
      slashCommand('reload', { options: [{ name: 'force', type: 5, value: false }] }, moderator),
    );
    expect(messageText(notForced.message)).toContain('Added (25)');
  });

  it('refuses a reload to zero articles with no button to force it', async () => {
    const all = Array.from({ length: COUNT }, (_, index) => idOf(index));
    await moveAway(all);
    const serving = desk.index;
    const refused = await bot.command('reload', {}, moderator);
    expect(messageText(refused.message)).toContain('Reload refused: the corpus folder now gives 0 articles');
    expect(buttonIds(refused.message)).toEqual([]);
    expect(desk.index).toBe(serving);
    await bringBack(all);
    expect(bot.standIn.rejected()).toEqual([]);
  });
});
