/**
 * The questions the benches ask. The seed questions are about the seed corpus's story, which both
 * corpus kinds carry; the others are about the fixture stories too (carried by the zipf corpus), in
 * French and English, short and long, so that search meets rare words, common words and names.
 */
import type { AnswerCommand } from '../src/answer/types.ts';

export interface BenchQuestion {
  readonly command: AnswerCommand;
  readonly query: string;
}

/**
 * The listings, which read the corpus as a whole rather than a question's candidates: /outlets, the
 * whole /timeline, and /timeline restricted by words (a name, and words of substance).
 */
export const LISTING_QUESTIONS: readonly BenchQuestion[] = [
  { command: 'outlets', query: '' },
  { command: 'timeline', query: '' },
  { command: 'timeline', query: 'Poutine' },
  { command: 'timeline', query: 'arrestations du FSB' },
];

const asked = (pairs: readonly (readonly [AnswerCommand, string])[]): BenchQuestion[] =>
  pairs.map(([command, query]) => ({ command, query }));

export const SEED_QUESTIONS: readonly BenchQuestion[] = asked([
  ['who', 'Qui a remercié Trump ?'],
  ['when', 'Quand Poutine a-t-il remercié Trump ?'],
  ['where', 'Où l’attentat était-il prévu ?'],
  ['source', 'Telegram'],
  // A claim with names and words of substance: reads the paragraphs around passages that lack a name.
  [
    'source',
    'Quels médias rapportent que Poutine a remercié Trump pour les renseignements de la CIA en décembre 2017 ?',
  ],
  ['ask', 'Combien de membres de la cellule ont été arrêtés ?'],
  ['who', 'Who is the Kremlin spokesman?'],
]);

export const MORE_QUESTIONS: readonly BenchQuestion[] = asked([
  ['ask', 'Que dit le FSB sur les explosifs ?'],
  ['where', 'Où se trouvait la cathédrale visée ?'],
  ['when', 'When did the CIA warn Russia?'],
  ['source', 'Peskov'],
  ['who', 'Qui exploite le funiculaire du Mont-Bardon ?'],
  ['ask', 'Combien de passagers ont été évacués ?'],
  ['when', 'Quand le funiculaire a-t-il repris son service ?'],
  ['source', 'Quels médias accusent le sous-traitant du capteur ?'],
  ['who', 'Who painted the stolen painting?'],
  ['where', 'Où la toile volée a-t-elle été retrouvée ?'],
  ['ask', 'Quelle est la valeur de la toile de Castagnet ?'],
  ['source', 'la directrice du musée accuse la société de gardiennage'],
  ['who', 'Qui était le patron du chalutier ?'],
  ['ask', 'How many crew members were rescued?'],
  ['where', 'Où le chalutier a-t-il coulé ?'],
  ['source', 'Quels journaux disent que le cargo est responsable de la collision ?'],
  ['who', 'Qui a été mis en examen après l’incendie du port ?'],
  ['ask', 'Combien de pompiers ont été mobilisés ?'],
  ['when', 'When was the verdict in the silo fire trial?'],
  ['ask', 'the minister visited the port after the fire'],
  // Words no article writes: the search must still come back quickly with little.
  ['ask', 'Pourquoi le téléphérique de Grenoble est-il fermé ?'],
  ['who', 'Qui a gagné la coupe du monde de rugby ?'],
]);

export const ALL_QUESTIONS: readonly BenchQuestion[] = [...SEED_QUESTIONS, ...MORE_QUESTIONS];
