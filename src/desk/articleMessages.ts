/** What the article commands say to moderators, in French and English. */
import type { Locale } from '../answer/types.ts';

const fr = (locale: Locale) => locale === 'fr';

export const articleMessages = {
  notMarkdown: (locale: Locale): string =>
    fr(locale)
      ? 'seul un fichier Markdown au format du corpus (.md, voir corpus/README.md) est accepté ici ; pour un texte brut, utilisez l’importeur, ou /article ajouter sans fichier pour le formulaire'
      : 'only a Markdown file in the corpus format (.md, see corpus/README.md) is accepted here; for raw text use the importer, or /article add without a file for the form',
  unreadable: (locale: Locale, detail: string): string =>
    fr(locale) ? `le fichier n’a pas pu être lu : ${detail}` : `could not read the file: ${detail}`,
  formName: (locale: Locale): string => (fr(locale) ? 'formulaire' : 'form'),
  idTaken: (locale: Locale, id: string, path: string): string =>
    fr(locale)
      ? `id : un article d’id « ${id} » est déjà dans le corpus (${path}) ; il n’est pas remplacé. Retirez-le d’abord (/article retirer) ou renommez le fichier`
      : `id: an article with the id "${id}" is already in the corpus (${path}); it is not replaced. Remove it first (/article remove) or rename the file`,
  fileExists: (locale: Locale, path: string): string =>
    fr(locale)
      ? `${path} existe déjà dans le dossier du corpus (peut-être un fichier refusé au chargement) ; il n’est pas remplacé. Corrigez ou supprimez ce fichier, ou renommez le nouveau`
      : `${path} already exists in the corpus folder (perhaps a file the loader refused); it is not replaced. Fix or delete that file, or rename the new one`,
  sameText: (locale: Locale, path: string): string =>
    fr(locale)
      ? `texte en double : ${path} a déjà le même texte (espaces et sauts de ligne mis à part) ; l’article n’est pas ajouté deux fois`
      : `duplicate text: ${path} already has the same text (spaces and line breaks aside); the article is not added twice`,
  languageDetected: (locale: Locale, language: string): string =>
    fr(locale)
      ? `langue : « ${language} » détectée dans le texte ; si elle est fausse, annulez et relancez avec l’option langue`
      : `language: "${language}" detected from the text; if it is wrong, cancel and run the command again with the language option`,
  writeFailed: (locale: Locale, path: string, detail: string): string =>
    fr(locale) ? `${path} n’a pas pu être écrit : ${detail}` : `could not write ${path}: ${detail}`,
  moveFailed: (locale: Locale, path: string, detail: string): string =>
    fr(locale)
      ? `${path} n’a pas pu être déplacé dans la corbeille : ${detail}`
      : `could not move ${path} to the trash: ${detail}`,
  noSuchArticle: (locale: Locale, id: string): string =>
    fr(locale)
      ? `Aucun article d’id « ${id} » dans le corpus. /article liste donne les ids.`
      : `No article has the id "${id}". /article list gives the ids.`,
  lastArticle: (locale: Locale, id: string): string =>
    fr(locale)
      ? `« ${id} » est le dernier article du corpus : le retirer laisserait le bot sans rien à citer. Ajoutez d’abord un autre article.`
      : `"${id}" is the last article in the corpus: removing it would leave the bot nothing to quote. Add another article first.`,
  fileRefused: (locale: Locale): string =>
    fr(locale) ? 'Article refusé, rien n’a été écrit :' : 'Article refused, nothing was written:',
  needsFile: (locale: Locale): string =>
    fr(locale)
      ? 'Donnez le fichier de l’article (Markdown au format du corpus), par exemple : /ajouter corpus-a-ajouter/2017-12-18-sputnik-peskov.md'
      : 'Give the article’s file (Markdown in the corpus format), e.g. /add to-add/2017-12-18-sputnik-peskov.md',
  addLabel: (locale: Locale): string => (fr(locale) ? 'Ajouter l’article' : 'Add the article'),
  removeLabel: (locale: Locale): string => (fr(locale) ? 'Mettre à la corbeille' : 'Move to the trash'),
  reloadAnywayLabel: (locale: Locale): string => (fr(locale) ? 'Recharger quand même' : 'Reload anyway'),
  cancelLabel: (locale: Locale): string => (fr(locale) ? 'Annuler' : 'Cancel'),
  addPrompt: (locale: Locale, path: string): string =>
    fr(locale) ? `Écrire ${path} dans le corpus et recharger ?` : `Write ${path} into the corpus and reload?`,
  removePrompt: (locale: Locale, path: string): string =>
    fr(locale)
      ? `Déplacer ${path} dans .trash/ (rien n’est effacé) et recharger ?`
      : `Move ${path} to .trash/ (nothing is deleted) and reload?`,
  reloadAnywayPrompt: (locale: Locale, removed: number): string =>
    fr(locale)
      ? `Recharger quand même, en retirant ${removed} articles ?`
      : `Reload anyway, removing ${removed} articles?`,
} as const;
