import { articleMessages } from '../src/desk/articleMessages.ts';
import type { CommandDefinition } from '../src/desk/commandTypes.ts';
import { deskMessages } from '../src/desk/deskMessages.ts';
import { articleGroup } from './articleGroup.ts';
import { reloadAnyway } from './reload.ts';

export const articleRemove: CommandDefinition = {
  name: 'remove',
  localizedName: { en: 'remove', fr: 'retirer' },
  group: articleGroup,
  description: {
    en: 'Moderators: move an article’s file to the corpus trash (.trash/), after confirmation',
    fr: 'Modération : déplacer le fichier d’un article dans la corbeille (.trash/), après confirmation',
  },
  options: [
    {
      name: 'id',
      localizedName: { en: 'id', fr: 'id' },
      description: {
        en: 'The article’s id (its file name); type to search titles',
        fr: 'L’id de l’article (son nom de fichier) ; tapez pour chercher',
      },
      required: true,
      maxLength: 200,
      autocomplete: 'articles',
    },
  ],
  moderatorOnly: true,
  example: { en: '/article remove id:2017-12-18-sputnik-peskov', fr: '/article retirer id:2017-12-18-sputnik-peskov' },
  handle(context, options) {
    const { locale } = context;
    if (!context.isModerator) return { kind: 'refusal', message: deskMessages.moderatorsOnly(locale) };
    const found = context.articles.findForRemoval(options['id'] ?? '');
    if (!found.ok) return { kind: 'refusal', message: found.reason };
    const { preview } = found;
    return {
      kind: 'articlePreview',
      preview,
      confirmation: {
        label: articleMessages.removeLabel(locale),
        cancelLabel: articleMessages.cancelLabel(locale),
        prompt: articleMessages.removePrompt(locale, preview.path),
        async run() {
          const result = await context.articles.remove(preview.id);
          if (!result.ok) return { kind: 'refusal', message: result.reason };
          const confirmation = reloadAnyway(context, result.done.report);
          return { kind: 'articleDone', done: result.done, ...(confirmation ? { confirmation } : {}) };
        },
      },
    };
  },
};
