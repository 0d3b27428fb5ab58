/**
 * /who and /where: the person, organisation or place that answers a question, extracted from the
 * passages that match it and ranked by support across outlets.
 */
import type { EntityKind } from '../corpus/types.ts';
import type { StoryIndex } from '../search/storyIndex.ts';
import {
  collectEvidence,
  DEFAULT_COLLECT_OPTIONS,
  namedByQuestion,
  type CollectOptions,
  type Mention,
} from './collectEvidence.ts';
import { askedRole, roleInPassage } from './askedRole.ts';
import type { Evidence } from './rankEvidence.ts';
import { commonPlacesIn } from '../text/commonPlaces.ts';
import { isPlaceKindNoun, SITE_NAME, VENUE_BEFORE } from '../text/entityWords.ts';
import { foldCase } from '../text/normalize.ts';
import { askedKindNoun, asksForDateline, asksForIdentity, asksForTownOrCountry } from './questionFrame.ts';
import type { Retrieval } from './retrieve.ts';
import type { Answer } from './types.ts';
import { valueAnswer, type ValueAnswerRequest } from './valueAnswer.ts';

/** How far (in characters) a name may stand from a role to be the one who holds it ("le porte-parole du président russe Dmitri Peskov"). */
const APPOSITION_DISTANCE = 30;

/**
 * People answer "qui" more often than organisations do, unless the question asks for a body ("quel
 * service", "which organisation").
 */
const PERSON_FIT = 1.5;
const ASKS_FOR_A_BODY =
  /\b(?:organisation|organization|service|agence|agency|groupe|group|institution|media|journal|entreprise|societe|company|firm)s?\b/u;

/** How much a name's rarity in the corpus adds: the city every article names tells less than the cathedral. */
function rarity(index: StoryIndex, name: string): number {
  const total = Math.max(1, index.corpus.passages.length);
  const frequency = Math.max(1, index.passageFrequency(name));
  return 1 + Math.log(total / frequency) / Math.log(total + 1);
}

/**
 * A place written in capitals ("MOSCOU —", "BELLERIVE-SUR-LYSSE —") is a dateline: where the reporter
 * filed from, which is weak evidence of where the event happened, and the answer when the question asks
 * where the report was filed from.
 */
const DATELINE_FIT = 0.5;
const DATELINE_ASKED_FIT = 3;
const isDateline = (surface: string): boolean => /\p{Lu}{3}/u.test(surface) && !/\p{Ll}/u.test(surface);

/**
 * A name that holds the noun the question gives as the answer's kind ("Dans quel entrepôt…": "l'entrepôt
 * numéro 4", not the port around it) is the kind of thing asked for: it outweighs a place more outlets
 * name near the same words.
 */
const KIND_NAMED_FIT = 10;

/** A site ("port fluvial de Bellerive") answers a question asking for a town only when no town does. */
const SITE_FOR_TOWN_FIT = 0.1;

/** A name the parse shows in the asked role of the asked verb outweighs names merely near its words. */
const ROLE_FIT = 3;

const KINDS_ASKED: Readonly<Record<'who' | 'where', readonly EntityKind[]>> = {
  who: ['person', 'organisation'],
  where: ['place'],
};

/**
 * An organisation written as where something happens ("devant le tribunal correctionnel", "à l'hôpital
 * Saint-Roch", "au siège du FSB") is a place for /where.
 */
function isVenue(text: string, start: number): boolean {
  return VENUE_BEFORE.test(text.slice(Math.max(0, start - 20), start));
}

export function answerEntity(
  index: StoryIndex,
  request: ValueAnswerRequest & { readonly command: 'who' | 'where' },
  retrieval: Retrieval,
): Answer {
  const kinds = KINDS_ASKED[request.command];
  const personFit = request.command === 'who' && !ASKS_FOR_A_BODY.test(foldCase(request.query)) ? PERSON_FIT : 1;
  const options = asksForIdentity(request.query)
    ? { ...DEFAULT_COLLECT_OPTIONS, maxDistance: APPOSITION_DISTANCE }
    : DEFAULT_COLLECT_OPTIONS;
  const kindNoun = askedKindNoun(request.query);
  const kindTerms = new Set(kindNoun ? index.analyzer.documentTerms(kindNoun) : []);
  const isOfAskedKind = (name: string) =>
    kindTerms.size > 0 && index.analyzer.documentTerms(name).some((term) => kindTerms.has(term));
  const siteFit = asksForTownOrCountry(request.query) ? SITE_FOR_TOWN_FIT : 1;
  const datelineFit = asksForDateline(request.query) ? DATELINE_ASKED_FIT : DATELINE_FIT;
  const asked = askedRole(request.analysis);
  /** The role a name plays for the asked verb in its passage, when both parses say. */
  const roleOf = (passageId: string, start: number, end: number) =>
    asked && roleInPassage(index.analysisOf(passageId), start, end, asked.predicate);
  const evidence = collectEvidence(
    index,
    retrieval,
    (hit): Mention[] =>
      index
        .factsOf(hit.passage)
        .entities.filter(
          (entity) =>
            kinds.includes(entity.kind) ||
            (request.command === 'where' && entity.kind === 'organisation' && isVenue(hit.passage.text, entity.start)),
        )
        .filter((entity) => !namedByQuestion(index, retrieval, entity.surface))
        .map((entity) => ({ entity, role: roleOf(hit.passage.id, entity.start, entity.end) }))
        // The one thanked is no answer to who thanked: a name in the other role of the asked verb.
        .filter(({ role }) => !asked || !role || role === asked.role)
        .map(({ entity, role }) => ({
          start: entity.start,
          end: entity.end,
          value: entity.canonical,
          label: entity.canonical,
          surface: entity.surface,
          fit:
            rarity(index, entity.canonical) *
            (entity.kind === 'person' ? personFit : 1) *
            (entity.kind === 'place' && isDateline(entity.surface) ? datelineFit : 1) *
            (isOfAskedKind(entity.canonical) ? KIND_NAMED_FIT : 1) *
            (entity.kind === 'place' && SITE_NAME.test(entity.canonical) ? siteFit : 1) *
            (role ? ROLE_FIT : 1),
        })),
    options,
  );
  const found =
    request.command === 'where' && evidence.length === 0 ? commonPlaceEvidence(index, retrieval, options) : evidence;
  // "Dans quel quartier…" wants a quarter: a city or a cathedral near the same words is no answer.
  const answered =
    request.command === 'where' && kindNoun !== undefined && isPlaceKindNoun(kindNoun)
      ? found.filter((item) => isOfAskedKind(item.value))
      : found;
  return valueAnswer(index, request, retrieval, answered, {
    reportDisagreement: false,
    reportOtherEvent: request.command === 'where',
  });
}

/** How close (in characters) to the asked words a place written as a common noun must stand. */
const COMMON_PLACE_DISTANCE = 40;

/**
 * /where when no named place answers: a place written as a common noun right beside the asked words
 * ("les images de vidéosurveillance d'une station-service", "limité à la galerie de chargement").
 */
function commonPlaceEvidence(index: StoryIndex, retrieval: Retrieval, options: CollectOptions): Evidence[] {
  return collectEvidence(
    index,
    retrieval,
    (hit): Mention[] =>
      commonPlacesIn(hit.passage.text)
        .filter((place) => !namedByQuestion(index, retrieval, place.surface))
        .map((place) => ({ ...place, value: place.surface, label: place.surface })),
    { ...options, maxDistance: Math.min(options.maxDistance ?? COMMON_PLACE_DISTANCE, COMMON_PLACE_DISTANCE) },
  );
}
