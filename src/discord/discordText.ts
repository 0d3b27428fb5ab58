/**
 * Every word the Discord transport itself shows, in French and English. The commands' own words (answers,
 * notes, refusals) come from the commands; these are the frame around them.
 */
import type { Locale } from '../answer/types.ts';

export interface DiscordText {
  readonly nothingFound: string;
  readonly closestPassages: string;
  readonly alsoCarriedBy: (outlets: string) => string;
  readonly accordingTo: (outlets: string) => string;
  /** "3 outlets · 4 articles" for the footer. */
  readonly support: (outlets: number, articles: number) => string;
  readonly page: (page: number, pages: number) => string;
  readonly moreSources: (page: number, pages: number) => string;
  readonly pageExpired: string;
  readonly helpTitle: string;
  readonly example: string;
  readonly reloadDone: string;
  readonly reloadFailed: string;
  readonly reloadCounts: (articles: number, passages: number) => string;
  readonly reloadNoChange: string;
  /** In a sharded run: how many shard processes serve the reloaded index. */
  readonly reloadShards: (serving: number, total: number) => string;
  readonly shardProblems: string;
  readonly added: string;
  readonly removed: string;
  readonly changed: string;
  readonly rejected: string;
  readonly warnings: string;
  readonly addTitle: string;
  readonly removeTitle: string;
  readonly previewFooter: string;
  readonly file: string;
  readonly from: string;
  readonly language: string;
  readonly text: string;
  readonly origin: string;
  readonly paragraphs: (paragraphs: number, characters: number) => string;
  readonly problems: string;
  readonly added1: (path: string) => string;
  readonly removed1: (path: string, trash: string) => string;
  readonly articleAdded: string;
  readonly articleRemoved: string;
  readonly listTitle: (count: number) => string;
  readonly listEmpty: string;
  readonly notYours: string;
  readonly confirmExpired: string;
  readonly cancelled: string;
  readonly attachmentFailed: (name: string, reason: string) => string;
  readonly andMore: (count: number) => string;
  readonly others: (count: number) => string;
  readonly moderatorsOnly: string;
  readonly somethingWentWrong: string;
  readonly list: (items: readonly string[]) => string;
}

const frenchList = new Intl.ListFormat('fr', { type: 'conjunction' });
const englishList = new Intl.ListFormat('en', { type: 'conjunction' });

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

const french: DiscordText = {
  nothingFound: 'Rien dans les articles ne répond à cette question.',
  closestPassages: 'Passages les plus proches',
  alsoCarriedBy: (outlets) => `Repris aussi par ${outlets}`,
  accordingTo: (outlets) => `selon ${outlets}`,
  support: (outlets, articles) => `${plural(outlets, 'média', 'médias')} · ${plural(articles, 'article', 'articles')}`,
  page: (page, pages) => `page ${page}/${pages}`,
  moreSources: (page, pages) => `Plus de sources (${page}/${pages})`,
  pageExpired: 'Ces sources ne sont plus conservées (elles le restent 15 minutes). Posez la question à nouveau.',
  helpTitle: 'Commandes',
  example: 'Exemple :',
  reloadDone: 'Corpus rechargé',
  reloadFailed: 'Échec du rechargement : le corpus précédent reste en service',
  reloadCounts: (articles, passages) =>
    `${plural(articles, 'article', 'articles')}, ${plural(passages, 'passage', 'passages')}.`,
  reloadNoChange: 'Aucun changement.',
  reloadShards: (serving, total) =>
    serving === total ? `Rechargé par les ${total} shards.` : `Rechargé par ${serving} shards sur ${total}.`,
  shardProblems: 'Shards',
  added: 'Ajoutés',
  removed: 'Retirés',
  changed: 'Modifiés',
  rejected: 'Refusés',
  warnings: 'Chargés avec un avertissement',
  addTitle: 'Ajouter cet article ?',
  removeTitle: 'Retirer cet article ?',
  previewFooter: 'Rien n’est écrit tant que vous ne confirmez pas ; vous seul pouvez confirmer.',
  file: 'Fichier',
  from: 'Envoyé comme',
  language: 'Langue',
  text: 'Texte',
  origin: 'Origine',
  paragraphs: (paragraphs, characters) =>
    `${plural(paragraphs, 'paragraphe', 'paragraphes')}, ${plural(characters, 'caractère', 'caractères')}`,
  problems: 'Avertissements',
  added1: (path) => `Écrit : ${path}`,
  removed1: (path, trash) => `${path} déplacé dans ${trash}`,
  articleAdded: 'Article ajouté',
  articleRemoved: 'Article mis à la corbeille',
  listTitle: (count) => `Articles du corpus (${count})`,
  listEmpty: 'Le corpus n’a aucun article.',
  notYours: 'Seul le modérateur qui a lancé la commande peut confirmer ou annuler.',
  confirmExpired: 'Cette confirmation a expiré (15 minutes) ou a déjà servi. Relancez la commande.',
  cancelled: 'Annulé : rien n’a changé.',
  attachmentFailed: (name, reason) => `Le fichier joint ${name} n’a pas pu être téléchargé : ${reason}`,
  andMore: (count) => `… et ${count} de plus`,
  others: (count) => plural(count, 'autre', 'autres'),
  moderatorsOnly:
    'Cette commande est réservée aux modérateurs (permission « Gérer le serveur » ou rôle de modération).',
  somethingWentWrong: 'Une erreur est survenue de notre côté. Réessayez dans un instant.',
  list: (items) => frenchList.format(items),
};

const english: DiscordText = {
  nothingFound: 'Nothing in the articles answers this question.',
  closestPassages: 'Closest passages',
  alsoCarriedBy: (outlets) => `Also carried by ${outlets}`,
  accordingTo: (outlets) => `according to ${outlets}`,
  support: (outlets, articles) =>
    `${plural(outlets, 'outlet', 'outlets')} · ${plural(articles, 'article', 'articles')}`,
  page: (page, pages) => `page ${page}/${pages}`,
  moreSources: (page, pages) => `More sources (${page}/${pages})`,
  pageExpired: 'These sources are no longer kept (they are for 15 minutes). Please ask the question again.',
  helpTitle: 'Commands',
  example: 'Example:',
  reloadDone: 'Corpus reloaded',
  reloadFailed: 'Reload failed: the previous corpus keeps serving',
  reloadCounts: (articles, passages) =>
    `${plural(articles, 'article', 'articles')}, ${plural(passages, 'passage', 'passages')}.`,
  reloadNoChange: 'No change.',
  reloadShards: (serving, total) =>
    serving === total ? `Reloaded by all ${total} shards.` : `Reloaded by ${serving} of ${total} shards.`,
  shardProblems: 'Shards',
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  rejected: 'Rejected',
  warnings: 'Loaded with a warning',
  addTitle: 'Add this article?',
  removeTitle: 'Remove this article?',
  previewFooter: 'Nothing is written until you confirm; only you can confirm.',
  file: 'File',
  from: 'Sent as',
  language: 'Language',
  text: 'Text',
  origin: 'Origin',
  paragraphs: (paragraphs, characters) =>
    `${plural(paragraphs, 'paragraph', 'paragraphs')}, ${plural(characters, 'character', 'characters')}`,
  problems: 'Warnings',
  added1: (path) => `Written: ${path}`,
  removed1: (path, trash) => `${path} moved to ${trash}`,
  articleAdded: 'Article added',
  articleRemoved: 'Article moved to the trash',
  listTitle: (count) => `Corpus articles (${count})`,
  listEmpty: 'The corpus has no article.',
  notYours: 'Only the moderator who ran the command can confirm or cancel.',
  confirmExpired: 'This confirmation has expired (15 minutes) or was already used. Run the command again.',
  cancelled: 'Cancelled: nothing changed.',
  attachmentFailed: (name, reason) => `The attached file ${name} could not be downloaded: ${reason}`,
  andMore: (count) => `… and ${count} more`,
  others: (count) => `${count} more`,
  moderatorsOnly: 'This command is for moderators (Manage Server permission or a moderator role).',
  somethingWentWrong: 'Something went wrong on our side. Please try again in a moment.',
  list: (items) => englishList.format(items),
};

export function discordText(locale: Locale): DiscordText {
  return locale === 'fr' ? french : english;
}

/** Discord sends `fr`, `en-US`, `en-GB`, `de`…: French for French, English for everything else. */
export function localeOf(discordLocale: string | null | undefined): Locale {
  return discordLocale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl formatter costs far more than using one: one per locale and precision. */
function dateFormat(locale: Locale, withDay: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withDay}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      ...(withDay ? { day: 'numeric' } : {}),
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dateFormats.set(key, format);
  }
  return format;
}

/** A publication date at its precision: `2017-12-18` -> "18 décembre 2017", `2017-12` -> "December 2017". */
export function formatPublished(iso: string, locale: Locale): string {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/u.exec(iso);
  if (!match?.[2]) return iso;
  const date = new Date(`${match[1]}-${match[2]}-${match[3] ?? '01'}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(locale, match[3] !== undefined).format(date);
}
