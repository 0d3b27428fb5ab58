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
