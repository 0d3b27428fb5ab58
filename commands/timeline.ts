import { questionCommand } from '../src/desk/questionCommand.ts';

export const timeline = questionCommand({
  name: 'timeline',
  localizedName: { en: 'timeline', fr: 'chronologie' },
  description: {
    en: 'The dated events of the story in order, each with its outlets',
    fr: 'Les événements datés de l’affaire, dans l’ordre, avec leurs médias',
  },
  option: {
    name: 'words',
    localizedName: { en: 'words', fr: 'mots' },
    description: {
      en: 'Only events about these words (optional)',
      fr: 'Seulement les événements liés à ces mots (facultatif)',
    },
    required: false,
  },
  example: { en: '/timeline arrests', fr: '/chronologie' },
  autocomplete: 'names',
});
