import type { CommandDefinition } from '../src/desk/commandTypes.ts';
import { feedbackUnavailable } from './feedbackUnavailable.ts';

export const forgetMe: CommandDefinition = {
  name: 'forget-me',
  localizedName: { en: 'forget-me', fr: 'oublie-moi' },
  description: {
    en: 'Delete what Story Desk keeps about you: your questions and your votes',
    fr: 'Effacer ce que Story Desk garde de vous : vos questions et vos votes',
  },
  options: [],
  moderatorOnly: false,
  repliesPrivately: true,
  example: { en: '/forget-me', fr: '/oublie-moi' },
  handle(context) {
    const result = context.feedback.enabled ? context.feedback.forgetAsker() : null;
    if (!result) return feedbackUnavailable(context.feedback, context.locale);
    return { kind: 'feedback', report: { view: 'forgotten', result } };
  },
};
