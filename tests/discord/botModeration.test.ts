/**
 * /reload is for moderators: Manage Server, or a role named in MODERATOR_ROLE_IDS. Anyone else gets a
 * refusal only they see, and the corpus is not reloaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { silentLogger } from '../../src/logger.ts';
import { messageText, startBotHarness, type BotHarness } from './botHarness.ts';
import { PERMISSIONS } from './standIn/interactionPayloads.ts';
import { thanksArticle as article, writeTempCorpus, type TempCorpus } from './tempCorpus.ts';

const MODERATOR_ROLE = '900000000000000099';
const OTHER_ROLE = '900000000000000098';

describe('Story Desk on Discord: /reload', () => {
  let corpus: TempCorpus;
  let desk: StoryDesk;
  let bot: BotHarness;

  beforeAll(async () => {
    corpus = await writeTempCorpus([article('2021-03-02-le-progres', 'Le Progrès')]);
    desk = await StoryDesk.open(corpus.dir, silentLogger);
    bot = await startBotHarness({ desk, env: { MODERATOR_ROLE_IDS: MODERATOR_ROLE } });
  });

  afterAll(async () => {
    await bot.close();
    await corpus.remove();
  });

  it.each([
    ['no permission and no role', { permissions: PERMISSIONS.member, roles: [] }],
    ['a role that is not a moderator role', { permissions: PERMISSIONS.member, roles: [OTHER_ROLE] }],
  ])('refuses a member with %s, privately, and does not reload', async (_name, asker) => {
    await corpus.addArticle(article(`2021-03-03-refused-${asker.roles.length}`, 'Lyon Capitale'));
    const serving = desk.index;
    const answered = await bot.command('reload', {}, { locale: 'fr', ...asker });
    expect(answered.requests.map((request) => request.kind)).toEqual(['interactionCallback']);
    expect(answered.ephemeral).toBe(true);
    expect(answered.message.content).toBe(
      'Cette commande est réservée aux modérateurs (permission « Gérer le serveur » ou rôle de modération).',
    );
    expect(answered.message.allowed_mentions).toEqual({ parse: [] });
    expect(desk.index).toBe(serving);
  });

  it('reloads for a member with Manage Server, and tells only them', async () => {
    const serving = desk.index;
    const answered = await bot.command('reload', {}, { locale: 'en-US', permissions: PERMISSIONS.manageGuild });
    expect(answered.ephemeral).toBe(true);
    expect(desk.index).not.toBe(serving);
    const text = messageText(answered.message);
    expect(text).toContain('Corpus reloaded');
    expect(text).toContain('3 articles');
    expect(text).toContain('Added (2)');
  });

  it('reloads for a member with a configured moderator role', async () => {
    await corpus.addArticle(article('2021-03-04-rue89lyon', 'Rue89 Lyon'));
    const serving = desk.index;
    const answered = await bot.command(
      'reload',
      {},
      { locale: 'fr', permissions: PERMISSIONS.member, roles: [OTHER_ROLE, MODERATOR_ROLE] },
    );
    expect(answered.ephemeral).toBe(true);
    expect(desk.index).not.toBe(serving);
    expect(messageText(answered.message)).toContain('Corpus rechargé');
    expect(messageText(answered.message)).toContain('Ajoutés (1)');
    expect(bot.standIn.rejected()).toEqual([]);
  });
});
