/**
 * Every sentence the answer engine writes for people, in French and English. Quotes are never
 * translated: they stay in their article's language.
 */
import type { Locale } from './types.ts';

const list = (items: readonly string[], locale: Locale): string =>
  new Intl.ListFormat(locale === 'fr' ? 'fr' : 'en', { style: 'long', type: 'conjunction' }).format(items);

export const messages = {
  nothingFound: (locale: Locale): string =>
    locale === 'fr'
      ? 'Rien dans le corpus ne répond à cette question.'
      : 'Nothing in the corpus answers this question.',
  closestByMeaning: (locale: Locale): string =>
    locale === 'fr'
      ? 'Les articles ne répondent pas à cette question. Voici les passages les plus proches par le sens, à lire : ce n’est pas une réponse.'
      : 'The articles do not answer this question. Here are the passages closest in meaning, to read: they are not an answer.',
  meaningNotStated: (locale: Locale): string =>
    locale === 'fr'
      ? 'Les articles ne le disent pas : aucune phrase trouvée ne dit ce qui est demandé, même en d’autres mots. Les passages ci-dessous sont les plus proches, à lire : ce n’est pas une réponse.'
      : 'The articles do not say: no sentence found says what is asked, even in other words. The passages below are the closest, to read: they are not an answer.',
  actNotStated: (locale: Locale, act: string): string =>
    locale === 'fr'
      ? `Les articles ne le disent pas : aucun passage trouvé ne dit « ${act} » de ce qui est demandé. Les passages ci-dessous sont les plus proches, à lire : ce n’est pas une réponse.`
      : `The articles do not say: no passage found states “${act}” of what is asked. The passages below are the closest, to read: they are not an answer.`,
  noSearchableWords: (locale: Locale): string =>
    locale === 'fr'
      ? 'La question ne contient aucun mot à chercher : précisez de qui, de quoi ou d’où il s’agit.'
      : 'The question has no words to search for: say who, what or where it is about.',
  emptyQuestion: (locale: Locale): string =>
    locale === 'fr' ? 'Posez une question : elle est vide.' : 'Please ask a question: it is empty.',
  questionTooLong: (locale: Locale, max: number): string =>
    locale === 'fr'
      ? `La question est trop longue (${max} caractères au plus).`
      : `The question is too long (at most ${max} characters).`,
  unmatchedWords: (locale: Locale, words: readonly string[]): string =>
    locale === 'fr'
      ? `Aucun article ne mentionne : ${list(words, locale)}. La réponse s’appuie sur le reste de la question.`
      : `No article mentions ${list(words, locale)}; the answer rests on the rest of the question.`,
  sourceRolesReversed: (locale: Locale, outlets: readonly string[]): string =>
    locale === 'fr'
      ? `Aucun article ne dit cela. ${list(outlets, locale)} ${outlets.length > 1 ? 'rapportent' : 'rapporte'} les mêmes noms et le même acte, mais dans l’autre sens : qui a fait quoi à qui n’y est pas comme dans la question.`
      : `No article says this. ${list(outlets, locale)} ${outlets.length > 1 ? 'report' : 'reports'} the same names and act, but the other way round: who did what to whom is not as the question has it.`,
  sourcePartClaim: (locale: Locale, words: readonly string[]): string =>
    locale === 'fr'
      ? `Aucun article ne dit tout cela : ces médias en rapportent le reste, sans ${list(
          words.map((word) => `« ${word} »`),
          locale,
        )}.`
      : `No article says all of it: these outlets report the rest, without ${list(
          words.map((word) => `“${word}”`),
          locale,
        )}.`,
  disagreement: (locale: Locale, values: readonly string[]): string =>
    locale === 'fr'
      ? `Les médias ne sont pas d’accord : ${values.join(' ; ')}.`
      : `The outlets disagree: ${values.join('; ')}.`,
  valueWithOutlets: (value: string, outlets: readonly string[]): string => `${value} (${outlets.join(', ')})`,
  otherEvent: (locale: Locale, eventYear: string, value: string, outlets: readonly string[]): string =>
    locale === 'fr'
      ? `Pour l’autre affaire (${eventYear}), ${list(outlets, locale)} donne${outlets.length > 1 ? 'nt' : ''} ${value}.`
      : `For the other event (${eventYear}), ${list(outlets, locale)} give${outlets.length > 1 ? '' : 's'} ${value}.`,
  /** The same words in French and English: "2 articles (2017-12-18, 2020-01-05)". */
  outletSummary: (articleCount: number, dates: readonly string[]): string =>
    `${articleCount} article${articleCount > 1 ? 's' : ''} (${dates.join(', ')})`,
  /** An outlet with too many articles to date each: "1250 articles (2017-12-01 … 2017-12-28)". */
  outletSpan: (articleCount: number, first: string, last: string): string =>
    `${articleCount} article${articleCount > 1 ? 's' : ''} (${first} … ${last})`,
  outletsQuoted: (
    locale: Locale,
    counts: { readonly perOutlet: number; readonly inAll: number; readonly quoted: number; readonly articles: number },
  ): string => {
    const number = (value: number) => value.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-US');
    return locale === 'fr'
      ? `Sont cités les articles les plus récents de chaque média, ${number(counts.perOutlet)} au plus par média et ${number(counts.inAll)} en tout : ${number(counts.quoted)} articles sur ${number(counts.articles)}.`
      : `Each outlet’s latest articles are quoted, at most ${number(counts.perOutlet)} an outlet and ${number(counts.inAll)} in all: ${number(counts.quoted)} of ${number(counts.articles)} articles.`;
  },
  countLabel: (locale: Locale, groups: readonly { surface: string; outlets: readonly string[] }[]): string =>
    groups
      .map((group) => `${group.surface}${locale === 'fr' ? ' : ' : ': '}${group.outlets.join(', ')}`)
      .join(locale === 'fr' ? ' ; ' : '; '),
  sourceLabel: (locale: Locale, passageCount: number): string =>
    locale === 'fr'
      ? `${passageCount} passage${passageCount > 1 ? 's' : ''} le rapporte${passageCount > 1 ? 'nt' : ''}`
      : `${passageCount} passage${passageCount > 1 ? 's' : ''} report${passageCount > 1 ? '' : 's'} it`,
  askLabel: (locale: Locale, passageCount: number): string =>
    locale === 'fr'
      ? `${passageCount} passage${passageCount > 1 ? 's' : ''} pertinent${passageCount > 1 ? 's' : ''}`
      : `${passageCount} relevant passage${passageCount > 1 ? 's' : ''}`,
  timelineEmpty: (locale: Locale): string =>
    locale === 'fr' ? 'Le corpus ne date aucun événement.' : 'The corpus dates no event.',
  timelineFiltered: (locale: Locale, words: string): string =>
    locale === 'fr' ? `Événements liés à « ${words} ».` : `Events related to “${words}”.`,
} as const;
