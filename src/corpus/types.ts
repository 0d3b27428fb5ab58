/**
 * The corpus as the rest of the program sees it. Every layer may import these types; only
 * src/corpus/ reads files to build them.
 */

/** How much of a date is known: `2017-12-18`, `2017-12` or `2017`. */
export type DatePrecision = 'day' | 'month' | 'year';

/** A date known to some precision, kept as the ISO prefix that states exactly that much. */
export interface PartialDate {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, matching `precision`. */
  readonly iso: string;
  readonly precision: DatePrecision;
}

export interface Article {
  /** Stable id: the file name without `.md`, e.g. `2017-12-18-sputnik-peskov`. */
  readonly id: string;
  /** Path of the source file relative to the corpus folder, for messages to moderators. */
  readonly path: string;
  readonly title: string;
  readonly outlet: string;
  readonly published: PartialDate;
  readonly url: string | null;
  /** BCP 47 primary language, e.g. `fr`. Quotes are always shown in this language. */
  readonly language: string;
  /** The agency the text came from (e.g. `TASS`), when the outlet republished it. */
  readonly origin: string | null;
  /** The article's text, exactly as published, without the site's boilerplate. */
  readonly body: string;
}

/** A slice of an article's body that search indexes and answers quote. */
export interface Passage {
  /** `${articleId}#${index}` */
  readonly id: string;
  readonly articleId: string;
  /** Position of the passage in its article, from 0. */
  readonly index: number;
  /** Offset of `text` in the article body: `body.slice(start, start + text.length) === text`. */
  readonly start: number;
  /** Verbatim text of the article. */
  readonly text: string;
}

/** What kind of thing an alias group names; it helps /who and /where tell people from places. */
export type EntityKind = 'person' | 'organisation' | 'place' | 'other';

/** Names written several ways, all meaning one thing (Poutine / Putin / Vladimir Poutine). */
export interface AliasGroup {
  /** How answers name it: the form the corpus uses in full, e.g. `Vladimir Poutine`. */
  readonly canonical: string;
  readonly kind: EntityKind;
  /** Other spellings, abbreviations and translations, including short forms such as a surname. */
  readonly aliases: readonly string[];
}

/** A corpus file that could not be used, and why, in words a moderator understands. */
export interface CorpusProblem {
  /** Path relative to the corpus folder. */
  readonly path: string;
  readonly reason: string;
}

export interface Corpus {
  readonly articles: readonly Article[];
  readonly passages: readonly Passage[];
  readonly aliases: readonly AliasGroup[];
  /** Files that were skipped; the rest of the corpus loaded without them. */
  readonly problems: readonly CorpusProblem[];
}
