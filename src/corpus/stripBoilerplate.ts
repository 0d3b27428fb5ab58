/**
 * Separates an article's text from what the collecting left around it: collection artefacts, section
 * labels, photo credits, repeated headlines, comment prompts and privacy notices. Credits at the end
 * ("Traduction : X", "Source : Y") become metadata. Pure; the importer and its tests build on it.
 */

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
}

const COLLECTION_DATE = /^\s*date (\d{4}(?:-\d{2}(?:-\d{2})?)?)\s+/;
const SECTION_LABELS = new Set(['a la une', 'actualite', 'actualites', 'international', 'monde', 'en direct', 'breaking news']);
const PHOTO_CREDIT = /^(?:©|\(c\)\s|crédits? photos?\s*:|photo\s*:)/iu;
const CREDIT_LINE = /^(traduction|source)\s*:\s*(.+)$/iu;
const TRAILING_NOISE = [
  /^laisser un commentaire$/iu,
  /^laisser une réponse$/iu,
  /^\*+$/u,
  /^ce site utilise akismet\b/iu,
  /^conformément à l['’]article 38 de la loi (?:n°\s*)?78-17\b/iu,
];
const HEADLINE_MAX_LENGTH = 200;
const CREDIT_MAX_LENGTH = 120;

/**
 * @example
 * stripBoilerplate('A la Une\n\nTitre\n\nTexte.\n\nSource : TASS\n\nLaisser un commentaire')
 * // { body: 'Titre\n\nTexte.', headline: 'Titre', origin: 'TASS', removed: ['A la Une', …], … }
 */
export function stripBoilerplate(raw: string): StrippedArticle {
  const removed: string[] = [];
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
    removed.push(dateArtefact[0].trim());
    paragraphs[0] = first.slice(dateArtefact[0].length);
  }

  while (paragraphs[0] !== undefined && SECTION_LABELS.has(fold(paragraphs[0]))) removed.push(paragraphs.shift() ?? '');

  const trailing: string[] = [];
  let origin: string | null = null;
  let translator: string | null = null;
  for (let last = paragraphs.at(-1); last !== undefined; last = paragraphs.at(-1)) {
    const trimmed = last.trim();
    const credit = trimmed.length <= CREDIT_MAX_LENGTH ? CREDIT_LINE.exec(trimmed) : null;
    if (credit) {
      const value = (credit[2] ?? '').trim();
      if (fold(credit[1] ?? '') === 'source') origin ??= value;
      else translator ??= value;
    } else if (!TRAILING_NOISE.some((noise) => noise.test(trimmed))) {
      break;
    }
    trailing.unshift(paragraphs.pop() ?? '');
  }

  const kept: string[] = [];
  for (const paragraph of paragraphs) {
    const isCredit = PHOTO_CREDIT.test(paragraph.trim()) && paragraph.length <= CREDIT_MAX_LENGTH;
    const repeatsHeadline = kept.length === 1 && kept[0] === paragraph && looksLikeHeadline(paragraph);
    if (isCredit || repeatsHeadline) removed.push(paragraph);
    else kept.push(paragraph);
  }

  removed.push(...trailing);
  const opening = kept[0];
  return {
    body: kept.join('\n\n'),
    headline: opening !== undefined && looksLikeHeadline(opening) ? opening : null,
    origin,
    translator,
    collectedDate,
    removed,
  };
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
