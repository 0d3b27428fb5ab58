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

/**
 * How bad a corpus problem is: an `error` file was skipped; a `warning` file loaded, but a moderator
 * should fix it (e.g. it was converted from Latin-1).
 */
export type ProblemSeverity = 'error' | 'warning';

/** A corpus file that could not be used, and why, in words a moderator understands. */
export interface CorpusProblem {
  /** Path relative to the corpus folder. */
  readonly path: string;
  readonly reason: string;
  /** Absent means `error`: the file was skipped. A `warning` file was loaded all the same. */
  readonly severity?: ProblemSeverity;
}

/** How the loader checks files; every field has a default. */
export interface CorpusLoadOptions {
  /** Files larger than this many bytes are refused unread. Default 1 MiB (1,048,576 bytes). */
  readonly maxFileBytes?: number;
  /** "Now", for the check that publication dates are not in the future. Default: the clock. */
  readonly now?: Date;
}

export interface Corpus {
  readonly articles: readonly Article[];
  readonly passages: readonly Passage[];
  readonly aliases: readonly AliasGroup[];
  /**
   * Files that were skipped (the rest of the corpus loaded without them), and, with severity
   * `warning`, files that loaded but need a moderator's attention.
   */
  readonly problems: readonly CorpusProblem[];
}
