import type { CommandDefinition } from '../src/desk/commandTypes.ts';
import { feedbackUnavailable } from './feedbackUnavailable.ts';

export const gaps: CommandDefinition = {
  name: 'gaps',
  localizedName: { en: 'gaps', fr: 'lacunes' },
  description: {
    en: 'Moderators: questions the articles did not answer or readers voted wrong, similar ones grouped',
    fr: 'Modération : questions restées sans réponse ou jugées fausses, les semblables regroupées',
  },
  options: [],
  moderatorOnly: true,
  example: { en: '/gaps', fr: '/lacunes' },
  handle(context) {
    const groups = context.feedback.enabled ? context.feedback.gaps() : null;
    if (!groups) return feedbackUnavailable(context.feedback, context.locale);
    return { kind: 'feedback', report: { view: 'gaps', groups } };
  },
};
