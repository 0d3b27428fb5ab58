/** Corpus folders written for one test, in the system's temp folder, removed afterwards. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempArticle {
  readonly id: string;
  readonly title: string;
  readonly outlet: string;
  readonly published: string;
  readonly url?: string;
  readonly body: string;
}

export interface TempCorpus {
  readonly dir: string;
  addArticle(article: TempArticle): Promise<void>;
  remove(): Promise<void>;
}

export function articleFile(article: TempArticle): string {
  const lines = [
    '---',
    `title: ${JSON.stringify(article.title)}`,
    `outlet: ${JSON.stringify(article.outlet)}`,
    `published: ${article.published}`,
    ...(article.url ? [`url: ${article.url}`] : []),
    'language: fr',
    '---',
    '',
    article.body,
    '',
  ];
  return lines.join('\n');
}

export async function writeTempCorpus(articles: readonly TempArticle[], aliasesYaml = '[]\n'): Promise<TempCorpus> {
  const dir = await mkdtemp(join(tmpdir(), 'story-desk-discord-'));
  await writeFile(join(dir, 'aliases.yaml'), aliasesYaml);
  const addArticle = (article: TempArticle) => writeFile(join(dir, `${article.id}.md`), articleFile(article));
  for (const article of articles) await addArticle(article);
  return { dir, addArticle, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * An article of the reload tests: the mayor thanks the firefighters, in each outlet's own words (two files
 * with the same text are one article, a duplicate).
 */
export const thanksArticle = (id: string, outlet: string): TempArticle => ({
  id,
  title: `Le maire remercie les pompiers (${outlet})`,
  outlet,
  published: '2021-03-02',
  body: `Jean Martin a remercié les pompiers de Lyon pour leur courage lors de l’incendie du marché couvert (${id}).`,
});
