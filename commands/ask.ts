import { questionCommand } from '../src/desk/questionCommand.ts';

export const ask = questionCommand({
  name: 'ask',
  description: {
    en: 'Ask anything: the best passages, grouped by outlet',
    fr: 'Posez une question libre : les meilleurs passages, par média',
  },
  option: {
    name: 'question',
    description: {
      en: 'Your question, e.g. How many were arrested?',
      fr: 'Votre question, par ex. Combien de personnes ont été arrêtées ?',
    },
    required: true,
  },
  example: {
    en: '/ask How many members of the cell were arrested?',
    fr: '/ask Combien de membres de la cellule ont été arrêtés ?',
  },
});
