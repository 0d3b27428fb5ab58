import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticleFile } from '../../src/corpus/parseArticleFile.ts';
import { stripBoilerplate } from '../../src/corpus/stripBoilerplate.ts';
import { REAL_CORPUS, SEEDS, SEEDS_DIR } from './seedArticles.ts';

async function corpusBody(id: string): Promise<string> {
  const parsed = parseArticleFile(`${id}.md`, await readFile(join(REAL_CORPUS, `${id}.md`), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problem.reason);
  return parsed.article.body;
}

describe('stripBoilerplate on the seed articles', () => {
  it.each(SEEDS.map((seed) => [seed.file, seed] as const))('%s gives the corpus body', async (_file, seed) => {
    const stripped = stripBoilerplate(await readFile(join(SEEDS_DIR, seed.file), 'utf8'));
    expect(stripped.body).toBe(await corpusBody(seed.corpusId));
    expect(stripped.removed).toHaveLength(seed.removed.length);
    stripped.removed.forEach((piece, index) => expect(piece.startsWith(seed.removed[index] ?? '\0')).toBe(true));
  });

  // Independent of the stripping code: the raw lines, minus one line for each piece SOURCES.md lists.
  it.each(SEEDS.map((seed) => [seed.file, seed] as const))('%s: the corpus body is the raw text minus the listed boilerplate', async (_file, seed) => {
    const raw = await readFile(join(SEEDS_DIR, seed.file), 'utf8');
    const lines = raw.replace(/^ date 2017-12 /, '').split('\n').filter((line) => line !== '');
    for (const piece of seed.removed) {
      const index = lines.findIndex((line) => line.startsWith(piece));
      if (index >= 0) lines.splice(index, 1);
      else expect(piece).toBe('date 2017-12');
    }
    expect(await corpusBody(seed.corpusId)).toBe(lines.join('\n\n'));
  });

  it('keeps the typos and the typography of the text', async () => {
    const zone = stripBoilerplate(await readFile(join(SEEDS_DIR, '004_6509730318fb35d7.txt'), 'utf8'));
    expect(zone.body).toContain('décrit comme étant orignaire du Tadjikistan');
    expect(zone.body).toContain('«\u00a0coups de pouce\u00a0»');
  });

  it('turns the credits of 003 into metadata', async () => {
    const stripped = stripBoilerplate(await readFile(join(SEEDS_DIR, '003_087706d855a4c345.txt'), 'utf8'));
    expect([stripped.origin, stripped.translator]).toEqual(['TASS', 'MIRASTNEWS']);
    expect(stripped.headline).toBe('Le Kremlin pointe sur un avertissement de la terreur de la CIA comme un brillant exemple de\u00a0coopération');
  });

  it('reads the collection date of 000 and finds no headline', async () => {
    const stripped = stripBoilerplate(await readFile(join(SEEDS_DIR, '000_957117c1ec966157.txt'), 'utf8'));
    expect(stripped.collectedDate).toBe('2017-12');
    expect(stripped.headline).toBeNull();
    expect(stripped.body.startsWith('MOSCOU — Le président de la Russie')).toBe(true);
  });

  it('gives each line of 002 its own paragraph', async () => {
    const raw = await readFile(join(SEEDS_DIR, '002_33a7543e5224e7c1.txt'), 'utf8');
    expect(stripBoilerplate(raw).body).toBe(raw.trim().split('\n').join('\n\n'));
  });
});

describe('stripBoilerplate on new articles', () => {
  const body = (raw: string) => stripBoilerplate(raw).body;

  it.each([
    ['a section label, any accents and case', 'À la une\n\nTitre\n\nTexte.', 'Titre\n\nTexte.'],
    ['a collection date to the day', 'date 2019-12-30 Texte.', 'Texte.'],
    ['a repeated headline', 'Titre\nTitre\nTexte.', 'Titre\n\nTexte.'],
    ['a repeated sentence is not a headline', 'Il a parlé.\n\nIl a parlé.', 'Il a parlé.\n\nIl a parlé.'],
    ['a photo credit', 'Titre\n\n© AFP/Jean Dupont\n\nTexte.', 'Titre\n\nTexte.'],
    ['a photo label', 'Texte.\n\nPhoto : Reuters\n\nSuite.', 'Texte.\n\nSuite.'],
    ['comment prompts at the end', 'Texte.\n\nLaisser une réponse\n\n*\n\nLaisser un commentaire', 'Texte.'],
    ['the Akismet notice', 'Texte.\n\nCe site utilise Akismet pour réduire les indésirables.', 'Texte.'],
    ['a CNIL notice with a curly apostrophe', 'Texte.\n\nConformément à l’article 38 de la loi n° 78-17 du 6 janvier 1978, vous disposez…', 'Texte.'],
    ['CRLF and blank lines with spaces', 'Un.\r\n  \r\nDeux.\r\n', 'Un.\n\nDeux.'],
    ['a "Source :" line inside the text stays', 'Texte.\n\nSource : le Kremlin, selon qui tout va bien.\n\nSuite.', 'Texte.\n\nSource : le Kremlin, selon qui tout va bien.\n\nSuite.'],
    ['a lone star inside the text stays', 'Un.\n\n*\n\nDeux.', 'Un.\n\n*\n\nDeux.'],
    ['a caption ending with a credit', 'Titre\n\nPoutine au Kremlin, le 14 décembre. © Alexei Nikolsky / AFP\n\nTexte.', 'Titre\n\nTexte.'],
    ['a "(Crédits : …)" caption', 'Titre\n\nPoutine et Trump à Da Nang. (Crédits : Jorge Silva/Reuters)\n\nTexte.', 'Titre\n\nTexte.'],
    ['a credit run into a long paragraph', `Titre\n\n${'Texte long. '.repeat(30)}(Crédits : Reuters)`, `Titre\n\n${'Texte long. '.repeat(30).trimEnd()}`],
    ['"Crédit photo :" and "Getty Images" lines', 'Titre\n\nCrédit photo : Reuters\n\nTexte.\n\nGetty Images', 'Titre\n\nTexte.'],
    ['share buttons', 'Titre\n\nPartager sur Facebook\n\nFacebook Twitter E-mail\n\nTexte.', 'Titre\n\nTexte.'],
    ['a byline and a date line', 'Titre\n\nPar Jean Dupont\n\nPublié le 18/12/2017 à 03:40\n\nTexte.', 'Titre\n\nTexte.'],
    ['related links', 'Titre\n\nLire aussi : Autre article\n\nTexte.\n\nRead more: Another story', 'Titre\n\nTexte.'],
    ['a paywall notice', 'Titre\n\nTexte.\n\nIl vous reste 60 % de cet article à lire.', 'Titre\n\nTexte.'],
    ['a web address alone on its line', 'Titre\n\nhttps://example.org/a\n\nTexte.', 'Titre\n\nTexte.'],
    ['a press-database header', 'reuters.com | | 316 mots\n\nTitre\n\nTexte.', 'Titre\n\nTexte.'],
    ['a breadcrumb at the top', 'Accueil > Monde > Europe\n\nTitre\n\nTexte.', 'Titre\n\nTexte.'],
    ['an agency slug on the last line', 'Titre\n\nTexte.\n\nXinhua/VNA/CVN', 'Titre\n\nTexte.'],
    ['an agency slug after the last sentence', 'Titre\n\nTexte. Xinhua/VNA/CVN', 'Titre\n\nTexte.'],
    ['"… selon Reuters" stays', 'Titre\n\nPoutine a remercié Trump, selon Reuters', 'Titre\n\nPoutine a remercié Trump, selon Reuters'],
    ['"Laisser un commentaire" inside the text stays', 'Laisser un commentaire\n\nTexte.', 'Laisser un commentaire\n\nTexte.'],
  ])('%s', (_case, raw, expected) => expect(body(raw)).toBe(expected));

  it('reads trailing credits into origin and translator, in either order', () => {
    const stripped = stripBoilerplate('Texte.\n\nSource : AFP\n\nTraduction : Le Témoin');
    expect([stripped.body, stripped.origin, stripped.translator]).toEqual(['Texte.', 'AFP', 'Le Témoin']);
  });

  it('says why a short first line was not taken for the headline', () => {
    const stripped = stripBoilerplate('Poutine au Kremlin, le 14 décembre 2017\n\nTexte.');
    expect([stripped.headline, stripped.headlineProblem]).toEqual([null, 'the first line ("Poutine au Kremlin, le 14 décembre 2017") ends with a date, as a photo caption does']);
  });

  it('reads the date of the first date line, and names the paywall notice', () => {
    const stripped = stripBoilerplate('Titre\n\nMis à jour le 19/12/2017\n\nPublié le 18 décembre 2017\n\nTexte.\n\nSubscribe to read the full story');
    expect([stripped.pageDate, stripped.paywallNotice]).toEqual(['2017-12-18', 'Subscribe to read the full story']);
  });

  it('takes a short first line without a full stop as the headline', () => {
    expect(stripBoilerplate('Un titre\n\nTexte.').headline).toBe('Un titre');
    expect(stripBoilerplate('Une phrase.\n\nTexte.').headline).toBeNull();
    expect(stripBoilerplate(`${'long '.repeat(60)}\n\nTexte.`).headline).toBeNull();
  });
});
