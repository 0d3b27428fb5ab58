/**
 * The bench's corpora, built in memory from real paragraphs. Two kinds:
 * - `recombined`: the seed articles' paragraphs recombined, names, places and numbers swapped. Every
 *   word's list of passages is very long, so it is the worst case for search; kept for that.
 * - `zipf`: seed and fixture paragraphs mixed with generated French whose vocabulary varies as real news
 *   does (see zipfCorpus.ts).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadCorpus } from '../src/corpus/loadCorpus.ts';
import { splitPassages } from '../src/corpus/splitPassages.ts';
import type { AliasGroup, Article, Corpus } from '../src/corpus/types.ts';
import { zipfCorpus } from './zipfCorpus.ts';

export const CORPUS_KINDS = ['recombined', 'zipf'] as const;
export type CorpusKind = (typeof CORPUS_KINDS)[number];

export const OUTLETS = [
  'La Tribune',
  'Le Quotidien',
  'Nord Éclair',
  'Radio Est',
  'Le Courrier',
  'Info Sud',
  'La Voix',
  'Le Matin',
];
const NAMES = ['Poutine', 'Trump', 'Peskov', 'Durand', 'Lefèvre', 'Martin', 'Moreau', 'Garnier'];
const CITIES = ['Saint-Pétersbourg', 'Moscou', 'Lyon', 'Marseille', 'Kazan', 'Lille', 'Nantes', 'Genève'];

/** Paragraphs of an article body, as the articles write them (a blank line between two). */
export const paragraphsOf = (body: string): string[] =>
  body
    .split(/\n\n+/u)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');

/** A corpus of `count` articles whose paragraphs are seed paragraphs with names, places and numbers swapped. */
export function recombinedSeedCorpus(seed: Corpus, count: number): Corpus {
  const paragraphs = seed.articles.flatMap((article) => article.body.split(/\n\n+/u));
  const articles: Article[] = [];
  for (let i = 0; i < count; i++) {
    const body = Array.from({ length: 6 }, (_, j) => {
      const text = paragraphs[(i * 7 + j * 13) % paragraphs.length]!;
      return text
        .replaceAll('Poutine', NAMES[(i + j) % NAMES.length]!)
        .replaceAll('Saint-Pétersbourg', CITIES[(i * 3 + j) % CITIES.length]!)
        .replace(/\b(\d{1,2})\b/gu, (_m, n: string) => String(((Number(n) + i) % 28) + 1));
    }).join('\n\n');
    const day = String((i % 28) + 1).padStart(2, '0');
    articles.push({
      id: `synthetic-${i}`,
      path: `synthetic-${i}.md`,
      title: `Article ${i}`,
      outlet: OUTLETS[i % OUTLETS.length]!,
      published: { iso: `2017-12-${day}`, precision: 'day' },
      url: null,
      language: 'fr',
      origin: null,
      body,
    });
  }
  return { articles, passages: articles.flatMap(splitPassages), aliases: seed.aliases, problems: [] };
}

/**
 * Where the real paragraphs come from besides the seed corpus: every fixture story of the tests
 * (`tests/fixtures/*-story`), in name order so that the corpus is the same on every machine. A story
 * added to the tests joins the bench corpus, and changes its figures.
 */
const FIXTURES = 'tests/fixtures';

async function fixtureStories(): Promise<string[]> {
  const entries = await readdir(FIXTURES, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && entry.name.endsWith('-story'))
    .map((entry) => join(FIXTURES, entry.name))
    .sort();
}

export interface RealText {
  /** The seed corpus as loaded: the recombined corpus is made of it alone. */
  readonly seed: Corpus;
  /** Every paragraph of the seed and fixture articles. */
  readonly paragraphs: readonly string[];
  /** The seed's alias groups, then the fixtures' that name nothing already named. */
  readonly aliases: readonly AliasGroup[];
}

/** A name as the alias list compares names: case and accents aside. */
const nameKey = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Several stories' alias lists in one: the alias list lets a name belong to one group only, so a group
 * that shares a name with an earlier one is left out rather than merged.
 */
function mergeAliases(lists: readonly (readonly AliasGroup[])[]): AliasGroup[] {
  const named = new Set<string>();
  const merged: AliasGroup[] = [];
  for (const group of lists.flat()) {
    const names = [group.canonical, ...group.aliases].map(nameKey);
    if (names.some((name) => named.has(name))) continue;
    names.forEach((name) => named.add(name));
    merged.push(group);
  }
  return merged;
}

/** Loads the seed corpus and the fixture stories with the project's loader. */
export async function loadRealText(): Promise<RealText> {
  const seed = await loadCorpus('corpus');
  const fixtures = await Promise.all((await fixtureStories()).map((story) => loadCorpus(story)));
  const corpora = [seed, ...fixtures];
  return {
    seed,
    paragraphs: corpora.flatMap((corpus) => corpus.articles.flatMap((article) => paragraphsOf(article.body))),
    aliases: mergeAliases(corpora.map((corpus) => corpus.aliases)),
  };
}

/** Any fixed number: the zipf corpus of a size is then the same in every run, so runs compare. */
const ZIPF_SEED = 12;

/** A corpus of the given kind and size; the zipf kind is generated from a fixed seed, so runs compare. */
export function benchCorpus(kind: CorpusKind, text: RealText, count: number): Corpus {
  if (kind === 'recombined') return recombinedSeedCorpus(text.seed, count);
  return zipfCorpus({
    realParagraphs: text.paragraphs,
    aliases: text.aliases,
    outlets: OUTLETS,
    articleCount: count,
    seed: ZIPF_SEED,
  });
}

/**
 * The corpus kind and sizes from the command line: `--corpus zipf 1000 5000` (default: recombined, the
 * worst case the earlier figures were measured on).
 */
export function parseBenchArgs(
  args: readonly string[],
  defaultSizes: readonly number[],
): { kinds: CorpusKind[]; sizes: number[] } {
  const kinds: CorpusKind[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--corpus' || arg.startsWith('--corpus=')) {
      const value = arg === '--corpus' ? args[++i] : arg.slice('--corpus='.length);
      const requested = value === 'both' ? [...CORPUS_KINDS] : [value];
      for (const kind of requested) {
        if (!CORPUS_KINDS.includes(kind as CorpusKind))
          throw new Error(`--corpus takes ${CORPUS_KINDS.join(', ')} or both, not ${String(kind)}`);
        kinds.push(kind as CorpusKind);
      }
    } else if (Number(arg) > 0) sizes.push(Number(arg));
    else throw new Error(`unknown argument ${arg}: give sizes (articles) and optionally --corpus zipf`);
  }
  return { kinds: kinds.length > 0 ? kinds : ['recombined'], sizes: sizes.length > 0 ? sizes : [...defaultSizes] };
}
