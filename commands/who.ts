import { questionCommand } from '../src/desk/questionCommand.ts';

export const who = questionCommand({
  name: 'who',
  localizedName: { en: 'who', fr: 'qui' },
  description: {
    en: 'Who did it? The person or organisation that answers your question, with sources',
    fr: 'Qui ? La personne ou l’organisation qui répond à votre question, sources à l’appui',
  },
  option: {
    name: 'question',
    localizedName: { en: 'question', fr: 'question' },
    description: { en: 'Your question, e.g. Who thanked Trump?', fr: 'Votre question, par ex. Qui a remercié Trump ?' },
    required: true,
  },
  example: { en: '/who Who thanked Trump for the CIA tip?', fr: '/qui Qui a remercié Trump ?' },
  autocomplete: 'people',
});
