/**
 * Words that frame a question rather than say what it is about ("À quelle date…", "In which city…",
 * "Combien de personnes…"). Articles rarely write them, so requiring them would find nothing.
 */
import { foldCase } from '../text/normalize.ts';
import { cardinalValue } from '../text/numbers.ts';
import type { QueryUnit } from '../text/analyzer.ts';
import { isStopWord } from '../text/stopWords.ts';

// prettier-ignore
const FRAME_WORDS = new Set(
  [
    'date', 'dates', 'jour', 'jours', 'annee', 'annees', 'an', 'mois', 'moment', 'heure', 'lieu', 'lieux', 'endroit',
    'endroits', 'ville', 'villes', 'pays', 'nom', 'noms', 'personne', 'personnes', 'gens', 'nombre', 'chiffre',
    'exactement', 'precisement', 'monument', 'monuments', 'batiment', 'edifice', 'day', 'days', 'year', 'years',
    'month', 'time', 'place', 'places', 'city', 'cities', 'country', 'countries', 'name', 'names', 'person',
    'persons', 'people', 'number', 'exactly', 'building', 'landmark', 'media', 'medias', 'outlet', 'outlets',
    'secteur', 'secteurs', 'zone', 'zones', 'area', 'areas',
    // Words that ask where a report was filed from ("D'où est datée la dépêche ?").
    'datee', 'datees', 'depeche', 'depeches', 'dateline', 'filed',
    // Verbs that only say something happened somewhere or at some time ("Où l'attentat était-il prévu ?").
    'prevu', 'prevue', 'prevus', 'prevues', 'planned', 'planifie', 'happen', 'happened', 'occur', 'occurred', 'took',
    'take', 'survenu', 'survenue', 'deroule', 'produit', 'passe', 'eu',
    // Nouns French makes adverbs with ("de manière sporadique", "de façon régulière"): the adjective
    // carries the meaning, and an article may write it bare ("des contacts sporadiques").
    'maniere', 'facon',
    // Verbs that only say where something stands ("Où se trouve le silo B ?", "Where is it located?").
    'trouve', 'trouvait', 'trouvent', 'trouvaient', 'situe', 'situee', 'situes', 'situees', 'located', 'situated',
  ].map(foldCase),
);

// prettier-ignore
const TIME_WORDS = new Set(
  [
    'janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre',
    'decembre', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
    'november', 'december', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'monday',
    'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  ].map(foldCase),
);

/**
 * Whether a unit is a time expression (a year, a month, a weekday). In a question about something else
 * it says which event is meant rather than what a passage must contain.
 */
export function isTimeWord(unit: QueryUnit): boolean {
  return TIME_WORDS.has(foldCase(unit.surface)) || isYearWord(unit);
}

/** Whether a unit is a year ("2019"), which news about that year's events seldom writes. */
export function isYearWord(unit: QueryUnit): boolean {
  return /^(?:1[89]|20)\d{2}$/u.test(unit.surface);
}

/**
 * How a question about sources is put ("Quels médias évoquent…", "Which outlets report that…"): the
 * claim is what follows.
 */
// prettier-ignore
const SOURCE_FRAME_WORDS = new Set(
  [
    'rapporte', 'rapportent', 'dit', 'disent', 'affirme', 'affirment', 'evoque', 'evoquent', 'parle', 'parlent',
    'mentionne', 'mentionnent', 'indique', 'indiquent', 'ecrit', 'ecrivent', 'signale', 'signalent', 'propos',
    'sujet', 'cite', 'citent', 'says', 'say', 'report', 'reports', 'reported', 'mention', 'mentions', 'write',
    'writes', 'wrote', 'state', 'states', 'cover', 'covers', 'talk', 'talks', 'about', 'quote', 'quotes', 'quoted',
    'saying',
  ].map(foldCase),
);

/** Whether a question asks who holds a role ("Qui est le porte-parole…", "Who is the spokesman…"). */
export function asksForIdentity(question: string): boolean {
  return /^\s*(?:qui\s+(?:est|etait|sont|etaient)|who\s+(?:is|was|are|were))\s+(?:le|la|les|l'|the|a|an)\b/u.test(
    foldCase(question),
  );
}

/** The word after "quel / quelle / which / what", case and accents folded ("dans quel entrepôt" → "entrepot"). */
function wordAfterWhich(question: string): string | undefined {
  return /(?:^|[^\p{L}])(?:quel|quelle|quels|quelles|which|what)\s+(\p{L}[\p{L}-]*)/u.exec(foldCase(question))?.[1];
}

/**
 * The noun a question gives as the kind of its answer ("Dans quel entrepôt…" → "entrepot", "Which
 * cathedral…" → "cathedral"); none when that noun only frames the question ("quelle ville", "which day")
 * or there is none.
 */
export function askedKindNoun(question: string): string | undefined {
  const noun = wordAfterWhich(question);
  return noun === undefined || FRAME_WORDS.has(noun) || isStopWord(noun) ? undefined : noun;
}

const TOWN_OR_COUNTRY = new Set([
  'ville',
  'villes',
  'commune',
  'village',
  'pays',
  'town',
  'towns',
  'city',
  'cities',
  'country',
]);

/** Whether a question asks for a town or a country ("Dans quelle ville…", "In which town…"), not a site. */
export function asksForTownOrCountry(question: string): boolean {
  return TOWN_OR_COUNTRY.has(wordAfterWhich(question) ?? '');
}

/** Whether a question asks where a report was filed from: its dateline ("D'où est datée la dépêche ?"). */
export function asksForDateline(question: string): boolean {
  return /(?:^|[^\p{L}])(?:datee|datees|dateline|filed)(?![\p{L}])/u.test(foldCase(question));
}

/** Whether a question counts something ("combien", "how many"). */
export function asksForCount(question: string): boolean {
  return /\b(?:combien|how\s+many|how\s+much|nombre\s+de)\b/u.test(foldCase(question));
}

const CURRENCIES = ['euros', 'euro', 'dollars', 'dollar', 'francs', 'livres'];
const TIME_UNITS = ['minutes', 'heures', 'jours', 'semaines', 'mois', 'ans', 'annees'];

/**
 * The nouns a count question names as what it counts, case and accents folded: "Combien de sacs…" →
 * ["sacs"]; English puts the head of a compound last, so "How many cell members were…" → ["cell",
 * "members"], either of which may be what is counted. A question of cost counts money, "combien de
 * temps" counts units of time. Empty when it names none, or only a vague one ("combien de personnes",
 * "how many of the…"), which any count may answer.
 */
export function countedNouns(question: string): string[] {
  const folded = foldCase(question).replace(/[’']/gu, "'");
  // "Combien coûtera…", "How much did it cost": an amount of money.
  if (/\b(?:cout(?:e|es|ent|era|eront|erait|e|ait|aient)?|couteux|cost|costs|costed)\b/u.test(folded))
    return [...CURRENCIES];
  const french = /\b(?:combien|nombre)\s+(?:de\s+|d')(\p{L}[\p{L}-]*)/u.exec(folded);
  const english = /\bhow\s+many((?:\s+\p{L}[\p{L}-]*){1,3})/u.exec(folded);
  const words = french
    ? [french[1]!]
    : (english?.[1] ?? '')
        .trim()
        .split(/\s+/u)
        .filter((word) => word !== '');
  if (words[0] === 'temps') return [...TIME_UNITS];
  const firstStopWord = words.findIndex((word) => isStopWord(word));
  const run = firstStopWord < 0 ? words : words.slice(0, firstStopWord);
  return run.some((word) => FRAME_WORDS.has(word)) ? [] : run;
}

/**
 * "Name" frames a question that asks for one ("What is the name of…"), but is what a /source question
 * asks about ("Which outlets give the names of the suspects?"): the outlets must give names.
 */
const NAME_WORDS = new Set(['nom', 'noms', 'name', 'names']);

/** The units that say what the question is about, without its framing words. */
export function contentUnits(units: readonly QueryUnit[], asksForSources = false): QueryUnit[] {
  const content = units.filter((unit) => {
    const word = foldCase(unit.surface);
    if (asksForSources) return !SOURCE_FRAME_WORDS.has(word) && (!FRAME_WORDS.has(word) || NAME_WORDS.has(word));
    return !FRAME_WORDS.has(word);
  });
  // A number counts what the rest of the question names ("7 membres"). Alone ("2", "deux", the "{2,}" of
  // a pasted pattern) it names nothing to look for, and any passage writing that number would pass for
  // an answer. A year names an event, and stands alone.
  return content.every(isCountWord) ? [] : content;
}

/** Whether a unit is a cardinal number, in digits or words ("7", "sept", "seven"), other than a year. */
export function isCountWord(unit: QueryUnit): boolean {
  return cardinalValue(foldCase(unit.surface)) !== undefined && !isYearWord(unit);
}

// prettier-ignore
const ORDINAL_WORDS = new Set(
  [
    'premier', 'premiere', 'premiers', 'premieres', 'dernier', 'derniere', 'derniers', 'dernieres', 'deuxieme',
    'second', 'seconde', 'first', 'last', 'latest', 'earliest', 'abord',
  ].map(foldCase),
);

/** Whether a unit is an ordinal ("premier", "first"), which orders what the rest of the question names. */
export function isOrdinalWord(unit: QueryUnit): boolean {
  return ORDINAL_WORDS.has(foldCase(unit.surface));
}

// prettier-ignore
const SUPPORT_VERBS = new Set(
  [
    'donner', 'donne', 'donnes', 'donnee', 'donnees', 'faire', 'fait', 'faits', 'avoir', 'mettre', 'mis', 'prendre',
    'pris', 'give', 'gives', 'gave', 'given', 'make', 'makes', 'made', 'have', 'has', 'had',
  ].map(foldCase),
);

/**
 * Whether a unit is a support verb: one that lends its noun the grammar of a verb and little meaning of
 * its own ("donner des détails", "faire une déclaration"), so that an article may well put it otherwise.
 */
export function isSupportVerb(unit: QueryUnit): boolean {
  return SUPPORT_VERBS.has(foldCase(unit.surface));
}

/**
 * Verbs whose pronominal form means something else ("un incendie s'est déclaré" is no declaration,
 * "il s'est rendu à Moscou" gave nothing back): a question using them so must not reach the synonyms of
 * the plain verb. Inherently pronominal verbs ("s'exprimer") keep theirs.
 */
const SENSE_CHANGING_STEMS = ['declar', 'rend', 'pass', 'produi', 'trouv', 'ten', 'deroul', 'port', 'mett'];

/** The words a question uses as sense-changing pronominal verbs ("s'est déclaré", "s'est-il rendu"). */
export function reflexiveVerbs(question: string): Set<string> {
  const folded = foldCase(question).replace(/[’']/gu, "'");
  const pattern = /\b(?:s'(?:est|etait|etaient|sont|sera|serait)(?:-t)?(?:-(?:il|elle|ils|elles|on))?|se)\s+(\p{L}+)/gu;
  return new Set(
    [...folded.matchAll(pattern)]
      .map((match) => match[1]!)
      .filter((word) => SENSE_CHANGING_STEMS.some((stem) => word.startsWith(stem))),
  );
}
