/**
 * What a web page puts around an article's text and a copy-paste carries along: photo credits and
 * captions, copyright lines, share buttons, bylines, date lines, related links, paywall notices, agency
 * slugs and press-database headers. Each rule is a row of a table with the reason it exists; the rules
 * only ever take whole paragraphs (or a credit at the very end of a caption), never rewrite words.
 * Pure; stripBoilerplate and the importer's title check use it.
 */

export type FurnitureKind =
  | 'photo credit'
  | 'photo caption'
  | 'copyright notice'
  | 'share buttons'
  | 'byline'
  | 'date line'
  | 'related link'
  | 'paywall notice'
  | 'web address'
  | 'press database header'
  | 'breadcrumb';

export interface Furniture {
  readonly kind: FurnitureKind;
  /** For a date line: the date it gives, `YYYY-MM-DD` (or `YYYY-MM`), when it can be read without guessing. */
  readonly date?: string;
}

/** A paragraph longer than this is article text, whatever it starts with: no rule below takes it. */
const FURNITURE_MAX_LENGTH = 300;

// ---------------------------------------------------------------------------------------------------
// Credits. A credit names who took a picture or owns the text; it is never the article's words.

/** Agencies and picture libraries whose name, after or before a slash, makes a photo credit. */
const PICTURE_AGENCIES = [
  'AFP',
  'AP',
  'AP Photo',
  'Reuters',
  'TASS',
  'Sputnik',
  'RIA Novosti',
  'EPA',
  'EPA-EFE',
  'ANP',
  'Xinhua',
  'Getty Images',
  'SIPA',
  'Sipa Press',
  'Abaca',
  'MaxPPP',
  'Hans Lucas',
  'Shutterstock',
  'iStock',
  'Bloomberg',
  'POOL',
  'Belga',
  'DPA',
  'ANSA',
  'Anadolu',
  'Leemage',
  'Wikimedia Commons',
];
const AGENCY = `(?:${PICTURE_AGENCIES.map((name) => name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|')})`;
/** A person's or an agency's name in a credit: letters, spaces, dots, hyphens, apostrophes. */
const NAME = `[\\p{L}][\\p{L} .'’-]{0,50}`;

/**
 * How a credit ends a paragraph. Each one alone is a whole credit line; at the end of a short
 * paragraph it makes that paragraph a photo caption. Each form needs a sign that it is a credit (the
 * copyright sign, "Photo :", a slash next to an agency), so that "… selon Reuters" stays the article's.
 */
const CREDIT_TAILS: readonly RegExp[] = [
  // "© Mikhail Metzel/TASS", "Copyright Reuters 2017": the copyright sign, or the word opening a line.
  /(?:©|(?:^|[.(]\s*)copyright\b)[^©]{0,80}$/iu,
  // "(c) AFP", "… Copyright AP": "(c)" before a capital ("(a), (b) et (c) restent" is a list), "Copyright".
  /(?:\([cC]\)\s+\p{Lu}|\bCopyright\b)[^©]{0,80}$/u,
  // "Crédits : Reuters", "(Crédit photo : AFP)", "Photo : Reuters/Maxim Shemetov", "Photo credit: AP",
  // "Image : DR", at the start of the line, in brackets or after a sentence.
  /(?:^|[(.!?»]\s*)(?:cr[ée]dits?(?: photos?)?|photos?|photo credit|credits?|images?|illustration)\s*:\s*[^():]{1,80}\)?\s*$/iu,
  // "Alexei Nikolsky / AFP", "Sputnik/Reuters", "(Photo Alexei Nikolsky / Sputnik / AFP)": a name, a slash, an agency.
  new RegExp(`(?:^|[\\s(.])${NAME}\\s*/\\s*${AGENCY}\\s*\\)?\\s*$`, 'iu'),
  // "REUTERS/Maxim Shemetov", "AFP/Kirill Kudryavtsev", "AP Photo/Evan Vucci": an agency, a slash, a name.
  new RegExp(`(?:^|[\\s(.])${AGENCY}\\s*/\\s*${NAME}\\)?\\s*$`, 'iu'),
  // "(AFP)", "AFP PHOTO", "Getty Images" closing a caption: the agency alone, in brackets, in capitals or
  // after the caption's full stop. Written as agencies write themselves (case matters here).
  new RegExp(`(?:\\(${AGENCY}\\)|(?:^|[.!?»]\\s*)${AGENCY}(?: PHOTO| Photo)?|\\bGetty Images)\\s*$`, 'u'),
  // "Photo d'illustration", "Image d’archives": a label under a picture.
  /(?:^|[.(]\s*)(?:photos?|images?) d['’](?:illustration|archives?)\.?\)?\s*$/iu,
];

/** The longest paragraph a credit at its end turns into a photo caption: a caption is a line or two. */
const CAPTION_MAX_LENGTH = 250;

/** "© Le Monde 2017. Tous droits réservés.", "All rights reserved": copyright notices, anywhere. */
const COPYRIGHT_NOTICE = /\b(?:tous droits réservés|all rights reserved|reproduction interdite)\b/iu;

// ---------------------------------------------------------------------------------------------------
// Share buttons: a line made only of the words of a site's share bar ("Partager sur Facebook",
// "Facebook Twitter LinkedIn E-mail", "Copier le lien", "Share this article").

const SHARE_ACTIONS = new Set(
  'partager partagez partage share tweet tweeter tweetez imprimer print copier copy envoyer email e-mail mail courriel commenter'.split(' '),
);
const SHARE_NETWORKS = new Set('facebook twitter x linkedin whatsapp messenger telegram pinterest reddit flipboard bluesky threads'.split(' '));
/** Words that may sit between the buttons' names ("Partager *sur* Facebook", "Copy *the link*"). */
const SHARE_FILLERS = new Set(
  'sur on par via le la l les ce cet cette this the article lien link sms commentaire commentaires comment comments ou or et and'.split(' '),
);
const SHARE_MAX_LENGTH = 120;

// ---------------------------------------------------------------------------------------------------
// Related links: a line pointing to another article ("Lire aussi : …", "Read more: …"). In English the
// colon (or capitals) is required: "Read more about it in the report." is a sentence.
const RELATED_LINK =
  /^(?:[-–—•>»▶︎►]\s*)?(?:(?:à\s+)?(?:lire|voir|écouter|regarder)\s+(?:aussi|également|encore)\b|(?:à lire|à voir|sur le même sujet|dans la même rubrique|nos articles?|notre dossier|notre article)\s*[:>»]|(?:read|see)\s+(?:more|also)\s*[:>»]|related(?: articles?| stories)?\s*:|more on this(?: story)?\s*:|read next\s*:)/iu;

const RELATED_LINK_IN_CAPITALS = /^(?:[-–—•>»▶︎►]\s*)?(?:READ MORE|SEE ALSO|RELATED)\b/u;

// ---------------------------------------------------------------------------------------------------
// Paywall notices: the page stopped the text there. Taken out, and the importer warns that it is cut off.
const PAYWALL_NOTICES: readonly RegExp[] = [
  // Le Monde: "Il vous reste 62.35% de cet article à lire."
  /^il vous reste [\d.,\s]+ ?% de cet article à lire/iu,
  // "La suite est réservée aux abonnés.", "Cet article est réservé aux abonnés", "Article réservé à nos abonnés".
  /^(?:la suite(?: de cet article)? est|cet article est|article) réservée? (?:aux|à nos) abonnés/iu,
  /^(?:abonnez-vous|déjà abonné|pour lire la suite|lire la suite|la suite de cet article|accédez à l['’]intégralité)(?!\p{L})/iu,
  // English sites.
  /^(?:subscribe(?: now)? to (?:read|continue|unlock)|to continue reading|continue reading\b|already a subscriber|this (?:article|story) is (?:only )?(?:for|available to|reserved for) subscribers|sign in to (?:read|continue)|read the full (?:article|story)|you have \d+ free articles?)/iu,
];

// ---------------------------------------------------------------------------------------------------
// Bylines: "Par Jean Dupont", "Par Jean Dupont et Marie Martin, envoyée spéciale à Moscou", "By John Smith".
// "Par" or "By", then a capitalised name; a short line with no sentence punctuation. "Par ailleurs, …"
// starts with a lower-case word and is a sentence.
const BYLINE = /^(?:[Pp]ar|[Bb]y|[Dd]e notre (?:envoyée?|correspondante?) (?:spéciale? )?(?:à|a) [\p{L}-]+,?(?:\s+par)?)\s+\p{Lu}[^.!?;:«»"“”]*$/u;
const BYLINE_MAX_LENGTH = 90;
const BYLINE_MAX_WORDS = 12;

// ---------------------------------------------------------------------------------------------------
// Date lines: "Publié le 18/12/2017 à 03:40", "Mis à jour le 18 décembre 2017 à 9h12",
// "Published December 18, 2017 at 3:40 am", "lundi 18 décembre 2017", "18.12.2017 - 09:30". A line made of
// dates, times and these words only. The first date is the publication date.

const FRENCH_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const ENGLISH_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBREVIATIONS = ['jan', 'fév|fev|feb', 'mar', 'avr|apr', 'mai|may', 'juin|jun', 'juil|jul', 'aoû|aou|aug', 'sept?', 'oct', 'nov', 'déc|dec'];
const MONTH_NAME = `(?:${[...FRENCH_MONTHS, ...ENGLISH_MONTHS, 'fevrier', 'aout', 'decembre'].join('|')}|(?:${MONTH_ABBREVIATIONS.join('|')})\\.?)`;
const WEEKDAY = '(?<!\\p{L})(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)(?!\\p{L})\\.?,?';
/** `18 décembre 2017`, `1er décembre 2017`, `December 18, 2017`, `Dec. 18 2017`, `18/12/2017`, `2017-12-18`. */
const DATE_EXPRESSIONS: readonly RegExp[] = [
  /\b(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?/u,
  /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/u,
  new RegExp(`\\b(\\d{1,2})(?:er|st|nd|rd|th)?\\s+(${MONTH_NAME})\\s+(\\d{4})\\b`, 'iu'),
  new RegExp(`\\b(${MONTH_NAME})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'iu'),
];
/** `à 03:40`, `à 9h12`, `03h40`, `3:40 am`, `09:30 CET`, `(heure de Paris)`. */
const TIME = /\b\d{1,2}\s*(?:[h:]\s*\d{2}|h)(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*(?:GMT|UTC|CET|CEST|EST|EDT|PST|PDT|BST)(?:\s*[+-]\s*\d{1,2})?)?|\(heure de paris\)/giu;
/** The words around a date on a date line. Letters, not `\b`, bound them: `\b` does not see "à" as a letter. */
const DATE_LINE_WORDS = new RegExp(
  `(?<!\\p{L})(?:${[
    'publié', 'publiée', 'publication', 'mis', 'mise', 'à', 'a', 'jour', 'modifié', 'modifiée', 'actualisé', 'actualisée', 'le', 'du',
    'et', 'dernière', 'il', 'y', 'posted', 'published', 'updated', 'last', 'on', 'at', 'first', 'ago', 'heure', 'heures', 'min', 'minutes',
  ].join('|')})(?!\\p{L})`,
  'giu',
);
/** Words that make a numeric date American (month first) when both numbers could be a month. */
const ENGLISH_DATE_LINE = /(?<!\p{L})(?:posted|published|updated|on|at|am|pm)(?!\p{L})/iu;
const FRENCH_DATE_LINE = /(?<!\p{L})(?:publié|publiée|le|à|mis|mise|modifié)(?!\p{L})/iu;
const DATE_LINE_MAX_LENGTH = 140;
const UPDATE_FIRST = /^\W*(?:mis à jour|mise à jour|modifié|modifiée|actualisé|actualisée|updated|last updated|dernière mise à jour)(?!\p{L})/iu;

// ---------------------------------------------------------------------------------------------------
// Other lines that are never article text.

/** A web address alone on its line: the page's or a link's address, pasted with the text. */
const WEB_ADDRESS = /^<?(?:https?:\/\/|www\.)\S+>?$/iu;
/**
 * A press database's header (Europresse, Factiva): "reuters.com | | 316 mots", "Le Monde | International,
 * jeudi 18 décembre 2017 | 650 mots", "316 words".
 */
const PRESS_DATABASE_HEADER = /(?:^|\|)\s*\d[\d\s.,]*\s*(?:mots|words)\s*$/iu;
/** "Accueil > Monde > Europe": the page's breadcrumb. Only in the first lines (see `isLeadingFurniture`). */
const BREADCRUMB = /^[\p{L}\p{N}' -]{1,40}(?:\s*[>›»/]\s*[\p{L}\p{N}' -]{1,40}){1,5}$/u;
const BREADCRUMB_WORD = /^(?:accueil|home|actualités?|news|monde|world|international|france|europe|politique|politics|économie|economy|société|society|défense|defence|defense)$/iu;

/** "a photo credit", "share buttons": a kind of furniture in a sentence. */
export function describeFurniture(kind: FurnitureKind): string {
  return kind === 'share buttons' ? 'share buttons' : `a ${kind}`;
}

/**
 * Which kind of page furniture a whole paragraph is, or null when it may be article text.
 *
 * @example
 * classifyFurniture('© Mikhail Metzel/TASS')            // { kind: 'photo credit' }
 * classifyFurniture('Publié le 18/12/2017 à 03:40')     // { kind: 'date line', date: '2017-12-18' }
 * classifyFurniture('Le Kremlin a salué la coopération.') // null
 */
export function classifyFurniture(paragraph: string): Furniture | null {
  const text = paragraph.trim();
  if (text === '' || text.length > FURNITURE_MAX_LENGTH) return null;
  if (WEB_ADDRESS.test(text)) return { kind: 'web address' };
  if (PAYWALL_NOTICES.some((notice) => notice.test(text))) return { kind: 'paywall notice' };
  if (RELATED_LINK.test(text) || RELATED_LINK_IN_CAPITALS.test(text)) return { kind: 'related link' };
  if (isShareButtons(text)) return { kind: 'share buttons' };
  if (PRESS_DATABASE_HEADER.test(text) && text.length <= 200) return { kind: 'press database header' };
  const dateLine = readDateLine(text);
  if (dateLine) return dateLine;
  if (isBylineLine(text)) return { kind: 'byline' };
  if (COPYRIGHT_NOTICE.test(text) && text.length <= 160) return { kind: 'copyright notice' };
  if (isCredit(text)) return { kind: isBareCredit(text) ? 'photo credit' : 'photo caption' };
  return null;
}

/**
 * Furniture that only the first lines of a page hold: a breadcrumb ("Accueil > Monde"). Kept apart from
 * `classifyFurniture` because "Paris / Moscou" inside the text is the article's.
 */
export function isLeadingFurniture(paragraph: string): Furniture | null {
  const text = paragraph.trim();
  if (text.length > 80 || !BREADCRUMB.test(text)) return null;
  const parts = text.split(/\s*[>›»/]\s*/u);
  return parts.some((part) => BREADCRUMB_WORD.test(part)) ? { kind: 'breadcrumb' } : null;
}

/**
 * An agency slug closing the text: "Xinhua/VNA/CVN", "AFP/VNA/CVN", "- AFP", "(Reuters)", alone on
 * the last line or after the last sentence ("… des deux pays. Xinhua/VNA/CVN"). Returns the slug, or null.
 * A slug is agency names or capitalised acronyms (2 to 6 letters) joined by slashes; without a slash it
 * must be a known agency, so that a last word in capitals ("… selon l'ONU") is not taken.
 */
export function trailingAgencySlug(paragraph: string): string | null {
  const match = /(?:^|(?<=[.!?»”"]))\s*[-–—]?\s*\(?((?:[\p{Lu}][\p{L}]{1,11}|[\p{Lu}]{2,6})(?:\s*\/\s*(?:[\p{Lu}][\p{L}]{1,11}|[\p{Lu}]{2,6})){0,4})\)?\s*$/u.exec(
    paragraph,
  );
  if (!match || match[1] === undefined) return null;
  const tokens = match[1].split(/\s*\/\s*/u);
  const known = (token: string) => PICTURE_AGENCIES.some((agency) => agency.toLowerCase() === token.toLowerCase()) || SLUG_AGENCIES.has(token.toLowerCase());
  const acronym = (token: string) => /^\p{Lu}{2,6}$/u.test(token);
  const isSlug = tokens.length > 1 ? tokens.every((token) => known(token) || acronym(token)) && tokens.some(known) : known(tokens[0] ?? '');
  return isSlug ? match[0].trim() : null;
}

/** Agencies that sign wire copy (besides the picture agencies above): Vietnam's VNA, China's CNS, Morocco's MAP… */
const SLUG_AGENCIES = new Set(['vna', 'cvn', 'ats', 'aps', 'map', 'efe', 'upi', 'kyodo', 'yonhap', 'cns', 'irna', 'wafa', 'kuna', 'ria', 'itar-tass', 'interfax']);

/**
 * A credit at the end of a long paragraph: "… a déclaré le porte-parole. (Crédits : Reuters)". Returns
 * the credit to take off, or null. Only the forms that cannot be the article's words: a parenthesised
 * "(Crédits : …)" / "(Photo : …)" / "(© …)".
 */
export function trailingCredit(paragraph: string): string | null {
  const match = /\s*\((?:cr[ée]dits?(?: photos?)?|photos?|©)\s*:?\s*[^()]{1,80}\)\s*$/iu.exec(paragraph);
  return match && match.index > 0 ? match[0] : null;
}

/**
 * Why a line cannot be an article's headline, or null when it can. Used on the first line of a text and
 * on a page's `og:title` before either is taken as the title.
 */
export function titleProblem(candidate: string): string | null {
  const text = candidate.trim();
  const furniture = classifyFurniture(text) ?? isLeadingFurniture(text);
  if (furniture) return `looks like ${describeFurniture(furniture.kind)}`;
  if (/(?:https?:\/\/|www\.)\S+/iu.test(text)) return 'holds a web address';
  if (trailingAgencySlug(text) !== null && text.split(/\s+/u).length <= 3) return 'looks like an agency credit';
  // "Vladimir Poutine au Kremlin, le 14 décembre 2017": a headline rarely carries a full date, a caption does.
  if (DATE_EXPRESSIONS.some((expression) => captionDate(expression).test(text))) return 'ends with a date, as a photo caption does';
  if (/(?:…|\.\.\.)\s*$/u.test(text)) return 'ends with "…", as a cut teaser does';
  return null;
}

/** A date after ", le" / ", on" or closing the line: "…, le 14 décembre 2017", "… in Moscow, December 14, 2017." */
function captionDate(expression: RegExp): RegExp {
  return new RegExp(`(?:,\\s*(?:le|on)\\s+(?:${WEEKDAY}\\s+)?(?:${expression.source})|(?:${expression.source})\\.?\\s*$)`, expression.flags);
}

function isShareButtons(text: string): boolean {
  if (text.length > SHARE_MAX_LENGTH) return false;
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((word) => word !== '' && !/^\d+$/u.test(word));
  if (words.length === 0) return false;
  return (
    words.every((word) => SHARE_ACTIONS.has(word) || SHARE_NETWORKS.has(word) || SHARE_FILLERS.has(word)) &&
    words.some((word) => SHARE_ACTIONS.has(word) || SHARE_NETWORKS.has(word)) &&
    // A lone "X" or "mail" is too little to call it a share bar.
    !(words.length === 1 && words[0] !== undefined && words[0].length <= 4)
  );
}

function isBylineLine(text: string): boolean {
  // "Par Jean Dupont - Publié le 18/12/2017": a byline and a date line on one line.
  const segments = text.split(/\s+[|–—·•-]\s+/u);
  if (segments.length > 1 && segments.every((segment) => isByline(segment) || readDateLine(segment) !== null)) {
    return segments.some((segment) => isByline(segment));
  }
  return isByline(text);
}

function isByline(text: string): boolean {
  return text.length <= BYLINE_MAX_LENGTH && text.split(/\s+/u).length <= BYLINE_MAX_WORDS && BYLINE.test(text);
}

function isCredit(text: string): boolean {
  return text.length <= CAPTION_MAX_LENGTH && CREDIT_TAILS.some((tail) => tail.test(text));
}

/** A credit and nothing else ("© Mikhail Metzel/TASS"), rather than a caption that ends with one. */
function isBareCredit(text: string): boolean {
  return text.length <= 60 && !/[.!?]\s/u.test(text);
}

/** A line of dates, times and the words around them ("Publié le … à …"), with the first date read. */
export function readDateLine(text: string): Furniture | null {
  if (text.length > DATE_LINE_MAX_LENGTH) return null;
  const isEnglish = ENGLISH_DATE_LINE.test(text) && !FRENCH_DATE_LINE.test(text);
  const found: { index: number; date: string | null }[] = [];
  let rest = text;
  DATE_EXPRESSIONS.forEach((expression, form) => {
    rest = rest.replace(new RegExp(expression.source, `${expression.flags}g`), (...args: unknown[]) => {
      const whole = String(args[0]);
      const index = Number(args.find((arg, position) => position > 0 && typeof arg === 'number'));
      found.push({ index, date: readDate(args.slice(1, 4).map(String), form, isEnglish) });
      return ' '.repeat(whole.length);
    });
  });
  if (found.length === 0) return null;
  const leftover = rest
    .replace(new RegExp(WEEKDAY, 'giu'), ' ')
    .replace(TIME, ' ')
    .replace(DATE_LINE_WORDS, ' ')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
  if (leftover !== '') return null;
  // "Mis à jour le 19/12/2017" alone gives the day of an update, not of the publication.
  if (UPDATE_FIRST.test(text)) return { kind: 'date line' };
  const first = found.sort((x, y) => x.index - y.index)[0];
  return first?.date ? { kind: 'date line', date: first.date } : { kind: 'date line' };
}

function readDate([a = '', b = '', c = '']: readonly string[], form: number, isEnglish: boolean): string | null {
  if (form === 0) return isoDate(Number(a), Number(b), Number(c));
  if (form === 1) {
    const year = c.length === 2 ? 2000 + Number(c) : Number(c);
    const first = Number(a);
    const second = Number(b);
    // 18/12/2017 is French; 12/18/2017 can only be American; 05/06/2017 on an English page is either: no date.
    if (first > 12) return isoDate(year, second, first);
    if (second > 12) return isoDate(year, first, second);
    return isEnglish ? null : isoDate(year, second, first);
  }
  if (form === 2) return isoDate(Number(c), monthNumber(b), Number(a));
  return isoDate(Number(c), monthNumber(a), Number(b));
}

function monthNumber(name: string): number {
  const folded = name.toLowerCase().replace(/\.$/u, '').normalize('NFD').replace(/\p{M}/gu, '');
  for (const months of [FRENCH_MONTHS, ENGLISH_MONTHS]) {
    const index = months.findIndex((month) => month.normalize('NFD').replace(/\p{M}/gu, '') === folded);
    if (index >= 0) return index + 1;
  }
  const abbreviation = MONTH_ABBREVIATIONS.findIndex((forms) =>
    forms
      .replace('?', '')
      .split('|')
      .some((form) => folded.startsWith(form.normalize('NFD').replace(/\p{M}/gu, ''))),
  );
  return abbreviation + 1;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2999) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
