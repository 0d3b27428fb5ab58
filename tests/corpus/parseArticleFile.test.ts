import { describe, expect, it } from 'vitest';
import { parseArticleFile } from '../../src/corpus/parseArticleFile.ts';

const fields = ['title: Un titre', 'outlet: Le Témoin', 'published: 2017-12-18', 'language: fr'];
const file = (frontMatter: readonly string[], body = 'Le texte.') => `---\n${frontMatter.join('\n')}\n---\n\n${body}\n`;
const without = (name: string) => fields.filter((line) => !line.startsWith(`${name}:`));

const reasonFor = (text: string, path = 'a.md') => {
  const parsed = parseArticleFile(path, text);
  return parsed.ok ? null : parsed.problem.reason;
};

describe('parseArticleFile', () => {
  it('reads a complete file', () => {
    const parsed = parseArticleFile(
      'stories/2017-12-18-temoin.md',
      file([...fields, 'url: https://example.org/a', 'origin: TASS'], 'Premier.\n\nSecond.'),
    );
    expect(parsed).toEqual({
      ok: true,
      article: {
        id: '2017-12-18-temoin',
        path: 'stories/2017-12-18-temoin.md',
        title: 'Un titre',
        outlet: 'Le Témoin',
        published: { iso: '2017-12-18', precision: 'day' },
        url: 'https://example.org/a',
        language: 'fr',
        origin: 'TASS',
        body: 'Premier.\n\nSecond.',
      },
    });
  });

  it('leaves url and origin null when absent or empty', () => {
    const parsed = parseArticleFile('a.md', file([...fields, 'url:', "origin: ''"]));
    expect(parsed.ok && [parsed.article.url, parsed.article.origin]).toEqual([null, null]);
  });

  it.each([
    ['published: 2017', { iso: '2017', precision: 'year' }],
    ['published: "2017-12"', { iso: '2017-12', precision: 'month' }],
    ['published: !!timestamp 2017-12-18', { iso: '2017-12-18', precision: 'day' }],
  ])('accepts %s', (line, expected) => {
    const parsed = parseArticleFile('a.md', file([...without('published'), line]));
    expect(parsed.ok && parsed.article.published).toEqual(expected);
  });

  it('normalises CRLF line endings and a byte-order mark', () => {
    const parsed = parseArticleFile('a.md', `\uFEFF${file(fields, 'Premier.\n\nSecond.')}`.replaceAll('\n', '\r\n'));
    expect(parsed.ok && parsed.article.body).toBe('Premier.\n\nSecond.');
    expect(parsed.ok && parsed.article.title).toBe('Un titre');
  });

  it('keeps the body verbatim apart from the blank lines around it', () => {
    const body = 'Il a dit : « C’est l’orignaire ». \n\n  Second paragraphe\u00a0!';
    const parsed = parseArticleFile('a.md', file(fields, `\n\n${body}\n\n\n`));
    expect(parsed.ok && parsed.article.body).toBe(body);
  });

  it.each([
    ['no front matter', 'Juste du texte.', 'no front matter: the file must start with a line "---"'],
    ['front matter not closed', `---\n${fields.join('\n')}\n\nLe texte.`, 'front matter is not closed'],
    ['unparseable YAML', file(['title: [Un titre', ...without('title')]), 'front matter is not valid YAML'],
    ['duplicate field', file([...fields, 'title: Encore']), 'front matter is not valid YAML: Map keys must be unique'],
    ['not a mapping', file(['- title', '- outlet']), 'the front matter must be a list of fields'],
    ['missing title', file(without('title')), "title: missing (the article's headline)"],
    ['empty outlet', file([...without('outlet'), 'outlet: ""']), 'outlet: is empty'],
    ['missing published', file(without('published')), 'published: missing'],
    ['French date', file([...without('published'), 'published: 18/12/2017']), 'published: use YYYY-MM-DD, YYYY-MM or YYYY (got "18/12/2017")'],
    ['impossible day', file([...without('published'), 'published: 2017-02-30']), 'published: use YYYY-MM-DD, YYYY-MM or YYYY (got "2017-02-30")'],
    ['url without scheme', file([...fields, 'url: www.example.org']), 'url: must be a full web address starting with http:// or https:// (got "www.example.org")'],
    ['language as a word', file([...without('language'), 'language: French']), 'language: use a two-letter code such as fr (got "French")'],
    ['missing language', file(without('language')), 'language: missing'],
    ['title as a number', file([...without('title'), 'title: 1984']), 'title: must be text (got 1984; put it in quotes)'],
    ['typo in a field name', file([...without('title'), 'titel: Un titre']), 'titel: unknown field (did you mean "title"?); title: missing'],
    ['unknown field', file([...fields, 'author: Jean']), 'author: unknown field (the fields are title, outlet, published, url, language, origin)'],
    ['empty body', file(fields, '\n  \n'), 'body: empty'],
  ])('%s', (_case, text, expected) => expect(reasonFor(text)).toContain(expected));

  it('refuses a file name that cannot serve as an id', () => {
    expect(reasonFor(file(fields), 'Mon Article.md')).toContain('file name: use lowercase letters, digits and hyphens only');
  });

  it('names the problem with the path it was given', () => {
    const parsed = parseArticleFile('sub/a.md', 'no front matter');
    expect(parsed.ok ? null : parsed.problem.path).toBe('sub/a.md');
  });
});
