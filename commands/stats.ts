import type { CommandDefinition } from '../src/desk/commandTypes.ts';
import { feedbackUnavailable } from './feedbackUnavailable.ts';

export const stats: CommandDefinition = {
  name: 'stats',
  localizedName: { en: 'stats', fr: 'statistiques' },
  description: {
    en: 'Moderators: answers served, the share unanswered, and readers’ votes, over 7 and 30 days',
    fr: 'Modération : réponses données, part sans réponse et votes des lecteurs, sur 7 et 30 jours',
  },
  options: [],
  moderatorOnly: true,
  example: { en: '/stats', fr: '/statistiques' },
  handle(context) {
    const figures = context.feedback.enabled ? context.feedback.stats() : null;
    if (!figures) return feedbackUnavailable(context.feedback, context.locale);
    return { kind: 'feedback', report: { view: 'stats', stats: figures } };
  },
};
