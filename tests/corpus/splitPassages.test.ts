import { describe, expect, it } from 'vitest';
import { MAX_PASSAGE_LENGTH, splitPassages } from '../../src/corpus/splitPassages.ts';
import type { Article, Passage } from '../../src/corpus/types.ts';

const articleWith = (body: string): Article => ({
  id: 'a',
  path: 'a.md',
  title: 'T',
  outlet: 'O',
  published: { iso: '2017-12-18', precision: 'day' },
  url: null,
  language: 'fr',
  origin: null,
  body,
});

/** A deterministic generator, so that a failing case can be replayed. */
function randomFrom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const WORDS = ['Poutine', 'a', 'remercié', 'l’agence', 'M.', 'Trump', 'déjoué', 'Saint-Pétersbourg', 'cellule', '«', 'renseignements', 'sept', 'FSB', 'été', 'c’est'];
function randomBody(random: () => number): string {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const sentence = () => {
    const words = Array.from({ length: 3 + Math.floor(random() * 40) }, () => pick(WORDS)).join(' ');
    return `${words[0]?.toUpperCase()}${words.slice(1)}${pick(['.', ' !', ' ?', '.»', '…'])}`;
  };
  const paragraph = () => Array.from({ length: 1 + Math.floor(random() * 14) }, sentence).join(pick([' ', '\u00a0 ', '  ']));
  return Array.from({ length: 1 + Math.floor(random() * 6) }, paragraph).join(pick(['\n\n', '\n \n', '\n\n\n']));
}

function expectVerbatimAndWhole(body: string, passages: readonly Passage[]): void {
  for (const passage of passages) {
    expect(body.slice(passage.start, passage.start + passage.text.length)).toBe(passage.text);
    expect(passage.text).toBe(passage.text.trim());
    // Never cut inside a word: each edge touches whitespace or the end of the body.
    expect(/\s/.test(body[passage.start - 1] ?? ' ')).toBe(true);
    expect(/\s/.test(body[passage.start + passage.text.length] ?? ' ')).toBe(true);
  }
  // Nothing of the text is lost: the passages hold every non-space character, in order.
  expect(passages.map((passage) => passage.text).join('').replace(/\s/g, '')).toBe(body.replace(/\s/g, ''));
}

describe('splitPassages', () => {
  it('makes one passage per paragraph, numbered in order', () => {
    const body = 'Premier paragraphe.\n\nSecond, sur\ndeux lignes.\n \n\nTroisième.';
    expect(splitPassages(articleWith(body))).toEqual([
      { id: 'a#0', articleId: 'a', index: 0, start: 0, text: 'Premier paragraphe.' },
      { id: 'a#1', articleId: 'a', index: 1, start: 21, text: 'Second, sur\ndeux lignes.' },
      { id: 'a#2', articleId: 'a', index: 2, start: 49, text: 'Troisième.' },
    ]);
  });

  it('keeps a paragraph of exactly the limit whole', () => {
    const paragraph = `${'mot '.repeat(MAX_PASSAGE_LENGTH / 4 - 1)}fin.`;
    expect(paragraph).toHaveLength(MAX_PASSAGE_LENGTH);
    expect(splitPassages(articleWith(paragraph))).toHaveLength(1);
  });

  it('cuts a long paragraph into windows of whole sentences', () => {
    const sentences = Array.from({ length: 12 }, (_, index) => `La phrase numéro ${index} dit que M. Poutine a remercié M. Trump pour l’information reçue.`);
    const body = sentences.join(' ');
    const passages = splitPassages(articleWith(body));
    expect(passages.length).toBeGreaterThan(1);
    expectVerbatimAndWhole(body, passages);
    for (const passage of passages) {
      expect(passage.text.length).toBeLessThanOrEqual(MAX_PASSAGE_LENGTH);
      expect(passage.text.length).toBeGreaterThanOrEqual(300);
      expect(passage.text).toMatch(/^La phrase numéro \d+/);
      expect(passage.text).toMatch(/reçue\.$/);
    }
  });

  it('does not end a sentence after M. or an initial', () => {
    const body = `${'Une phrase assez longue pour remplir la fenêtre sans rien dire de plus. '.repeat(9)}M. Poutine et J. Smith ont parlé.`;
    const passages = splitPassages(articleWith(body));
    expect(passages.at(-1)?.text).toMatch(/M\. Poutine et J\. Smith ont parlé\.$/);
  });

  it('keeps closing quotes with their sentence', () => {
    const body = `${'« Une citation qui dure et qui dure encore un peu plus longtemps. » '.repeat(12)}Fin.`;
    const passages = splitPassages(articleWith(body));
    for (const passage of passages.slice(0, -1)) expect(passage.text).toMatch(/»$/);
  });

  it('cuts a sentence longer than a window between words', () => {
    const body = `${'unmotlong '.repeat(200)}fin`;
    const passages = splitPassages(articleWith(body));
    expectVerbatimAndWhole(body, passages);
    for (const passage of passages) expect(passage.text.length).toBeLessThanOrEqual(MAX_PASSAGE_LENGTH);
  });

  it('keeps a single word longer than a window whole', () => {
    const body = `Voir ${'x'.repeat(900)} et la suite.`;
    const passages = splitPassages(articleWith(body));
    expectVerbatimAndWhole(body, passages);
    expect(passages.some((passage) => passage.text.includes('x'.repeat(900)))).toBe(true);
  });

  it('returns nothing for a blank body', () => {
    expect(splitPassages(articleWith(' \n\n '))).toEqual([]);
  });

  it.each(Array.from({ length: 40 }, (_, seed) => [seed]))('holds its invariants on generated text (seed %i)', (seed) => {
    const body = randomBody(randomFrom(seed + 1));
    const passages = splitPassages(articleWith(body));
    expectVerbatimAndWhole(body, passages);
    passages.forEach((passage, index) => {
      expect(passage.index).toBe(index);
      expect(passage.id).toBe(`a#${index}`);
      expect(passage.text.length).toBeLessThanOrEqual(MAX_PASSAGE_LENGTH);
      if (index > 0) expect(passage.start).toBeGreaterThan(passages[index - 1]?.start ?? Infinity);
    });
  });
});
