/**
 * The answer engine's output. It is also the JSON contract of the CLI (`--json`): scripts outside the
 * project rely on it, so fields may be added but never removed or renamed.
 */

export type Locale = 'fr' | 'en';

export const ANSWER_COMMANDS = ['who', 'when', 'where', 'source', 'ask', 'outlets', 'timeline'] as const;
export type AnswerCommand = (typeof ANSWER_COMMANDS)[number];

/** Commands whose answers are outlets: each answer's `value` is an outlet's name. */
export const OUTLET_ANSWER_COMMANDS: ReadonlySet<AnswerCommand> = new Set(['source', 'ask', 'outlets']);

/** A span of a quote to emphasise (the words that matched the question), as offsets into `quote`. */
export interface Highlight {
  readonly start: number;
  readonly end: number;
}

/** Whether a quote leaves out words of its sentence before or after it. */
export interface QuoteCut {
  readonly before: boolean;
  readonly after: boolean;
}

/** One outlet's word for an answer: an exact quote from one of its articles. */
export interface Citation {
  readonly articleId: string;
  readonly outlet: string;
  /** The article's publication date at its known precision (`2017-12-18`, `2017-12`). */
  readonly published: string;
  readonly url: string | null;
  /** Verbatim text of the article, never a processed form. */
  readonly quote: string;
  /** Addition to the contract: the article's title. */
  readonly title: string;
  /** Addition: spans of `quote` that matched the question or hold the answer. */
  readonly highlights: readonly Highlight[];
  /** Addition: other outlets that carried the same text (reprints, wire copy); not counted as support. */
  readonly alsoCarriedBy: readonly string[];
  /**
   * Addition: whether the quote leaves out words of its sentence before or after it (a long sentence
   * is quoted around what it is cited for). Renderers show it with an ellipsis outside the quote.
   */
  readonly cut: QuoteCut;
}

export interface AnswerItem {
  /**
   * who/where: the name in full as the corpus writes it; when/timeline: an ISO date at its precision;
   * count questions: the number in digits; source/ask/outlets: the outlet's name.
   */
  readonly value: string;
  /** As a person reads it, in the reply's locale ("dimanche 17 décembre 2017"). */
  readonly label: string;
  readonly support: readonly Citation[];
}

export interface PassageResult {
  readonly articleId: string;
  readonly outlet: string;
  readonly title: string;
  readonly published: string;
  readonly url: string | null;
  readonly text: string;
  readonly score: number;
}

export interface Answer {
  readonly command: AnswerCommand;
  readonly query: string;
  /** Best first; empty when nothing in the corpus answers. */
  readonly answers: readonly AnswerItem[];
  readonly passages: readonly PassageResult[];
  /** Things the reader must know: outlets disagree, nothing was found, the question was unclear. */
  readonly notes: readonly string[];
}
