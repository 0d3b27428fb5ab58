import { describe, expect, it } from 'vitest';
import {
  asksForCount,
  asksForIdentity,
  askedKindNoun,
  asksForDateline,
  asksForTownOrCountry,
  contentUnits,
  countedNouns,
  isOrdinalWord,
  isTimeWord,
  reflexiveVerbs,
} from '../../src/answer/questionFrame.ts';
import type { QueryUnit } from '../../src/text/analyzer.ts';

const unit = (surface: string): QueryUnit => ({ surface, terms: [surface.toLowerCase()], fuzzy: false });

describe('how a question is put', () => {
  it.each([
    ['Combien de membres ont été arrêtés ?', true],
    ['How many firefighters fought the fire?', true],
    ['Quel est le nombre de victimes ?', true],
    ['Qui a remercié Trump ?', false],
  ])('asksForCount(%j) is %s', (question, expected) => expect(asksForCount(question)).toBe(expected));

  it.each([
    ["Combien de sacs d'engrais l'entrepôt abritait-il ?", ['sacs']],
    ['Combien d’employés compte la société ?', ['employes']],
    ['How many firefighters were there?', ['firefighters']],
    ['How many cell members were arrested?', ['cell', 'members']],
    ['Combien de personnes ont été arrêtées ?', []],
    ['How many of the suspects were Russian?', []],
    ['Combien coûtera la reconstruction ?', ['euros', 'euro', 'dollars', 'dollar', 'francs', 'livres']],
    ['Combien de temps a duré l’incendie ?', ['minutes', 'heures', 'jours', 'semaines', 'mois', 'ans', 'annees']],
  ])('countedNouns(%j) is %j', (question, expected) => expect(countedNouns(question)).toEqual(expected));

  it.each([
    ['Qui est le porte-parole du Kremlin ?', true],
    ['Who is the Kremlin spokesman?', true],
    ['Qui était la ministre présente ?', true],
    ['Qui a remercié Trump ?', false],
    ['Who thanked Trump?', false],
  ])('asksForIdentity(%j) is %s', (question, expected) => expect(asksForIdentity(question)).toBe(expected));

  it.each([
    ["Où l'incendie s'est-il déclaré ?", ['declare']],
    ['Quand Trump s’est-il rendu à Moscou ?', ['rendu']],
    ['Quand Peskov s’est-il exprimé ?', []],
    ['Qui a déclaré la détention ?', []],
  ])('reflexiveVerbs(%j) keeps only sense-changing pronominal verbs', (question, expected) =>
    expect([...reflexiveVerbs(question)]).toEqual(expected),
  );
});

describe('units that frame rather than say', () => {
  it('drops frame words, and reporting verbs only from claims', () => {
    const units = ['date', 'attentat', 'rapportent', 'Telegram'].map(unit);
    expect(contentUnits(units).map((u) => u.surface)).toEqual(['attentat', 'rapportent', 'Telegram']);
    expect(contentUnits(units, true).map((u) => u.surface)).toEqual(['attentat', 'Telegram']);
  });

  it('keeps "names" in a claim: outlets giving names is what a /source question asks about', () => {
    const units = ['names', 'arrested', 'suspects'].map(unit);
    expect(contentUnits(units).map((u) => u.surface)).toEqual(['arrested', 'suspects']);
    expect(contentUnits(units, true).map((u) => u.surface)).toEqual(['names', 'arrested', 'suspects']);
  });

  it('drops the noun of an adverb ("de manière sporadique"), keeping its adjective', () => {
    const units = ['coopèrent', 'manière', 'sporadique', 'façon', 'régulière'].map(unit);
    expect(contentUnits(units, true).map((u) => u.surface)).toEqual(['coopèrent', 'sporadique', 'régulière']);
  });

  it('drops verbs that only say where something stands ("Où se trouve le silo B ?")', () => {
    const units = ['trouve', 'silo', 'situé', 'located', 'brûlé'].map(unit);
    expect(contentUnits(units).map((u) => u.surface)).toEqual(['silo', 'brûlé']);
  });

  it.each([
    ['2017', true],
    ['décembre', true],
    ['Sunday', true],
    ['Peskov', false],
  ])('isTimeWord(%j) is %s', (surface, expected) => expect(isTimeWord(unit(surface))).toBe(expected));

  it.each([
    ['première', true],
    ['first', true],
    ['conversation', false],
  ])('isOrdinalWord(%j) is %s', (surface, expected) => expect(isOrdinalWord(unit(surface))).toBe(expected));
});

describe('askedKindNoun', () => {
  it.each([
    ['Dans quel entrepôt le feu a-t-il pris ?', 'entrepot'],
    ['Which cathedral did they target?', 'cathedral'],
    ['Dans quelle ville le port se trouve-t-il ?', undefined],
    ['What day was the call?', undefined],
    ['Où le feu a-t-il pris ?', undefined],
  ])('%j → %j', (question, expected) => expect(askedKindNoun(question)).toBe(expected));
});

describe('asksForTownOrCountry', () => {
  it.each([
    ['In which town is the river port?', true],
    ['Dans quelle ville le port se trouve-t-il ?', true],
    ['Dans quel pays vivait-il ?', true],
    ['Où se trouve le port ?', false],
    ['Dans quel entrepôt le feu a-t-il pris ?', false],
  ])('%j → %s', (question, expected) => expect(asksForTownOrCountry(question)).toBe(expected));
});

describe('asksForDateline', () => {
  it.each([
    ["D'où est datée la dépêche ?", true],
    ['Where was the report filed from?', true],
    ['Quand la dépêche est-elle parue ?', false],
  ])('%j → %s', (question, expected) => expect(asksForDateline(question)).toBe(expected));
});
