import { articleMessages } from '../src/desk/articleMessages.ts';
import { previewOfDraft, type Prepared } from '../src/desk/articleStore.ts';
import type { CommandDefinition, Reply } from '../src/desk/commandTypes.ts';
import { deskMessages } from '../src/desk/deskMessages.ts';
import { articleGroup } from './articleGroup.ts';
import { reloadAnyway } from './reload.ts';

/** Why a file or a form was refused: every problem as `path: reason`, one a line. */
function refused(prepared: Extract<Prepared, { ok: false }>, locale: 'fr' | 'en'): Reply {
  const lines = prepared.problems.map((problem) => `${problem.path}: ${problem.reason}`);
  return { kind: 'refusal', message: [articleMessages.fileRefused(locale), ...lines].join('\n') };
}

export const articleAdd: CommandDefinition = {
  name: 'add',
  localizedName: { en: 'add', fr: 'ajouter' },
  group: articleGroup,
  description: {
    en: 'Moderators: add an article from a Markdown file, or from a form; shown for confirmation first',
    fr: 'Modération : ajouter un article (fichier Markdown ou formulaire), montré avant confirmation',
  },
  options: [
    {
      name: 'file',
      localizedName: { en: 'file', fr: 'fichier' },
      description: {
        en: 'The article as a .md file in the corpus format; leave it out to fill in a form',
        fr: 'L’article en fichier .md au format du corpus ; sans fichier, un formulaire s’ouvre',
      },
      required: false,
      maxLength: 1000,
      type: 'attachment',
    },
    {
      name: 'language',
      localizedName: { en: 'language', fr: 'langue' },
      description: {
        en: 'Form only: the text’s language code (fr, en…); default: detected from the text',
        fr: 'Formulaire : code de la langue du texte (fr, en…) ; par défaut, détectée',
      },
      required: false,
      maxLength: 3,
    },
  ],
  form: {
    title: { en: 'Add an article', fr: 'Ajouter un article' },
    unlessOption: 'file',
    fields: [
      {
        name: 'title',
        label: { en: 'Headline', fr: 'Titre' },
        hint: { en: 'As printed by the outlet', fr: 'Tel que le média l’a publié' },
        required: true,
        maxLength: 300,
        style: 'line',
      },
      {
        name: 'outlet',
        label: { en: 'Outlet', fr: 'Média' },
        hint: {
          en: 'The newspaper, agency or site, e.g. Zone Militaire',
          fr: 'Journal, agence ou site, ex. Zone Militaire',
        },
        required: true,
        maxLength: 100,
        style: 'line',
      },
      {
        name: 'published',
        label: { en: 'Publication date', fr: 'Date de publication' },
        hint: {
          en: 'YYYY-MM-DD, or YYYY-MM or YYYY when only that is known',
          fr: 'AAAA-MM-JJ, ou AAAA-MM ou AAAA si c’est tout ce qu’on sait',
        },
        required: true,
        maxLength: 10,
        style: 'line',
      },
      {
        name: 'url',
        label: { en: 'Address (URL)', fr: 'Adresse (URL)' },
        hint: {
          en: 'Leave empty when unknown; never a guessed one',
          fr: 'Vide si inconnue ; jamais une adresse devinée',
        },
        required: false,
        maxLength: 500,
        style: 'line',
      },
      {
        name: 'body',
        label: { en: 'Text', fr: 'Texte' },
        hint: {
          en: 'Exactly as published, a blank line between paragraphs (longer texts: attach a .md file)',
          fr: 'Tel que publié, une ligne vide entre paragraphes (plus long : joindre un fichier .md)',
        },
        required: true,
        maxLength: 4000,
        style: 'paragraph',
      },
    ],
  },
  moderatorOnly: true,
  example: {
    en: '/article add file:2017-12-18-sputnik-peskov.md',
    fr: '/article ajouter fichier:2017-12-18-sputnik-peskov.md',
  },
  async handle(context, options) {
    const { locale } = context;
    if (!context.isModerator) return { kind: 'refusal', message: deskMessages.moderatorsOnly(locale) };
    const file = context.attachments['file'];
    let prepared: Prepared;
    if (file) {
      prepared = await context.articles.prepareFile(file);
    } else if (options['body'] !== undefined || options['title'] !== undefined) {
      prepared = await context.articles.prepareForm({
        title: options['title'] ?? '',
        outlet: options['outlet'] ?? '',
        published: options['published'] ?? '',
        body: options['body'] ?? '',
        ...(options['url'] !== undefined ? { url: options['url'] } : {}),
        ...(options['language'] !== undefined ? { language: options['language'] } : {}),
      });
    } else {
      return { kind: 'refusal', message: articleMessages.needsFile(locale) };
    }
    if (!prepared.ok) return refused(prepared, locale);
    const { draft } = prepared;
    return {
      kind: 'articlePreview',
      preview: previewOfDraft(draft),
      confirmation: {
        label: articleMessages.addLabel(locale),
        cancelLabel: articleMessages.cancelLabel(locale),
        prompt: articleMessages.addPrompt(locale, draft.path),
        async run() {
          const result = await context.articles.add(draft);
          if (!result.ok) return { kind: 'refusal', message: result.reason };
          const confirmation = reloadAnyway(context, result.done.report);
          return { kind: 'articleDone', done: result.done, ...(confirmation ? { confirmation } : {}) };
        },
      },
    };
  },
};
