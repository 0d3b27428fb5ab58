/**
 * Separates an article's text from what the collecting left around it: collection artefacts, section
 * labels, repeated headlines, comment prompts and privacy notices, and the page furniture of
 * pageFurniture.ts (credits, captions, share buttons, bylines, date lines, related links, paywall
 * notices, agency slugs). Credits at the end ("Traduction : X", "Source : Y") become metadata. Whole
 * paragraphs are taken out, or a credit off the end of one; no word of the article is changed.
 * Pure; the importer and its tests build on it.
 */
import {
  classifyFurniture,
  describeFurniture,
  isLeadingFurniture,
  titleProblem,
  trailingAgencySlug,
  trailingCredit,
  type FurnitureKind,
} from './pageFurniture.ts';

export interface StrippedArticle {
  /** The article's paragraphs, verbatim, separated by one blank line. */
  readonly body: string;
  /** The first paragraph when it reads as a headline (short, no closing full stop); it stays in the body. */
  readonly headline: string | null;
  /** From a trailing "Source : TASS": the agency the text came from. */
  readonly origin: string | null;
  /** From a trailing "Traduction : MIRASTNEWS": who translated it. */
  readonly translator: string | null;
  /** From a leading `date 2017-12` artefact: when the text was dated by whoever collected it. */
  readonly collectedDate: string | null;
  /** Every piece of text taken out, in order, so a moderator can check nothing of the article went. */
  readonly removed: readonly string[];
  /** The same pieces, each with why it went ("a photo credit", "a section label"). */
  readonly removedParts: readonly RemovedPart[];
  /** Why the first paragraph, short enough for a headline, was not taken for one ("looks like a byline"). */
  readonly headlineProblem: string | null;
  /** The first date a date line gave ("Publié le 18/12/2017 à 03:40" -> `2017-12-18`). */
  readonly pageDate: string | null;
  /** A paywall notice that was taken out ("Il vous reste 60 % de cet article à lire."): the text is cut off. */
  readonly paywallNotice: string | null;
}

export interface RemovedPart {
  readonly text: string;
  readonly why: string;
}

const COLLECTION_DATE = /^\s*date (\d{4}(?:-\d{2}(?:-\d{2})?)?)\s+/;
const SECTION_LABELS = new Set(['a la une', 'actualite', 'actualites', 'international', 'monde', 'en direct', 'breaking news']);
const CREDIT_LINE = /^(traduction|source)\s*:\s*(.+)$/iu;
const TRAILING_NOISE = [
  /^laisser un commentaire$/iu,
  /^laisser une réponse$/iu,
  /^\*+$/u,
  /^ce site utilise akismet\b/iu,
  /^conformément à l['’]article 38 de la loi (?:n°\s*)?78-17\b/iu,
];
const HEADLINE_MAX_LENGTH = 200;
/** A breadcrumb ("Accueil > Monde") is only looked for in the first lines of the text. */
const LEADING_LINES = 3;
const CREDIT_MAX_LENGTH = 120;

/**
 * @example
 * stripBoilerplate('A la Une\n\nTitre\n\nTexte.\n\nSource : TASS\n\nLaisser un commentaire')
 * // { body: 'Titre\n\nTexte.', headline: 'Titre', origin: 'TASS', removed: ['A la Une', …], … }
 */
export function stripBoilerplate(raw: string): StrippedArticle {
  const removedParts: RemovedPart[] = [];
  const remove = (text: string, why: string) => removedParts.push({ text, why });
  // Raw text puts one paragraph on a line, with or without blank lines between them.
  const paragraphs = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

  let collectedDate: string | null = null;
  const first = paragraphs[0];
  const dateArtefact = first === undefined ? null : COLLECTION_DATE.exec(first);
  if (first !== undefined && dateArtefact) {
    collectedDate = dateArtefact[1] ?? null;
    remove(dateArtefact[0].trim(), 'a collection date');
    paragraphs[0] = first.slice(dateArtefact[0].length);
  }

  // "A la Une", "Monde": the section the page filed the article under.
  while (paragraphs[0] !== undefined && SECTION_LABELS.has(fold(paragraphs[0]))) remove(paragraphs.shift() ?? '', 'a section label');

  // "Traduction : X" and "Source : Y" closing the text become metadata; comment prompts and privacy
  // notices after the text go.
  const trailing: RemovedPart[] = [];
  let origin: string | null = null;
  let translator: string | null = null;
  for (let last = paragraphs.at(-1); last !== undefined; last = paragraphs.at(-1)) {
    const trimmed = last.trim();
    const credit = trimmed.length <= CREDIT_MAX_LENGTH ? CREDIT_LINE.exec(trimmed) : null;
    let why: string;
    if (credit) {
      const value = (credit[2] ?? '').trim();
      const isSource = fold(credit[1] ?? '') === 'source';
      if (isSource) origin ??= value;
      else translator ??= value;
      why = isSource ? 'the source line, kept as origin' : 'the translator line';
    } else if (TRAILING_NOISE.some((noise) => noise.test(trimmed))) {
      why = 'a comment prompt or privacy notice';
    } else if (trailingAgencySlug(trimmed) === trimmed) {
      // "Xinhua/VNA/CVN" alone on the last line: the agencies that carried the dispatch.
      why = 'an agency slug';
    } else {
      break;
    }
    trailing.unshift({ text: paragraphs.pop() ?? '', why });
  }
  // "… des deux pays. Xinhua/VNA/CVN": the slug after the last sentence goes, the sentence stays.
  const lastIndex = paragraphs.length - 1;
  const lastParagraph = paragraphs[lastIndex];
  const slug = lastParagraph === undefined ? null : trailingAgencySlug(lastParagraph);
  if (lastParagraph !== undefined && slug !== null && slug !== lastParagraph.trim()) {
    paragraphs[lastIndex] = lastParagraph.slice(0, lastParagraph.lastIndexOf(slug)).trimEnd();
    trailing.unshift({ text: slug, why: 'an agency slug' });
  }

  const kept: string[] = [];
  let pageDate: string | null = null;
  let paywallNotice: string | null = null;
  paragraphs.forEach((paragraph, index) => {
    const furniture: { kind: FurnitureKind; date?: string } | null =
      classifyFurniture(paragraph) ?? (index < LEADING_LINES && kept.length === 0 ? isLeadingFurniture(paragraph) : null);
    if (furniture) {
      if (furniture.kind === 'date line' && furniture.date !== undefined) pageDate ??= furniture.date;
      if (furniture.kind === 'paywall notice') paywallNotice ??= paragraph;
      remove(paragraph, describeFurniture(furniture.kind));
      return;
    }
    // The same headline twice at the top (a page's title and its heading, both copied).
    if (kept.length === 1 && kept[0] === paragraph && looksLikeHeadline(paragraph)) {
      remove(paragraph, 'the headline repeated');
      return;
    }
    // "… a déclaré le porte-parole. (Crédits : Reuters)": the picture's credit, run into the text.
    const credit = trailingCredit(paragraph);
    if (credit !== null) {
      kept.push(paragraph.slice(0, paragraph.length - credit.length).trimEnd());
      remove(credit.trim(), 'a photo credit');
      return;
    }
    kept.push(paragraph);
  });

  removedParts.push(...trailing);
  const opening = kept[0];
  const openingProblem = opening !== undefined && looksLikeHeadline(opening) ? titleProblem(opening) : null;
  return {
    body: kept.join('\n\n'),
    headline: opening !== undefined && looksLikeHeadline(opening) && openingProblem === null ? opening : null,
    origin,
    translator,
    collectedDate,
    removed: removedParts.map((part) => part.text),
    removedParts,
    headlineProblem: openingProblem === null || opening === undefined ? null : `the first line ("${shorten(opening)}") ${openingProblem}`,
    pageDate,
    paywallNotice,
  };
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function looksLikeHeadline(paragraph: string): boolean {
  return paragraph.length <= HEADLINE_MAX_LENGTH && !/[.,;:]\s*$/u.test(paragraph);
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}
