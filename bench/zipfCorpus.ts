/**
 * A synthetic news corpus whose vocabulary varies as real news does, for the bench: real paragraphs (the
 * seed and fixture articles) mixed with generated French whose words follow a Zipf distribution.
 *
 * Why this shape:
 * - Zipf's law (the word of rank r is used in proportion to 1/r) is how word frequencies fall in any
 *   large text, so most words are rare and a word's list of passages is short, unlike the recombined
 *   seed corpus, where every word is in thousands of passages.
 * - The ranks: first the words of the real paragraphs, by how often those paragraphs use them (a
 *   small frequency list of real French news: "de", "la", "le" lead it, as they lead any French
 *   text), then the ~336,000 words of `an-array-of-french-words` in a seeded random order. That list
 *   has no frequencies; a random order keeps every kind of word (verbs, plurals, compounds) spread
 *   along the ranks instead of the alphabet's first letters taking the head.
 * - Each article repeats a few words of its own (its topic) and a person's name: real articles are
 *   bursty, a rare word is written several times in the one article about it.
 * - The vocabulary grows with the corpus (Heaps' law), as a real archive's does.
 *
 * Deterministic: one seeded pure-rand generator drives every choice, so a seed and a size always give
 * the same corpus.
 */
import { createRequire } from 'node:module';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { splitPassages } from '../src/corpus/splitPassages.ts';
import type { AliasGroup, Article, Corpus } from '../src/corpus/types.ts';

type Random = ReturnType<typeof xoroshiro128plus>;

export interface ZipfCorpusOptions {
  /** Real paragraphs that generated ones are mixed with, used verbatim (as wire copy is). */
  readonly realParagraphs: readonly string[];
  readonly aliases: readonly AliasGroup[];
  readonly outlets: readonly string[];
  readonly articleCount: number;
  readonly seed: number;
}

/** Paragraphs per article: ~6 passages, as the recombined corpus and the seed articles have. */
export const PARAGRAPHS_PER_ARTICLE = 6;
/** Share of paragraphs taken from real articles: enough that the seed questions find their passages. */
const REAL_PARAGRAPH_SHARE = 0.25;
/** The Zipf exponent: about 1 for words in natural text. */
const ZIPF_EXPONENT = 1;
/** Topic words are drawn past the head of the ranks: what an article is about is no common word. */
const TOPIC_WORDS_PER_ARTICLE = 3;
const TOPIC_WORD_MIN_RANK = 500;
/** Per word of a generated sentence: the article's topic, its person, or a number, else a Zipf word. */
const TOPIC_WORD_SHARE = 0.08;
const PERSON_SHARE = 0.04;
const NUMBER_SHARE = 0.02;
const COMMA_SHARE = 0.08;
const SENTENCE_WORDS = { min: 8, max: 22 } as const;
const PARAGRAPH_SENTENCES = { min: 2, max: 4 } as const;

/** The package's words; it ships a JSON array and no ESM entry, hence require. */
function frenchWordList(): readonly string[] {
  const words: unknown = createRequire(import.meta.url)('an-array-of-french-words');
  if (!Array.isArray(words) || !words.every((word) => typeof word === 'string'))
    throw new Error('an-array-of-french-words: expected an array of strings');
  return words;
}

/**
 * The lower-case words of real paragraphs, most used first (ties in alphabetical order, so the ranks are
 * the same on every run). Capitalised words are left out: a name is no common word.
 */
function wordsByUse(paragraphs: readonly string[]): string[] {
  const uses = new Map<string, number>();
  for (const paragraph of paragraphs) {
    for (const [word] of paragraph.matchAll(/(?<![\p{L}\p{N}])\p{Ll}+(?:-\p{Ll}+)*/gu))
      uses.set(word, (uses.get(word) ?? 0) + 1);
  }
  return [...uses].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
}

/**
 * Words by rank, most frequent first: the words of the real paragraphs by how often they use them
 * (function words first, as in any French text, and then what news speaks of), then the word list in a
 * seeded random order.
 */
function rankedVocabulary(random: Random, realParagraphs: readonly string[]): string[] {
  const head = wordsByUse(realParagraphs);
  const inHead = new Set(head);
  const rest = frenchWordList().filter((word) => !inHead.has(word));
  for (let i = rest.length - 1; i > 0; i--) {
    const j = uniformInt(random, 0, i);
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  return [...head, ...rest];
}

/** Draws ranks with probability proportional to 1/rank^exponent, by binary search on the cumulative weights. */
class ZipfSampler {
  private readonly cumulative: Float64Array;

  constructor(size: number, exponent: number) {
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let rank = 1; rank <= size; rank++) {
      total += 1 / rank ** exponent;
      this.cumulative[rank - 1] = total;
    }
  }

  /** A rank from 0 (most frequent). */
  sample(random: Random): number {
    const target = uniformFloat64(random) * this.cumulative[this.cumulative.length - 1]!;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

const capitalise = (word: string) => word.charAt(0).toLocaleUpperCase('fr') + word.slice(1);
const chance = (random: Random, share: number) => uniformFloat64(random) < share;
const pick = <T>(random: Random, items: readonly T[]): T => items[uniformInt(random, 0, items.length - 1)]!;

interface ArticleTopic {
  readonly words: readonly string[];
  /** The surname of the person the article is about, written "M. X" or "X". */
  readonly person: string;
}

class FrenchTextGenerator {
  private readonly vocabulary: readonly string[];
  private readonly sampler: ZipfSampler;

  constructor(
    private readonly random: Random,
    realParagraphs: readonly string[],
  ) {
    this.vocabulary = rankedVocabulary(random, realParagraphs);
    this.sampler = new ZipfSampler(this.vocabulary.length, ZIPF_EXPONENT);
  }

  private zipfWord(): string {
    return this.vocabulary[this.sampler.sample(this.random)]!;
  }

  topic(): ArticleTopic {
    const rareWord = () => this.vocabulary[uniformInt(this.random, TOPIC_WORD_MIN_RANK, this.vocabulary.length - 1)]!;
    const words = Array.from({ length: TOPIC_WORDS_PER_ARTICLE }, rareWord);
    // A surname-like word: one word, no dash or apostrophe, so it reads as one name.
    let person = rareWord();
    while (!/^\p{L}{4,12}$/u.test(person)) person = rareWord();
    return { words, person: capitalise(person) };
  }

  private word(topic: ArticleTopic, position: number): string {
    if (chance(this.random, TOPIC_WORD_SHARE)) return pick(this.random, topic.words);
    if (chance(this.random, PERSON_SHARE)) return position === 0 ? topic.person : `M. ${topic.person}`;
    if (chance(this.random, NUMBER_SHARE)) return String(uniformInt(this.random, 2, 2000));
    return this.zipfWord();
  }

  /** Words only: a headline has no final full stop. */
  words(topic: ArticleTopic, count: number): string {
    const words = Array.from({ length: count }, (_, position) => this.word(topic, position));
    return words
      .map((word, position) => (position < count - 1 && chance(this.random, COMMA_SHARE) ? `${word},` : word))
      .join(' ')
      .replace(/^\p{Ll}/u, (first) => first.toLocaleUpperCase('fr'));
  }

  sentence(topic: ArticleTopic): string {
    return `${this.words(topic, uniformInt(this.random, SENTENCE_WORDS.min, SENTENCE_WORDS.max))}.`;
  }

  paragraph(topic: ArticleTopic): string {
    const sentences = uniformInt(this.random, PARAGRAPH_SENTENCES.min, PARAGRAPH_SENTENCES.max);
    return Array.from({ length: sentences }, () => this.sentence(topic)).join(' ');
  }
}

const FIRST_DAY = Date.UTC(2015, 0, 1);
const LAST_DAY = Date.UTC(2025, 11, 31);
const DAY_MS = 24 * 60 * 60 * 1000;

export function zipfCorpus(options: ZipfCorpusOptions): Corpus {
  if (options.realParagraphs.length === 0 || options.outlets.length === 0)
    throw new Error('zipfCorpus: needs real paragraphs and outlets');
  const random = xoroshiro128plus(options.seed);
  const generator = new FrenchTextGenerator(random, options.realParagraphs);
  const articles: Article[] = [];
  for (let i = 0; i < options.articleCount; i++) {
    const topic = generator.topic();
    const body = Array.from({ length: PARAGRAPHS_PER_ARTICLE }, () =>
      chance(random, REAL_PARAGRAPH_SHARE) ? pick(random, options.realParagraphs) : generator.paragraph(topic),
    ).join('\n\n');
    const day = new Date(FIRST_DAY + uniformInt(random, 0, (LAST_DAY - FIRST_DAY) / DAY_MS) * DAY_MS);
    articles.push({
      id: `zipf-${i}`,
      path: `zipf-${i}.md`,
      title: generator.words(topic, uniformInt(random, 5, 10)),
      outlet: pick(random, options.outlets),
      published: { iso: day.toISOString().slice(0, 10), precision: 'day' },
      url: null,
      language: 'fr',
      origin: null,
      body,
    });
  }
  return { articles, passages: articles.flatMap(splitPassages), aliases: options.aliases, problems: [] };
}
