import { answerQuestion } from '../src/answer/answerQuestion.ts';
import type { CommandDefinition } from '../src/desk/commandTypes.ts';

export const outlets: CommandDefinition = {
  name: 'outlets',
  localizedName: { en: 'outlets', fr: 'médias' },
  description: {
    en: 'The outlets in the corpus, with their articles, dates and titles',
    fr: 'Les médias du corpus, avec leurs articles, dates et titres',
  },
  options: [],
  moderatorOnly: false,
  example: { en: '/outlets', fr: '/médias' },
  handle: (context) => ({
    kind: 'answer',
    answer: answerQuestion(context.index, { command: 'outlets', query: '', locale: context.locale }),
  }),
};
