/** Each rule of pageFurniture.ts: what it takes, and the article text next to it that it must leave. */
import { describe, expect, it } from 'vitest';
import {
  classifyFurniture,
  isLeadingFurniture,
  readDateLine,
  titleProblem,
  trailingAgencySlug,
  trailingCredit,
  type FurnitureKind,
} from '../../src/corpus/pageFurniture.ts';

describe('classifyFurniture', () => {
  it.each<[string, FurnitureKind]>([
    // Photo credits: the copyright sign, "Photo :", "Crédits :", an agency beside a slash.
    ['© Mikhail Metzel/TASS', 'photo credit'],
    ['(c) AFP', 'photo credit'],
    ['Photo : Reuters/Maxim Shemetov', 'photo credit'],
    ['Photo: Reuters/Maxim Shemetov', 'photo credit'],
    ['Crédit photo : Reuters', 'photo credit'],
    ['Crédits photos : DR', 'photo credit'],
    ['(Crédits : Sputnik/Reuters)', 'photo credit'],
    ['Photo credit: AP', 'photo credit'],
    ['REUTERS/Maxim Shemetov', 'photo credit'],
    ['Alexei Nikolsky / Sputnik / AFP', 'photo credit'],
    ['Getty Images', 'photo credit'],
    ['(AFP)', 'photo credit'],
    ["Photo d'illustration", 'photo credit'],
    // Captions: a line or two that ends with a credit.
    ['Vladimir Poutine au Kremlin, le 14 décembre 2017. © Alexei Nikolsky / AFP', 'photo caption'],
    ["Vladimir Poutine et Donald Trump au sommet de l'APEC, en novembre 2017. (Crédits : Jorge Silva/Reuters)", 'photo caption'],
    ['La cathédrale Notre-Dame-de-Kazan, à Saint-Pétersbourg. AFP PHOTO', 'photo caption'],
    ['Des policiers devant la cathédrale. Getty Images', 'photo caption'],
    // Copyright notices.
    ['© Le Monde 2017. Tous droits réservés.', 'copyright notice'],
    ['Copyright 2017 The Associated Press. All rights reserved.', 'copyright notice'],
    // Share buttons.
    ['Partager sur Facebook', 'share buttons'],
    ['Partager cet article', 'share buttons'],
    ['Facebook Twitter LinkedIn E-mail', 'share buttons'],
    ['Share on Facebook · Share on Twitter · Email', 'share buttons'],
    ['Copier le lien', 'share buttons'],
    ['Imprimer', 'share buttons'],
    ['Facebook', 'share buttons'],
    // Bylines.
    ['Par Jean Dupont', 'byline'],
    ['Par Jean Dupont et Marie Martin, envoyée spéciale à Moscou', 'byline'],
    ['By John Smith', 'byline'],
    ['Par Jean Dupont - Publié le 18 décembre 2017 à 9h30', 'byline'],
    // Date lines.
    ['publié le 18/12/2017 à 03:40', 'date line'],
    ['Publié le 18/12/2017 à 03h40 | Mis à jour le 18/12/2017 à 09h12', 'date line'],
    ['Mis à jour le 19 décembre 2017', 'date line'],
    ['Published December 18, 2017 at 3:40 am', 'date line'],
    ['lundi 18 décembre 2017', 'date line'],
    ['18.12.2017 - 09:30', 'date line'],
    ['2017-12-18T09:30:00+01:00', 'date line'],
    // Related links.
    ['Lire aussi : Le FSB déjoue un attentat à Saint-Pétersbourg', 'related link'],
    ['À lire aussi Le FSB déjoue un attentat', 'related link'],
    ['Voir aussi : notre dossier', 'related link'],
    ['Sur le même sujet : Poutine et Trump au téléphone', 'related link'],
    ['Read more: Kremlin hails CIA tip', 'related link'],
    ['Related: Putin thanks Trump', 'related link'],
    ['READ MORE Putin thanks Trump', 'related link'],
    // Paywall notices.
    ['Il vous reste 60 % de cet article à lire.', 'paywall notice'],
    ['Il vous reste 74.5% de cet article à lire. La suite est réservée aux abonnés.', 'paywall notice'],
    ['Cet article est réservé aux abonnés', 'paywall notice'],
    ['Déjà abonné ? Connectez-vous', 'paywall notice'],
    ['Subscribe to read the full story', 'paywall notice'],
    ['To continue reading, log in', 'paywall notice'],
    // Addresses and press-database headers.
    ['https://www.example.com/monde/article.html', 'web address'],
    ['www.example.com/a', 'web address'],
    ['reuters.com | | 316 mots', 'press database header'],
    ['Le Monde | International, jeudi 18 décembre 2017 | 650 mots', 'press database header'],
    ['412 words', 'press database header'],
  ])('%s: %s', (line, kind) => {
    expect(classifyFurniture(line)?.kind).toBe(kind);
  });

  it.each([
    'Le Kremlin a salué la coopération.',
    'Par ailleurs, le Kremlin a salué la coopération.',
    'Poutine remercie Trump, selon Reuters',
    'Trump remercié par le Kremlin',
    'Poutine en photos : sa semaine',
    'Attentats du 13 novembre 2015 : le procès',
    'MOSCOU, 18 décembre. Les informations de la CIA ont permis de déjouer un attentat.',
    'MOSCOW (Reuters) - Russian President Vladimir Putin called Donald Trump on Sunday.',
    'Le porte-parole a déclaré : « Partager nos informations est normal ».',
    'Il vous reste à comprendre pourquoi.',
    'Read more about it in the report published on Monday.',
    'Il a parlé le 18/12/2017 à 03:40 avec Donald Trump.',
    'Les options (a), (b) et (c) restent ouvertes.',
    'X',
    'Mail',
    `${'Un très long paragraphe. '.repeat(15)}© AFP`,
  ])('leaves article text: %s', (line) => {
    expect(classifyFurniture(line)).toBeNull();
  });
});

describe('readDateLine', () => {
  it.each([
    ['publié le 18/12/2017 à 03:40', '2017-12-18'],
    ['Publié le 1er décembre 2017', '2017-12-01'],
    ['Published December 18, 2017 at 3:40 am', '2017-12-18'],
    ['Dec. 18, 2017', '2017-12-18'],
    ['Publié le 18/12/2017 à 03h40 | Mis à jour le 19/12/2017 à 09h12', '2017-12-18'],
    // 12/18 can only be American.
    ['Posted 12/18/2017', '2017-12-18'],
  ])('%s gives %s', (line, date) => {
    expect(readDateLine(line)).toEqual({ kind: 'date line', date });
  });

  it.each([
    // 05/06 on an English page is May or June: no date rather than a guess.
    'Updated 05/06/2017',
    // An update says when the page changed, not when it was published.
    'Mis à jour le 19/12/2017 à 09h12',
    // An impossible day.
    'Publié le 31/02/2017',
  ])('is a date line without a publication date: %s', (line) => {
    expect(readDateLine(line)).toEqual({ kind: 'date line' });
  });
});

describe('leading furniture, slugs and trailing credits', () => {
  it('takes a breadcrumb, only through isLeadingFurniture', () => {
    expect(isLeadingFurniture('Accueil > Monde > Europe')).toEqual({ kind: 'breadcrumb' });
    expect(isLeadingFurniture('Paris / Moscou')).toBeNull();
    expect(classifyFurniture('Accueil > Monde > Europe')).toBeNull();
  });

  it.each([
    ['Xinhua/VNA/CVN', 'Xinhua/VNA/CVN'],
    ['Les deux pays coopèrent. Xinhua/VNA/CVN', 'Xinhua/VNA/CVN'],
    ['Les deux pays coopèrent.- AFP/VNA/CVN', '- AFP/VNA/CVN'],
    ['Les relations se sont tendues. (Reuters)', '(Reuters)'],
  ])('finds the agency slug closing %s', (paragraph, slug) => {
    expect(trailingAgencySlug(paragraph)).toBe(slug);
  });

  it.each(["selon l'ONU", 'Le texte selon Trump', 'Il a parlé au FSB.', 'Les deux pays coopèrent. OTAN'])('finds no slug in %s', (paragraph) => {
    expect(trailingAgencySlug(paragraph)).toBeNull();
  });

  it('takes a bracketed credit off the end of a paragraph, and nothing else', () => {
    expect(trailingCredit('Le porte-parole a parlé de la coopération. (Crédits : Reuters)')).toBe(' (Crédits : Reuters)');
    expect(trailingCredit('Le porte-parole a parlé (longuement) de la coopération.')).toBeNull();
    expect(trailingCredit('(Crédits : Reuters)')).toBeNull();
  });
});

describe('titleProblem', () => {
  it.each([
    ['Par Jean Dupont', 'looks like a byline'],
    ['publié le 18/12/2017 à 03:40', 'looks like a date line'],
    ['© AFP', 'looks like a photo credit'],
    ['Vladimir Poutine au Kremlin, le 14 décembre 2017. © Alexei Nikolsky / AFP', 'looks like a photo caption'],
    ['Vladimir Poutine au Kremlin, le 14 décembre 2017', 'ends with a date, as a photo caption does'],
    ['Lire aussi : Le FSB déjoue un attentat', 'looks like a related link'],
    ['Read more: Kremlin hails CIA tip', 'looks like a related link'],
    ['https://www.example.com/a', 'looks like a web address'],
    ['Voir https://www.example.com/a', 'holds a web address'],
    ['Partager sur Facebook', 'looks like share buttons'],
    ['Accueil > Monde', 'looks like a breadcrumb'],
    ['Xinhua/VNA/CVN', 'looks like an agency credit'],
    ['Poutine remercie Trump pour…', 'ends with "…", as a cut teaser does'],
  ])('%s %s', (line, problem) => {
    expect(titleProblem(line)).toBe(problem);
  });

  it.each([
    'Poutine remercie Trump',
    'Attentats déjoués : Poutine remercie Trump',
    'Attentats du 13 novembre 2015 : le procès',
    'Putin thanks Trump for CIA tip, Kremlin says',
    'Trump remercié par le Kremlin',
  ])('takes %s', (line) => {
    expect(titleProblem(line)).toBeNull();
  });
});
