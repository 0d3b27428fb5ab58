/** The five seed articles, their corpus files and what SOURCES.md says about them. Shared by the importer tests. */
import { join } from 'node:path';
import type { ImportOptions } from '../../src/corpus/importArticle.ts';

export const SEEDS_DIR = join(import.meta.dirname, 'raw-seeds');
export const REAL_CORPUS = join(import.meta.dirname, '../../corpus');

export interface Seed {
  readonly file: string;
  readonly corpusId: string;
  readonly options: ImportOptions;
  /** How each piece of text the importer must take out begins, in order. */
  readonly removed: readonly string[];
}

export const SEEDS: readonly Seed[] = [
  {
    file: '000_957117c1ec966157.txt',
    corpusId: '2017-12-metro-poutine-remercie-trump',
    options: {
      outlet: 'Métro',
      published: '2017-12',
      url: 'http://journalmetro.com/monde/1296827/attentats-dejoues-poutine-remercie-trump/',
      title: 'Attentats déjoués : Poutine remercie Trump',
    },
    removed: ['date 2017-12'],
  },
  {
    file: '001_b4ef2b340a68d797.txt',
    corpusId: '2020-01-05-affaires-internationales-poutine-remercie-etats-unis',
    options: {
      outlet: 'Affaires Internationales',
      published: '2020-01-05',
      url: 'https://www.affairesinternationales.fr/2020/01/05/vladimir-poutine-remercie-les-etats-unis-davoir-aide-la-russie-a-dejouer-les-attaques-du-nouvel-an/',
    },
    removed: [
      'Vladimir Poutine remercie les États-Unis d’avoir aidé la Russie à déjouer les attaques du Nouvel An',
      'Laisser un commentaire',
      '*',
      'Ce site utilise Akismet pour réduire les indésirables.',
    ],
  },
  {
    file: '002_33a7543e5224e7c1.txt',
    corpusId: '2017-12-18-sputnik-peskov-cooperation',
    options: {
      outlet: 'Sputnik France',
      published: '2017-12-18',
      url: 'https://fr.sputniknews.africa/20171218/attentat-saint-petersbourg-cooperation-russie-usa-1034376012.html',
      title: 'Attentat à Saint-Pétersbourg : la coopération Russie-USA',
    },
    removed: [],
  },
  {
    file: '003_087706d855a4c345.txt',
    corpusId: '2017-12-18-mirastnews-kremlin-exemple-cooperation',
    options: { outlet: 'MIRASTNEWS', published: '2017-12-18' },
    removed: ['A la Une', '©\u00a0Mikhail Metzel/TASS', 'Traduction\u00a0: MIRASTNEWS', 'Source\u00a0: TASS', 'Laisser un commentaire'],
  },
  {
    file: '004_6509730318fb35d7.txt',
    corpusId: '2017-12-18-zone-militaire-cia-attentat-dejoue',
    options: {
      outlet: 'Zone Militaire',
      published: '2017-12-18',
      url: 'https://www.opex360.com/2017/12/18/renseignements-donnes-aux-service-russes-cia-ont-permis-de-dejouer-attentat-a-saint-petersbourg/',
    },
    removed: ["Conformément à l'article 38 de la Loi 78-17 du 6 janvier 1978"],
  },
];
