import { questionCommand } from '../src/desk/questionCommand.ts';

export const when = questionCommand({
  name: 'when',
  localizedName: { en: 'when', fr: 'quand' },
  description: {
    en: 'When did it happen? The date, as precise as the articles give it, with sources',
    fr: 'Quand ? La date, aussi précise que les articles la donnent, sources à l’appui',
  },
  option: {
    name: 'question',
    localizedName: { en: 'question', fr: 'question' },
    description: {
      en: 'Your question, e.g. When did Putin call Trump?',
      fr: 'Votre question, par ex. Quand Poutine a-t-il appelé Trump ?',
    },
    required: true,
  },
  example: { en: '/when When did the FSB arrest the cell?', fr: '/quand Quand Poutine a-t-il remercié Trump ?' },
  autocomplete: 'names',
});
