import { describe, expect, it } from 'vitest';
import type { Answer, AnswerItem, Citation } from '../../src/answer/types.ts';
import type { ReloadReport } from '../../src/desk/commandTypes.ts';
import { renderReply, type RenderedPage } from '../../src/discord/renderReply.ts';
import { randomHighlights, randomInt, randomQuote, seededRandom } from './randomText.ts';
import { messageErrors } from './standIn/formErrors.ts';

function citation(overrides: Partial<Citation> = {}): Citation {
  return {
    articleId: '2017-12-18-sputnik-peskov',
    outlet: 'Sputnik France',
    published: '2017-12-18',
    url: 'https://fr.sputniknews.africa/20171218/attentat.html',
    quote: 'Grâce à une information de la CIA, les forces de l’ordre russes ont pu arrêter des terroristes.',
    title: 'Attentat déjoué à Saint-Pétersbourg',
    highlights: [{ start: 30, end: 33 }],
    alsoCarriedBy: [],
    cut: { before: false, after: false },
    ...overrides,
  };
}

function answerOf(answers: AnswerItem[], overrides: Partial<Answer> = {}): Answer {
  return { command: 'who', query: 'Qui a prévenu la Russie ?', answers, passages: [], notes: [], ...overrides };
}

/** The page as Discord would receive it from the dispatcher, which adds allowed_mentions. */
const asSent = (page: RenderedPage) => ({ ...page, allowed_mentions: { parse: [] } });

describe('renderReply: answers', () => {
  it('puts the answer first, then one field per citation, with a support footer (English)', () => {
    const rendered = renderReply(
      {
        kind: 'answer',
        answer: answerOf([{ value: 'CIA', label: 'CIA', support: [citation({ alsoCarriedBy: ['Zone Militaire'] })] }]),
      },
      'en',
    );
    expect(rendered.ephemeral).toBe(false);
    expect(rendered.pages).toHaveLength(1);
    const embed = rendered.pages[0]?.embeds[0];
    expect(embed?.title).toBe('/who Qui a prévenu la Russie ?');
    expect(embed?.description).toBe('**CIA** — according to Sputnik France');
    expect(embed?.fields).toEqual([
      {
        name: 'Sputnik France — 18 December 2017',
        value:
          '> Grâce à une information de la **CIA**, les forces de l’ordre russes ont pu arrêter des terroristes.\n' +
          '[Attentat déjoué à Saint-Pétersbourg](https://fr.sputniknews.africa/20171218/attentat.html)\n' +
          '*Also carried by Zone Militaire*',
      },
    ]);
    expect(embed?.footer?.text).toBe('1 outlet · 1 article');
  });

  it('speaks French to a French reader, dates included', () => {
    const rendered = renderReply(
      {
        kind: 'answer',
        answer: answerOf([
          {
            value: 'CIA',
            label: 'CIA',
            support: [
              citation({ alsoCarriedBy: ['Zone Militaire', 'Métro'] }),
              citation({ outlet: 'Métro', articleId: 'metro', published: '2017-12', url: null }),
            ],
          },
        ]),
      },
      'fr',
    );
    const embed = rendered.pages[0]?.embeds[0];
    expect(embed?.description).toBe('**CIA** — selon Sputnik France et Métro');
    expect(embed?.fields?.map((field) => field.name)).toEqual([
      'Sputnik France — 18 décembre 2017',
      'Métro — décembre 2017',
    ]);
    expect(embed?.fields?.[0]?.value).toContain('*Repris aussi par Zone Militaire et Métro*');
    // No link without a URL: the title alone.
    expect(embed?.fields?.[1]?.value.endsWith('\nAttentat déjoué à Saint-Pétersbourg')).toBe(true);
    expect(embed?.footer?.text).toBe('2 médias · 2 articles');
  });

  it('numbers several answers and prefixes each citation with its answer', () => {
    const rendered = renderReply(
      {
        kind: 'answer',
        answer: answerOf(
          [
            { value: '2017-12-17', label: 'dimanche 17 décembre 2017', support: [citation()] },
            {
              value: '2017-12-14',
              label: 'jeudi 14 décembre 2017',
              support: [citation({ outlet: 'Métro', articleId: 'metro' })],
            },
          ],
          { command: 'when', notes: ['Les médias ne sont pas d’accord.'] },
        ),
      },
      'fr',
    );
    const embed = rendered.pages[0]?.embeds[0];
    expect(embed?.description).toBe(
      '1. **dimanche 17 décembre 2017** — selon Sputnik France\n2. **jeudi 14 décembre 2017** — selon Métro\n\nℹ️ Les médias ne sont pas d’accord.',
    );
    expect(embed?.fields?.map((field) => field.name)).toEqual([
      '1 · Sputnik France — 18 décembre 2017',
      '2 · Métro — 18 décembre 2017',
    ]);
  });

  it.each([
    ['en', 'Nothing in the articles answers this question.'],
    ['fr', 'Rien dans les articles ne répond à cette question.'],
  ] as const)('says when nothing answers (%s)', (locale, expected) => {
    const embed = renderReply({ kind: 'answer', answer: answerOf([]) }, locale).pages[0]?.embeds[0];
    expect(embed?.description).toBe(expected);
    expect(embed?.fields).toBeUndefined();
  });

  it('lets the engine’s notes explain an empty answer, and shows the closest passages', () => {
    const answer = answerOf([], {
      notes: ['Rien dans le corpus ne répond à cette question.'],
      passages: [
        {
          articleId: 'a',
          outlet: 'Métro',
          title: 'Titre',
          published: '2017-12',
          url: null,
          text: 'Un passage proche.',
          score: 1,
        },
      ],
    });
    const embed = renderReply({ kind: 'answer', answer }, 'fr').pages[0]?.embeds[0];
    expect(embed?.description).toBe('ℹ️ Rien dans le corpus ne répond à cette question.');
    expect(embed?.fields).toEqual([{ name: 'Métro — décembre 2017', value: '> Un passage proche.\nTitre' }]);
    expect(embed?.footer?.text).toBe('Passages les plus proches');
  });

  it('escapes Markdown and mass mentions everywhere it shows corpus text', () => {
    const quote = '@everyone **gras** _souligné_ ~~barré~~ `code`';
    const answer = answerOf([
      {
        value: '*Bob*',
        label: '*Bob*',
        support: [citation({ outlet: 'Le_Média', quote, highlights: [], title: '[titre]' })],
      },
    ]);
    const embed = renderReply({ kind: 'answer', answer }, 'en').pages[0]?.embeds[0];
    expect(embed?.description).toBe('**\\*Bob\\*** — according to Le\\_Média');
    expect(embed?.fields?.[0]?.name).toBe('Le\\_Média — 18 December 2017');
    expect(embed?.fields?.[0]?.value).toBe(
      '> @\u200Beveryone \\*\\*gras\\*\\* \\_souligné\\_ \\~\\~barré\\~\\~ \\`code\\`\n[\\[titre\\]](https://fr.sputniknews.africa/20171218/attentat.html)',
    );
  });

  it('splits many long citations over pages, each within every limit, none lost', () => {
    const long = `${'Le Kremlin a remercié la CIA pour son information. '.repeat(30)}Fin.`;
    const support = Array.from({ length: 30 }, (_, index) =>
      citation({
        outlet: `Média numéro ${index + 1}`,
        articleId: `article-${index}`,
        quote: long,
        highlights: [{ start: 3, end: 10 }],
      }),
    );
    const rendered = renderReply(
      { kind: 'answer', answer: answerOf([{ value: 'Kremlin', label: 'Kremlin', support }]) },
      'en',
    );
    expect(rendered.pages.length).toBeGreaterThan(1);
    for (const page of rendered.pages) expect(messageErrors(asSent(page))).toEqual([]);
    const names = rendered.pages.flatMap((page) =>
      page.embeds.flatMap((embed) => embed.fields ?? []).map((field) => field.name),
    );
    expect(names).toEqual(support.map((c) => `${c.outlet} — 18 December 2017`));
    const pages = rendered.pages.length;
    rendered.pages.forEach((page, index) => {
      const embed = page.embeds[0];
      expect(embed?.title).toBe('/who Qui a prévenu la Russie ?');
      expect(embed?.footer?.text).toBe(`30 outlets · 30 articles · page ${index + 1}/${pages}`);
      expect(embed?.description === undefined).toBe(index > 0);
    });
  });
});

describe('renderReply: the other replies', () => {
  it('shows a refusal to the asker only, escaped and within 2000 characters', () => {
    const rendered = renderReply(
      { kind: 'refusal', message: `La question est vide. ${'**très** '.repeat(400)}` },
      'fr',
    );
    expect(rendered.ephemeral).toBe(true);
    const content = rendered.pages[0]?.content ?? '';
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content.startsWith('La question est vide. \\*\\*très\\*\\*')).toBe(true);
    expect(content.endsWith('…')).toBe(true);
  });

  it('lists the commands for /help, privately', () => {
    const rendered = renderReply(
      { kind: 'help', entries: [{ name: 'who', description: 'Qui ?', example: '/who Qui a remercié Trump ?' }] },
      'fr',
    );
    expect(rendered.ephemeral).toBe(true);
    expect(rendered.pages[0]?.embeds[0]).toMatchObject({
      title: 'Commandes',
      fields: [{ name: '/who', value: 'Qui ?\nExemple : `/who Qui a remercié Trump ?`' }],
    });
  });

  const report: ReloadReport = {
    ok: true,
    failure: null,
    added: Array.from({ length: 300 }, (_, index) => `2017-12-18-article-${index}`),
    removed: [],
    changed: ['2017-12-metro'],
    rejected: [{ path: 'bad.md', reason: 'the front matter has no outlet' }],
    articleCount: 305,
    passageCount: 2000,
  };

  it('reports a reload privately, long lists cut with a count of what is left out', () => {
    const rendered = renderReply({ kind: 'reload', report }, 'en');
    expect(rendered.ephemeral).toBe(true);
    const embed = rendered.pages[0]?.embeds[0];
    expect(embed?.title).toBe('Corpus reloaded');
    expect(embed?.description).toBe('305 articles, 2000 passages.');
    expect(embed?.fields?.map((field) => field.name)).toEqual(['Added (300)', 'Changed (1)', 'Rejected (1)']);
    expect(embed?.fields?.[0]?.value).toMatch(/\n… and \d+ more$/u);
    expect(embed?.fields?.[2]?.value).toBe('• bad.md — the front matter has no outlet');
    for (const page of rendered.pages) expect(messageErrors(asSent(page))).toEqual([]);
  });

  it('says a failed reload kept the previous corpus', () => {
    const failed: ReloadReport = {
      ...report,
      ok: false,
      failure: 'ENOENT: corpus/',
      added: [],
      changed: [],
      rejected: [],
    };
    const embed = renderReply({ kind: 'reload', report: failed }, 'fr').pages[0]?.embeds[0];
    expect(embed?.title).toBe('Échec du rechargement : le corpus précédent reste en service');
    expect(embed?.description).toBe('ENOENT: corpus/\n305 articles, 2000 passages.');
  });
});

describe('renderReply: property', () => {
  // Sixty large random answers: seconds on a busy machine.
  it('random answers never break a Discord limit and keep every citation', { timeout: 30_000 }, () => {
    const random = seededRandom(29122019);
    for (let run = 0; run < 60; run += 1) {
      const items: AnswerItem[] = Array.from({ length: randomInt(random, 0, 5) }, () => ({
        value: randomQuote(random, randomInt(random, 1, 80)),
        label: randomQuote(random, randomInt(random, 1, 80)),
        support: Array.from({ length: randomInt(random, 0, 40) }, (_, index) => {
          const quote = randomQuote(random, randomInt(random, 1, 500));
          return citation({
            articleId: `a${index}`,
            outlet: randomQuote(random, randomInt(random, 1, 60)),
            title: randomQuote(random, randomInt(random, 0, 80)),
            url: random() < 0.3 ? null : `https://example.org/${'x'.repeat(randomInt(random, 1, 700))}`,
            quote,
            highlights: randomHighlights(random, quote),
            alsoCarriedBy: Array.from({ length: randomInt(random, 0, 30) }, () => randomQuote(random, 3)),
          });
        }),
      }));
      const answer = answerOf(items, {
        query: randomQuote(random, randomInt(random, 1, 120)),
        notes: Array.from({ length: randomInt(random, 0, 8) }, () => randomQuote(random, randomInt(random, 1, 400))),
      });
      const rendered = renderReply({ kind: 'answer', answer }, random() < 0.5 ? 'fr' : 'en');
      for (const page of rendered.pages) expect(messageErrors(asSent(page))).toEqual([]);
      const fields = rendered.pages.flatMap((page) => page.embeds.flatMap((embed) => embed.fields ?? []));
      expect(fields).toHaveLength(items.reduce((sum, item) => sum + item.support.length, 0));
    }
  });
});

describe('renderReply: corpus changes', () => {
  const report = (overrides: Partial<ReloadReport> = {}): ReloadReport => ({
    ok: true,
    failure: null,
    added: ['2021-03-03-lyon-mag'],
    removed: [],
    changed: [],
    rejected: [],
    warnings: [
      { path: 'old.md', reason: 'encoding: the file was saved as Latin-1 / Windows-1252…', severity: 'warning' },
    ],
    articleCount: 4,
    passageCount: 9,
    ...overrides,
  });
  const text = (page: RenderedPage | undefined) => JSON.stringify(page?.embeds ?? []) + (page?.content ?? '');

  it('lists the files loaded with a warning in a reload report', () => {
    const [page] = renderReply({ kind: 'reload', report: report() }, 'en').pages;
    expect(text(page)).toContain('Loaded with a warning (1)');
    expect(text(page)).toContain('old.md — encoding');
  });

  it('keeps a preview with long fields and many warnings within Discord’s limits', () => {
    const random = seededRandom(11);
    const preview = {
      action: 'add' as const,
      id: 'x'.repeat(90),
      path: `${'x'.repeat(90)}.md`,
      title: randomQuote(random, 300),
      outlet: randomQuote(random, 100),
      published: '2021-03-03',
      url: `https://example.org/${'y'.repeat(480)}`,
      language: 'fr',
      origin: randomQuote(random, 100),
      paragraphs: 12,
      characters: 4000,
      opening: randomQuote(random, 300),
      warnings: Array.from({ length: 30 }, () => randomQuote(random, 400)),
      source: randomQuote(random, 200),
    };
    const confirmation = {
      label: 'Add',
      cancelLabel: 'Cancel',
      prompt: '?',
      run: async () => ({ kind: 'refusal' as const, message: '' }),
    };
    const rendered = renderReply({ kind: 'articlePreview', preview, confirmation }, 'fr');
    expect(rendered.ephemeral).toBe(true);
    for (const page of rendered.pages) expect(messageErrors(asSent(page))).toEqual([]);
  });

  it('pages a list of two hundred articles, every one shown once', () => {
    const articles = Array.from({ length: 200 }, (_, index) => ({
      id: `2021-03-01-article-${index}`,
      title: `Titre numéro ${index} ${'mot '.repeat(index % 50)}`,
      outlet: `Média ${index}`,
      published: '2021-03-01',
      path: `2021-03-01-article-${index}.md`,
    }));
    const rendered = renderReply({ kind: 'articleList', articles }, 'en');
    expect(rendered.pages.length).toBeGreaterThan(7);
    for (const page of rendered.pages) expect(messageErrors(asSent(page))).toEqual([]);
    const fields = rendered.pages.flatMap((page) => page.embeds.flatMap((embed) => embed.fields ?? []));
    expect(fields).toHaveLength(200);
  });

  it('reports a removal with where the file went, then the reload', () => {
    const done = {
      action: 'remove' as const,
      id: 'a',
      title: 'T',
      path: 'a.md',
      trashPath: '.trash/2021/a.md',
      report: report({ added: [], removed: ['a'] }),
    };
    const [page] = renderReply({ kind: 'articleDone', done }, 'fr').pages;
    expect(text(page)).toContain('Article mis à la corbeille');
    expect(text(page)).toContain('a.md déplacé dans .trash/2021/a.md');
    expect(text(page)).toContain('Retirés (1)');
  });
});
