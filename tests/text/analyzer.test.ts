import { describe, expect, it } from 'vitest';
import type { AliasGroup } from '../../src/corpus/types.ts';
import { createAnalyzer } from '../../src/text/analyzer.ts';
import { tokenize } from '../../src/text/tokenize.ts';
import { SAMPLE_TEXTS, randomTexts } from './sampleTexts.ts';

const ALIASES: readonly AliasGroup[] = [
  { canonical: 'Vladimir Poutine', kind: 'person', aliases: ['Poutine', 'Putin', 'Vladimir Putin'] },
  { canonical: 'Saint-Pétersbourg', kind: 'place', aliases: ['St Petersburg', 'Saint Petersburg'] },
  { canonical: 'CIA', kind: 'organisation', aliases: ['Central Intelligence Agency'] },
  { canonical: 'État islamique', kind: 'organisation', aliases: ['EI', 'Daech', 'Daesh'] },
  { canonical: 'FSB', kind: 'organisation', aliases: ['Service fédéral de sécurité'] },
];

const analyzer = createAnalyzer(ALIASES);
const plain = createAnalyzer([]);

const terms = (text: string) => analyzer.documentTerms(text);
/** Each unit as its terms joined by `|`, with `~` when fuzzy. */
const units = (text: string) => analyzer.queryUnits(text).map((unit) => unit.terms.join('|') + (unit.fuzzy ? '~' : ''));

describe('documentTerms', () => {
  it.each([
    // elisions, accents, case
    ['l’Élysée', ['elys']],
    ["l'Elysee", ['elys']],
    ['L’ÉLYSÉE', ['elys']],
    ['qu’il', []],
    ['jusqu’au bout', ['bout']],
    ['aujourd’hui', ["aujourd'hui"]],
    ["aujourd'hui", ["aujourd'hui"]],
    ['Cathédrale CATHEDRALE cathédrale', ['cathedral', 'cathedral', 'cathedral']],
    // compounds
    ['Notre-Dame-de-Kazan', ['notre-dame-de-kazan', 'notr', 'dam', 'kazan']],
    ['a-t-il', []],
    ['a-t-il ajouté', ['ajout']],
    ['dit-il', ['dit']], // one content part: no whole compound
    ['week-end', ['week-end', 'week', 'end']],
    ['contre-terrorisme', ['terror']],
    // the dateline dash is punctuation
    ['MOSCOU — Le président', ['moscou', 'president']],
    // numbers
    ['sept', ['7']],
    ['seven', ['7']],
    ['7', ['7']],
    ['07', ['7']],
    ['dix-sept', ['17']],
    ['Les 13 et 14 décembre, 7 membres', ['13', '14', 'decembr', '7', 'membr']],
    ['sept membres', ['7', 'membr']],
    ['13-14 décembre', ['13-14', '13', '14', 'decembr']],
    ['un attentat', ['attentat']], // un is an article
    // stop words and their keep-list
    ['notre président', ['notr', 'president']],
    ['l’État', ['etat']],
    ['le Nouvel An', ['nouvel', 'an']],
    ['en premier lieu', ['premi', 'lieu']],
    ['Qui ? Quand ? Où ? Combien ? Who? When? How many?', []],
  ])('%s -> %j', (text, expected) => {
    expect(plain.documentTerms(text)).toEqual(expected);
  });

  it('indexes a compound whole and by part', () => {
    expect(terms('Saint-Pétersbourg')).toEqual(['saint-petersbourg', 'saint', 'petersbourg', '@saint-petersbourg']);
  });

  it.each([
    ['Putin', 'Vladimir Putin', 'Poutine', 'Vladimir Poutine', 'M. Poutine', 'VLADIMIR POUTINE'],
    ['CIA', 'la Central Intelligence Agency', 'la cia'],
    ['État islamique', 'l’Etat islamique', 'l’EI', 'Daesh', 'Daech'],
    ['Saint-Pétersbourg', 'Saint Petersbourg', 'St Petersburg', 'St. Petersburg'],
    ['FSB', 'le Service fédéral de sécurité'],
  ])('%s and its aliases give one group term', (...names) => {
    const groupTerms = names.map((name) => terms(name).filter((term) => term.startsWith('@')));
    expect(new Set(groupTerms.map((found) => found.join(' '))).size, JSON.stringify(groupTerms)).toBe(1);
    expect(groupTerms[0]).toHaveLength(1);
  });

  it('keeps the words of a name besides its group term', () => {
    expect(terms('Vladimir Poutine a remercié la CIA')).toEqual([
      'vladim',
      'poutin',
      '@vladimir-poutine',
      'remerc',
      'cia',
      '@cia',
    ]);
  });

  it('never makes a word term that looks like a group term', () => {
    for (const text of [...SAMPLE_TEXTS, ...randomTexts(300, 3)]) {
      for (const term of plain.documentTerms(text)) expect(term.startsWith('@'), term).toBe(false);
    }
  });
});

describe('queryUnits', () => {
  it.each([
    ['Qui a remercié Putin ?', ['remerc~', '@vladimir-poutine']],
    ['Who thanked Vladimir Putin?', ['thanked~', '@vladimir-poutine']],
    ['Combien de membres ont été arrêtés à Saint Petersbourg ?', ['membr~', 'arret~', '@saint-petersbourg']],
    ['Quand Poutine a-t-il appelé Trump ?', ['@vladimir-poutine', 'appel~', 'trump~']],
    ['Kazan', ['kazan~']],
    ['cathédrale Notre-Dame-de-Kazan', ['cathedral~', 'notr~', 'dam', 'kazan~']],
    ['sept membres', ['7', 'membr~']],
    ['7 membres ? seven!', ['7', 'membr~']],
    ['dix-sept personnes', ['17', 'person~']],
    ['Les 13 et 14 décembre', ['13', '14', 'decembr~']],
    ['Quel rôle pour l’EI et Daech ?', ['rol', '@etat-islamique']],
    ['la cia et la CIA', ['@cia']],
    ['Où est la cathédrale ?', ['cathedral~']],
    ['Qui ? Quand ? Who?', []],
  ])('%s -> %j', (text, expected) => {
    expect(units(text)).toEqual(expected);
  });

  it('keeps the user’s words for messages', () => {
    expect(analyzer.queryUnits('arrêtés à St. Petersburg')).toEqual([
      { surface: 'arrêtés', terms: ['arret'], fuzzy: true },
      { surface: 'St. Petersburg', terms: ['@saint-petersbourg'], fuzzy: false },
    ]);
  });

  it('finds "Kazan" in a passage that writes Notre-Dame-de-Kazan', () => {
    const passage = new Set(terms('une bombe à la cathédrale Notre-Dame-de-Kazan'));
    for (const unit of analyzer.queryUnits('Kazan')) expect(unit.terms.some((term) => passage.has(term))).toBe(true);
  });

  it('finds a number written the other way', () => {
    const passage = new Set(terms('détenu à Saint-Pétersbourg sept membres d’une cellule'));
    for (const unit of analyzer
      .queryUnits('7 membres arrêtés à Saint-Pétersbourg')
      .filter((u) => u.surface !== 'arrêtés')) {
      expect(
        unit.terms.some((term) => passage.has(term)),
        unit.surface,
      ).toBe(true);
    }
  });

  it('stems remercié / remercie / remercier to one term or terms one edit apart', () => {
    const stems = ['remercié', 'remercie', 'remercier'].map((word) => analyzer.queryUnits(word)[0]?.terms[0]);
    expect(stems).toEqual(['remerc', 'remerc', 'remerci']);
  });

  it('is one analysis: every unit of a text is satisfied by the same text indexed as a document', () => {
    for (const text of [...SAMPLE_TEXTS, ...randomTexts(300, 5)]) {
      const documentTerms = new Set(analyzer.documentTerms(text));
      for (const unit of analyzer.queryUnits(text)) {
        expect(
          unit.terms.some((term) => documentTerms.has(term)),
          `${unit.surface} in ${JSON.stringify(text)}`,
        ).toBe(true);
      }
    }
  });
});

describe('termSpans', () => {
  it('spans tokens and alias names, with the terms each yields', () => {
    const text = 'Vladimir Poutine a remercié la CIA, a-t-il dit.';
    expect(analyzer.termSpans(text).map((span) => [text.slice(span.start, span.end), ...span.terms])).toEqual([
      ['Vladimir Poutine', '@vladimir-poutine'],
      ['Vladimir', 'vladim'],
      ['Poutine', 'poutin'],
      ['remercié', 'remerc'],
      ['CIA', 'cia', '@cia'],
      ['dit', 'dit'],
    ]);
  });

  it('gives a name inside a compound a span of its own', () => {
    const withKgb = createAnalyzer([{ canonical: 'KGB', kind: 'organisation', aliases: [] }]);
    const text = 'l’ex-KGB';
    expect(withKgb.termSpans(text).map((span) => [text.slice(span.start, span.end), ...span.terms])).toEqual([
      ['ex-KGB', 'ex-kgb', 'ex', 'kgb'],
      ['KGB', '@kgb'],
    ]);
  });

  it('slices only real tokens (or whole alias names) out of the original text', () => {
    for (const text of [...SAMPLE_TEXTS, ...randomTexts(300, 9)]) {
      const tokens = tokenize(text);
      const tokenRanges = new Set(tokens.map((token) => `${token.start}:${token.end}`));
      const partStarts = new Set(tokens.flatMap((token) => token.parts.map((part) => part.start)));
      const partEnds = new Set(tokens.flatMap((token) => token.parts.map((part) => part.end)));
      for (const span of analyzer.termSpans(text)) {
        const isAliasName = span.terms.every((term) => term.startsWith('@'));
        if (isAliasName) {
          expect(partStarts.has(span.start) && partEnds.has(span.end), JSON.stringify(text)).toBe(true);
        } else {
          expect(tokenRanges.has(`${span.start}:${span.end}`), JSON.stringify(text)).toBe(true);
        }
        expect(span.terms.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('version', () => {
  it('names the analysis and changes with the alias list', () => {
    expect(analyzer.version).toMatch(/^fr-\d+\+aliases-[0-9a-f]{8}$/);
    expect(createAnalyzer(ALIASES).version).toBe(analyzer.version);
    expect(plain.version).not.toBe(analyzer.version);
    const renamed = ALIASES.map((group, index) => (index === 0 ? { ...group, aliases: ['Putin'] } : group));
    expect(createAnalyzer(renamed).version).not.toBe(analyzer.version);
  });
});
