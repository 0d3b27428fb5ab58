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
  readonly added: string;
  readonly removed: string;
  readonly changed: string;
  readonly rejected: string;
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
  added: 'Ajoutés',
  removed: 'Retirés',
  changed: 'Modifiés',
  rejected: 'Refusés',
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
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  rejected: 'Rejected',
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
