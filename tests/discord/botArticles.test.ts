/**
 * Moderators keep the corpus from Discord: /article add (an attached Markdown file, or a modal),
 * /article remove (to the corpus's .trash/), /article list, each change shown first and done only when
 * the moderator who asked presses the button, then reloaded and written to the audit log (and posted to
 * the audit channel). Everything goes through the real discord.js client against the stand-in.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/desk/auditLog.ts';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { silentLogger } from '../../src/logger.ts';
import { answeredBy, buttonIds, messageText, startBotHarness, type Answered, type BotHarness } from './botHarness.ts';
import {
  attachmentOption,
  buttonPress,
  MEMBER_ID,
  modalSubmit,
  PERMISSIONS,
  slashCommand,
  type Asker,
} from './standIn/interactionPayloads.ts';
import { articleFile, writeTempCorpus, type TempArticle, type TempCorpus } from './tempCorpus.ts';

const AUDIT_CHANNEL = '900000000000000077';
const MAX_FILE_BYTES = 8 * 1024;
const moderator: Asker = { locale: 'en-US', permissions: PERMISSIONS.manageGuild };
const member: Asker = { locale: 'en-US', permissions: PERMISSIONS.member, userId: '900000000000000055' };

const article = (id: string, outlet: string, sentence: string): TempArticle => ({
  id,
  title: `Incendie du marché couvert : ${sentence}`,
  outlet,
  published: '2021-03-02',
  body: `${sentence}\n\nJean Martin a remercié les pompiers de Lyon (${outlet}).`,
});

describe('Story Desk on Discord: /article', () => {
  let corpus: TempCorpus;
  let desk: StoryDesk;
  let bot: BotHarness;

  beforeAll(async () => {
    corpus = await writeTempCorpus([
      article('2021-03-02-le-progres', 'Le Progrès', 'Le feu a pris vers minuit dans la halle.'),
      article('2021-03-02-lyon-capitale', 'Lyon Capitale', 'Trois camions de pompiers sont arrivés en dix minutes.'),
      article('2021-03-02-rue89lyon', 'Rue89 Lyon', 'Les commerçants ont tout perdu dans les flammes.'),
    ]);
    desk = await StoryDesk.open(corpus.dir, silentLogger, { corpus: { maxFileBytes: MAX_FILE_BYTES } });
    bot = await startBotHarness({ desk, env: { AUDIT_CHANNEL_ID: AUDIT_CHANNEL } });
  });

  afterAll(async () => {
    await bot.close();
    await corpus.remove();
  });

  const files = async () => (await readdir(corpus.dir)).filter((name) => name.endsWith('.md')).sort();
  const auditEntries = async (): Promise<AuditEntry[]> =>
    (await readFile(join(corpus.dir, '.audit', 'audit.jsonl'), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as AuditEntry);

  function addWithFile(filename: string, text: string | Uint8Array, asker: Asker = moderator, size?: number) {
    const attachment = bot.standIn.addAttachment(filename, text, size === undefined ? {} : { size });
    return {
      attachment,
      answered: bot.send(
        slashCommand(
          'article',
          { subcommand: 'add', options: [attachmentOption('file', attachment)], attachments: [attachment] },
          asker,
        ),
      ),
    };
  }

  async function press(answered: Answered, label: 'confirm' | 'cancel', asker: Asker = moderator): Promise<Answered> {
    const customId = buttonIds(answered.message).find((id) => id.startsWith(`${label}:`));
    expect(customId).toBeDefined();
    const sent = bot.standIn.sendInteraction(buttonPress(customId ?? '', answered.sentMessage ?? {}, asker));
    return answeredBy(bot.standIn, sent.token);
  }

  it('adds an attached Markdown file after the moderator confirms, then reloads and audits it', async () => {
    const before = await files();
    const text = articleFile(
      article('2021-03-03-lyon-mag-bilan', 'Lyon Mag', 'Le bilan des dégâts dépasse deux millions d’euros.'),
    );
    const { answered: previewing } = addWithFile('2021-03-03-lyon-mag-bilan.md', text);
    const preview = await previewing;
    expect(preview.ephemeral).toBe(true);
    const shown = messageText(preview.message);
    expect(shown).toContain('Add this article?');
    expect(shown).toContain('Lyon Mag');
    expect(shown).toContain('2021-03-03-lyon-mag-bilan.md');
    expect(buttonIds(preview.message)).toHaveLength(2);
    // Nothing is written before the confirmation.
    expect(await files()).toEqual(before);
    expect(desk.index.articles).toHaveLength(3);

    const done = await press(preview, 'confirm');
    expect(done.requests.map((request) => request.kind)).toEqual(['interactionCallback', 'editOriginal']);
    expect((done.requests[0]?.body as { type: number }).type).toBe(6);
    const report = messageText(done.message);
    expect(report).toContain('Article added');
    expect(report).toContain('Added (1)');
    expect(buttonIds(done.message)).toEqual([]);
    expect(await files()).toEqual([...before, '2021-03-03-lyon-mag-bilan.md'].sort());
    expect(await readFile(join(corpus.dir, '2021-03-03-lyon-mag-bilan.md'), 'utf8')).toBe(text);
    expect(desk.index.articles.map((served) => served.id)).toContain('2021-03-03-lyon-mag-bilan');
    // No temporary file is left behind.
    expect((await readdir(corpus.dir)).filter((name) => name.startsWith('.incoming'))).toEqual([]);

    const entry = (await auditEntries()).at(-1);
    expect(entry).toMatchObject({
      action: 'add',
      target: '2021-03-03-lyon-mag-bilan.md',
      result: 'ok',
      actor: { id: MEMBER_ID, name: 'reader', via: 'discord' },
    });
    const posted = await bot.standIn.waitForRequest(
      (request) =>
        request.kind === 'channelMessage' &&
        String((request.body as { content?: string }).content).includes('lyon-mag-bilan'),
    );
    expect(posted.path).toBe(`/channels/${AUDIT_CHANNEL}/messages`);
    expect(posted.status).toBe(200);
    expect(bot.standIn.rejected()).toEqual([]);
  });

  it('refuses a broken file with its name and the reason, and writes nothing', async () => {
    const before = await files();
    const entries = (await auditEntries()).length;
    const future = articleFile({ ...article('x', 'Lyon Mag', 'Un texte daté de l’avenir.'), published: '2031-05-02' });
    const { answered } = addWithFile('2031-05-02-lyon-mag-avenir.md', future);
    const refused = await answered;
    expect(refused.ephemeral).toBe(true);
    expect(refused.message.content).toContain('Article refused, nothing was written');
    expect(refused.message.content).toContain('2031-05-02-lyon-mag-avenir.md: published: 2031-05-02 is in the future');
    expect(buttonIds(refused.message)).toEqual([]);

    const binary = addWithFile('binary.md', new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02]));
    expect((await binary.answered).message.content).toContain('binary.md: binary content');

    const copy = addWithFile(
      'same-text-again.md',
      articleFile({
        ...article('y', 'Autre Média', 'Le feu a pris vers minuit dans la halle.'),
        body: article('z', 'Le Progrès', 'Le feu a pris vers minuit dans la halle.').body,
      }),
    );
    expect((await copy.answered).message.content).toContain(
      'duplicate text: 2021-03-02-le-progres.md already has the same text',
    );

    const taken = addWithFile(
      '2021-03-02-le-progres.md',
      articleFile(article('q', 'Le Progrès', 'Un tout autre texte sur la halle.')),
    );
    expect((await taken.answered).message.content).toContain(
      'an article with the id "2021-03-02-le-progres" is already in the corpus',
    );

    // Over the size cap: refused from the size Discord gives, never downloaded.
    const big = addWithFile('big.md', 'x', moderator, MAX_FILE_BYTES + 1);
    expect((await big.answered).message.content).toContain('big.md: file too large');
    expect(
      bot.standIn.requests.some(
        (request) => request.kind === 'attachmentDownload' && request.path.includes(big.attachment.id),
      ),
    ).toBe(false);

    expect(await files()).toEqual(before);
    expect((await auditEntries()).length).toBe(entries);
    expect(bot.standIn.rejected()).toEqual([]);
  });

  it('asks for the article in a modal when no file is attached, and adds what the form gives', async () => {
    const asked = await bot.send(slashCommand('article', { subcommand: 'add' }, { ...moderator, locale: 'fr' }));
    const callback = asked.requests[0]?.body as {
      type: number;
      data: { custom_id: string; title: string; components: { label: string; component: { custom_id: string } }[] };
    };
    expect(callback.type).toBe(9);
    expect(callback.data.title).toBe('Ajouter un article');
    expect(callback.data.components.map((component) => component.component.custom_id)).toEqual([
      'title',
      'outlet',
      'published',
      'url',
      'body',
    ]);
    const preview = await bot.send(
      modalSubmit(
        callback.data.custom_id,
        {
          title: 'Le marché couvert rouvrira en juin',
          outlet: 'Le Petit Bulletin',
          published: '2021-03-08',
          url: 'https://www.petit-bulletin.fr/lyon/marche-couvert.html',
          body: 'Le marché couvert rouvrira en juin, a annoncé la mairie.\n\nLes travaux coûteront trois millions d’euros.',
        },
        { ...moderator, locale: 'fr' },
      ),
    );
    expect(preview.ephemeral).toBe(true);
    const shown = messageText(preview.message);
    expect(shown).toContain('Ajouter cet article ?');
    expect(shown).toContain('2021-03-08-le-petit-bulletin-marche-couvert-rouvrira-juin.md');
    expect(shown).toContain('2 paragraphes');
    const done = await press(preview, 'confirm', { ...moderator, locale: 'fr' });
    expect(messageText(done.message)).toContain('Article ajouté');
    const written = await readFile(
      join(corpus.dir, '2021-03-08-le-petit-bulletin-marche-couvert-rouvrira-juin.md'),
      'utf8',
    );
    expect(written).toMatch(
      /^---\ntitle: Le marché couvert rouvrira en juin\noutlet: Le Petit Bulletin\npublished: 2021-03-08\nurl: https:\/\/www\.petit-bulletin\.fr\/lyon\/marche-couvert\.html\nlanguage: fr\n---\n\nLe marché couvert rouvrira en juin/u,
    );
    const served = desk.index.articles.find((served) => served.outlet === 'Le Petit Bulletin');
    expect(served?.published.iso).toBe('2021-03-08');
    expect(bot.standIn.rejected()).toEqual([]);
  });

  it('removes an article to .trash/ after confirmation, with autocomplete over ids and titles', async () => {
    const suggested = await bot.send(
      slashCommand(
        'article',
        { type: 4, subcommand: 'remove', options: [{ name: 'id', type: 3, value: 'rue89', focused: true }] },
        moderator,
      ),
    );
    const choices = (suggested.message as { choices?: { name: string; value: string }[] }).choices ?? [];
    expect(choices.map((choice) => choice.value)).toEqual(['2021-03-02-rue89lyon']);
    expect(choices[0]?.name).toContain('Rue89 Lyon');

    const preview = await bot.send(
      slashCommand(
        'article',
        { subcommand: 'remove', options: [{ name: 'id', type: 3, value: '2021-03-02-rue89lyon' }] },
        moderator,
      ),
    );
    expect(messageText(preview.message)).toContain('Remove this article?');
    expect(await files()).toContain('2021-03-02-rue89lyon.md');

    const done = await press(preview, 'confirm');
    const report = messageText(done.message);
    expect(report).toContain('Article moved to the trash');
    expect(report).toContain('Removed (1)');
    expect(await files()).not.toContain('2021-03-02-rue89lyon.md');
    const [stamp] = await readdir(join(corpus.dir, '.trash'));
    expect(await readdir(join(corpus.dir, '.trash', stamp ?? ''))).toEqual(['2021-03-02-rue89lyon.md']);
    expect(desk.index.articles.map((served) => served.id)).not.toContain('2021-03-02-rue89lyon');
    expect((await auditEntries()).at(-1)).toMatchObject({
      action: 'remove',
      target: '2021-03-02-rue89lyon.md',
      result: 'ok',
    });
    expect(bot.standIn.rejected()).toEqual([]);
  });

  it('does nothing when the moderator cancels, and only the moderator who asked can press', async () => {
    const before = await files();
    const preview = await bot.send(
      slashCommand(
        'article',
        { subcommand: 'remove', options: [{ name: 'id', type: 3, value: '2021-03-02-le-progres' }] },
        moderator,
      ),
    );
    // Another moderator's press is refused, privately, and leaves the buttons working.
    const other = await press(preview, 'confirm', { ...moderator, userId: '900000000000000066' });
    expect(other.ephemeral).toBe(true);
    expect(other.message.content).toBe('Only the moderator who ran the command can confirm or cancel.');
    const customId = buttonIds(preview.message).find((id) => id.startsWith('cancel:')) ?? '';
    const sent = bot.standIn.sendInteraction(buttonPress(customId, preview.sentMessage ?? {}, moderator));
    const update = await bot.standIn.waitForRequest(
      (request) => request.token === sent.token && request.kind === 'interactionCallback',
    );
    expect(update.body).toMatchObject({ type: 7, data: { content: 'Cancelled: nothing changed.', components: [] } });
    // A second press of a used confirmation is told it has gone.
    const again = await press(preview, 'confirm');
    expect(again.message.content).toContain('expired');
    expect(await files()).toEqual(before);
    expect(bot.standIn.rejected()).toEqual([]);
  });

  it('refuses /article add and /article remove to members who are not moderators, but lists for them', async () => {
    const before = await files();
    const { answered, attachment } = addWithFile(
      '2021-03-09-lyon-mag.md',
      articleFile(article('2021-03-09-lyon-mag', 'Lyon Mag', 'Un article qu’un membre voudrait ajouter.')),
      member,
    );
    const refused = await answered;
    expect(refused.requests.map((request) => request.kind)).toEqual(['interactionCallback']);
    expect(refused.ephemeral).toBe(true);
    expect(refused.message.content).toBe(
      'This command is for moderators (Manage Server permission or a moderator role).',
    );
    expect(
      bot.standIn.requests.some(
        (request) => request.kind === 'attachmentDownload' && request.path.includes(attachment.id),
      ),
    ).toBe(false);
    const modal = await bot.send(slashCommand('article', { subcommand: 'add' }, member));
    expect((modal.requests[0]?.body as { type: number }).type).toBe(4);
    const submitted = await bot.send(
      modalSubmit('form:article.add', { title: 't', outlet: 'o', published: '2021', body: 'b' }, member),
    );
    expect(submitted.message.content).toContain('for moderators');
    const removal = await bot.send(
      slashCommand(
        'article',
        { subcommand: 'remove', options: [{ name: 'id', type: 3, value: '2021-03-02-le-progres' }] },
        member,
      ),
    );
    expect(removal.message.content).toContain('for moderators');
    expect(await files()).toEqual(before);

    const listed = await bot.send(slashCommand('article', { subcommand: 'list' }, member));
    const list = messageText(listed.message);
    expect(list).toContain('Corpus articles (');
    expect(list).toContain('2021-03-02-le-progres');
    expect(list).toContain('Le Progrès');
    expect(bot.standIn.rejected()).toEqual([]);
  });
});
