import { questionCommand } from '../src/desk/questionCommand.ts';

export const ask = questionCommand({
  name: 'ask',
  localizedName: { en: 'ask', fr: 'demander' },
  description: {
    en: 'Ask anything: the best passages, grouped by outlet',
    fr: 'Posez une question libre : les meilleurs passages, par média',
  },
  option: {
    name: 'question',
    localizedName: { en: 'question', fr: 'question' },
    description: {
      en: 'Your question, e.g. How many were arrested?',
      fr: 'Votre question, par ex. Combien de personnes ont été arrêtées ?',
    },
    required: true,
  },
  example: {
    en: '/ask How many members of the cell were arrested?',
    fr: '/demander Combien de membres de la cellule ont été arrêtés ?',
  },
});
