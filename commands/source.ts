import { questionCommand } from '../src/desk/questionCommand.ts';

export const source = questionCommand({
  name: 'source',
  localizedName: { en: 'source', fr: 'source' },
  description: {
    en: 'Which outlets report it? Every outlet that mentions your words, each with a quote',
    fr: 'Qui le rapporte ? Chaque média qui mentionne vos mots, avec une citation',
  },
  option: {
    name: 'claim',
    localizedName: { en: 'claim', fr: 'affirmation' },
    description: { en: 'Words or a claim, e.g. Telegram', fr: 'Des mots ou une affirmation, par ex. Telegram' },
    required: true,
  },
  example: { en: '/source Telegram', fr: '/source Telegram' },
  autocomplete: 'outlets',
});
