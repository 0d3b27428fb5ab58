/**
 * Words that frame a question rather than say what it is about ("À quelle date…", "In which city…",
 * "Combien de personnes…"). Articles rarely write them, so requiring them would find nothing.
 */
import { foldCase } from '../text/normalize.ts';
import type { QueryUnit } from '../text/analyzer.ts';

const FRAME_WORDS = new Set(
  [
    'date', 'dates', 'jour', 'jours', 'annee', 'annees', 'an', 'mois', 'moment', 'heure', 'lieu', 'lieux',
    'endroit', 'endroits', 'ville', 'villes', 'pays', 'nom', 'noms', 'personne', 'personnes', 'gens',
    'nombre', 'chiffre', 'exactement', 'precisement',
    'day', 'days', 'year', 'years', 'month', 'time', 'place', 'places', 'city', 'cities', 'country',
    'countries', 'name', 'names', 'person', 'persons', 'people', 'number', 'exactly',
    // The verbs of reporting a question about sources uses ("qui rapporte", "who says").
    'rapporte', 'rapportent', 'dit', 'disent', 'affirme', 'affirment', 'says', 'say', 'report', 'reports',
    'mention', 'mentions', 'mentionne', 'mentionnent', 'media', 'medias', 'outlet', 'outlets',
    // Verbs that only say something happened somewhere or at some time ("Où l'attentat était-il prévu ?").
    'prevu', 'prevue', 'prevus', 'prevues', 'planned', 'planifie', 'happen', 'happened', 'occur', 'occurred',
    'took', 'take', 'survenu', 'survenue', 'deroule', 'produit', 'passe', 'eu',
  ].map(foldCase),
);

const TIME_WORDS = new Set(
  [
    'janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre',
    'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
    'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  ].map(foldCase),
);

/**
 * Whether a unit is a time expression (a year, a month, a weekday). In a question about something else
 * it says which event is meant rather than what a passage must contain.
 */
export function isTimeWord(unit: QueryUnit): boolean {
  const word = foldCase(unit.surface);
  return TIME_WORDS.has(word) || /^(?:1[89]|20)\d{2}$/u.test(word);
}

/** Whether a question counts something ("combien", "how many"). */
export function asksForCount(question: string): boolean {
  return /\b(?:combien|how\s+many|how\s+much|nombre\s+de)\b/u.test(foldCase(question));
}

/** The units that say what the question is about, without its framing words. */
export function contentUnits(units: readonly QueryUnit[]): QueryUnit[] {
  return units.filter((unit) => !FRAME_WORDS.has(foldCase(unit.surface)));
}
