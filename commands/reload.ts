import type { CommandDefinition } from '../src/desk/commandTypes.ts';
import { deskMessages } from '../src/desk/deskMessages.ts';

export const reload: CommandDefinition = {
  name: 'reload',
  localizedName: { en: 'reload', fr: 'recharger' },
  description: {
    en: 'Moderators: re-read the corpus folder and swap the index (the old one serves if it fails)',
    fr: 'Modération : relire le dossier du corpus et remplacer l’index (l’ancien reste si cela échoue)',
  },
  options: [],
  moderatorOnly: true,
  example: { en: '/reload', fr: '/recharger' },
  async handle(context) {
    if (!context.isModerator) return { kind: 'refusal', message: deskMessages.moderatorsOnly(context.locale) };
    return { kind: 'reload', report: await context.reloadCorpus() };
  },
};
