import { questionCommand } from '../src/desk/questionCommand.ts';

export const where = questionCommand({
  name: 'where',
  localizedName: { en: 'where', fr: 'où' },
  description: {
    en: 'Where did it happen? The place that answers your question, with sources',
    fr: 'Où ? Le lieu qui répond à votre question, sources à l’appui',
  },
  option: {
    name: 'question',
    localizedName: { en: 'question', fr: 'question' },
    description: {
      en: 'Your question, e.g. Where was the attack planned?',
      fr: 'Votre question, par ex. Où l’attentat était-il prévu ?',
    },
    required: true,
  },
  example: { en: '/where Where was the attack planned?', fr: '/où Où l’attentat était-il prévu ?' },
  autocomplete: 'places',
});
