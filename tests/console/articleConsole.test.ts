/**
 * The console's corpus operations: `/add FILE` and `/remove ID` show the change and ask "yes/no" (or
 * take a trailing `force`), then write or move the file, reload and audit; the same desk functions serve
 * Discord. A refused reload asks whether to reload anyway.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/answer/types.ts';
import { runConsole } from '../../src/console/runConsole.ts';
import { AuditLog, type AuditEntry } from '../../src/desk/auditLog.ts';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { silentLogger } from '../../src/logger.ts';
import { articleFile, writeTempCorpus, type TempArticle, type TempCorpus } from '../discord/tempCorpus.ts';

const article = (id: string, outlet: string, sentence: string): TempArticle => ({
  id,
  title: `Incendie du marché : ${sentence}`,
  outlet,
  published: '2021-03-02',
  body: `${sentence}\n\nJean Martin a remercié les pompiers (${outlet}).`,
});

let corpus: TempCorpus;
let incoming: TempCorpus;
let desk: StoryDesk;

beforeEach(async () => {
  corpus = await writeTempCorpus([
    article('2021-03-02-le-progres', 'Le Progrès', 'Le feu a pris vers minuit.'),
    article('2021-03-02-lyon-capitale', 'Lyon Capitale', 'Trois camions sont arrivés.'),
    article('2021-03-02-rue89lyon', 'Rue89 Lyon', 'Les commerçants ont tout perdu.'),
  ]);
  incoming = await writeTempCorpus([]);
  desk = await StoryDesk.open(corpus.dir, silentLogger);
});

afterEach(async () => {
  await corpus.remove();
  await incoming.remove();
});

async function session(lines: readonly string[], locale: Locale = 'en'): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => (printed += String(chunk)));
  const done = runConsole({
    desk,
    input,
    output,
    locale,
    logger: silentLogger,
    actor: { id: 'console', name: 'tester', via: 'console' },
    cwd: incoming.dir,
  });
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await done;
  return printed;
}

const articleFiles = async () => (await readdir(corpus.dir)).filter((name) => name.endsWith('.md')).sort();
const audit = async (): Promise<AuditEntry[]> =>
  (await readFile(join(corpus.dir, '.audit', 'audit.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as AuditEntry);

describe('console /add and /remove', () => {
  it('shows a file given to /add, writes it on "yes", reloads and audits', async () => {
    const text = articleFile(article('2021-03-03-lyon-mag', 'Lyon Mag', 'Le bilan dépasse deux millions.'));
    await writeFile(join(incoming.dir, '2021-03-03-lyon-mag.md'), text);
    const printed = await session(['/add 2021-03-03-lyon-mag.md', 'yes', '/article list']);
    expect(printed).toContain('Article to add:');
    expect(printed).toContain('Write 2021-03-03-lyon-mag.md into the corpus and reload? (yes/no)');
    expect(printed).toContain('Article added: 2021-03-03-lyon-mag.md');
    expect(printed).toMatch(/Corpus reloaded: 4 articles/u);
    expect(printed).toContain('  Added: 2021-03-03-lyon-mag');
    expect(printed).toMatch(/4 articles:\n(?:.*\n)*\s+2021-03-03-lyon-mag\s+Lyon Mag, 2021-03-02/u);
    expect(await readFile(join(corpus.dir, '2021-03-03-lyon-mag.md'), 'utf8')).toBe(text);
    expect((await audit()).at(-1)).toMatchObject({
      action: 'add',
      target: '2021-03-03-lyon-mag.md',
      result: 'ok',
      actor: { id: 'console', name: 'tester', via: 'console' },
    });
  });

  it('writes at once with a trailing force word, and in French with /ajouter', async () => {
    await writeFile(join(incoming.dir, 'a.md'), articleFile(article('a', 'Lyon Mag', 'Un premier texte nouveau.')));
    await mkdir(join(incoming.dir, 'sub dir'));
    await writeFile(
      join(incoming.dir, 'sub dir', '2021-03-04-tribune.md'),
      articleFile(article('b', 'Tribune de Lyon', 'Un second texte nouveau.')),
    );
    const printed = await session(['/add a.md force', '/ajouter sub dir/2021-03-04-tribune.md forcer'], 'fr');
    expect(printed).toContain('Article ajouté : a.md');
    expect(printed).toContain('Article ajouté : 2021-03-04-tribune.md');
    expect(printed).not.toContain('(oui/non)');
    expect(await articleFiles()).toEqual(
      [
        '2021-03-02-le-progres.md',
        '2021-03-02-lyon-capitale.md',
        '2021-03-02-rue89lyon.md',
        '2021-03-04-tribune.md',
        'a.md',
      ].sort(),
    );
  });

  it('refuses a broken or missing file with its name and reason, and writes nothing', async () => {
    await writeFile(
      join(incoming.dir, 'future.md'),
      articleFile({ ...article('f', 'Lyon Mag', 'Daté de l’avenir.'), published: '2031-05-02' }),
    );
    await writeFile(join(incoming.dir, 'bell.md'), `${articleFile(article('g', 'Lyon Mag', 'Une cloche.'))}\u0007\n`);
    await writeFile(
      join(incoming.dir, '2021-03-02-le-progres.md'),
      articleFile(article('h', 'Le Progrès', 'Un autre texte.')),
    );
    const printed = await session([
      '/add future.md',
      '/add bell.md',
      '/add nowhere.md',
      '/add 2021-03-02-le-progres.md force',
      '/add',
    ]);
    expect(printed).toContain(
      'Article refused, nothing was written:\nfuture.md: published: 2031-05-02 is in the future',
    );
    expect(printed).toContain('bell.md: control character U+0007 on line');
    expect(printed).toMatch(/nowhere\.md: could not read the file: .*ENOENT/u);
    expect(printed).toContain('an article with the id "2021-03-02-le-progres" is already in the corpus');
    expect(printed).toContain('Give the article’s file');
    expect(printed).not.toContain('(yes/no)');
    expect(await articleFiles()).toEqual([
      '2021-03-02-le-progres.md',
      '2021-03-02-lyon-capitale.md',
      '2021-03-02-rue89lyon.md',
    ]);
  });

  it('moves a removed article to .trash/ on "yes", and keeps it on "no"', async () => {
    const printed = await session(['/remove 2021-03-02-rue89lyon', 'no', '/article remove 2021-03-02-rue89lyon', 'y']);
    expect(printed).toContain('Article to remove:');
    expect(printed).toContain('Cancelled: nothing changed.');
    expect(printed).toMatch(
      /Article removed: 2021-03-02-rue89lyon\.md is in \.trash\/[^/]+\/2021-03-02-rue89lyon\.md/u,
    );
    expect(printed).toContain('  Removed: 2021-03-02-rue89lyon');
    expect(await articleFiles()).toEqual(['2021-03-02-le-progres.md', '2021-03-02-lyon-capitale.md']);
    const [stamp] = await readdir(join(corpus.dir, '.trash'));
    expect(await readdir(join(corpus.dir, '.trash', stamp ?? ''))).toEqual(['2021-03-02-rue89lyon.md']);
    expect(desk.index.articles.map((served) => served.id)).not.toContain('2021-03-02-rue89lyon');
    expect((await audit()).map((entry) => [entry.action, entry.result])).toEqual([['remove', 'ok']]);
  });

  it('will not remove the last article, nor an unknown one', async () => {
    const printed = await session([
      '/remove 2021-03-02-rue89lyon force',
      '/remove 2021-03-02-lyon-capitale force',
      '/remove 2021-03-02-le-progres force',
      '/remove nothing-like-this',
    ]);
    expect(printed).toContain('"2021-03-02-le-progres" is the last article in the corpus');
    expect(printed).toContain('No article has the id "nothing-like-this"');
    expect(await articleFiles()).toEqual(['2021-03-02-le-progres.md']);
    expect((await audit()).map((entry) => entry.result)).toEqual(['ok', 'ok', 'refused']);
  });

  it('asks whether to reload anyway when a reload would remove most articles', async () => {
    await mkdir(join(corpus.dir, '.kept'));
    for (const id of ['2021-03-02-le-progres', '2021-03-02-lyon-capitale'])
      await rename(join(corpus.dir, `${id}.md`), join(corpus.dir, '.kept', `${id}.md`));
    const printed = await session(['/reload', 'yes']);
    expect(printed).toContain('Reload refused: it would remove 2 of the 3 articles');
    expect(printed).toContain('Reload anyway, removing 2 articles? (yes/no)');
    expect(printed).toMatch(/Corpus reloaded: 1 articles/u);
    expect(desk.index.articles).toHaveLength(1);
    expect((await audit()).map((entry) => [entry.action, entry.result])).toEqual([
      ['reload', 'refused'],
      ['reload', 'ok'],
    ]);
  });

  it('writes the audit log where it is told to', async () => {
    const file = join(incoming.dir, 'logs', 'corpus-audit.jsonl');
    const input = new PassThrough();
    const done = runConsole({
      desk,
      input,
      output: new PassThrough(),
      locale: 'en',
      logger: silentLogger,
      audit: new AuditLog({ file }),
    });
    input.end('/reload\n');
    await done;
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ action: 'reload', result: 'ok', target: null });
  });
});
