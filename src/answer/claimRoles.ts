/**
 * Who does what to whom in a question, and whether a passage says it the other way round: "Claire
 * Berthelot a remplacé Julien Morvan" is not stated by "Julien Morvan remplace Claire Berthelot", though
 * every word is there. A name of the question with a role of one of its verbs ("Berthelot", the one who
 * replaces) must not hold the other role of that verb in the passage. The check is read from dependency
 * parses; where a parse does not show a role, nothing is concluded.
 */
import type { TextAnalysis } from '../language/analysisTypes.ts';
import type { StoryIndex } from '../search/storyIndex.ts';
import { asksWhoReports } from './askedAct.ts';
import { roleInPassage, type Role } from './askedRole.ts';

/** A name of the question in a role of one of its verbs. */
export interface NamedRole {
  /** The name as the question writes it ("la CIA" gives "CIA"). */
  readonly surface: string;
  /** The verb's lemma ("remercier"). */
  readonly predicate: string;
  readonly role: Role;
}

/** What one sentence of a passage does with the question's named roles. */
type SentenceVerdict = 'agrees' | 'reverses' | undefined;

/**
 * The question's names (spaCy's entities, and runs of proper nouns it did not label) with the role each
 * plays for a verb of the question, read only from clauses the parser can have got right (see
 * wellFormedClause). Empty without a parse (English questions). With `claim` (/source), not for a verb
 * that asks who reports.
 */
export function namedRoles(
  question: TextAnalysis | undefined,
  { claim = false }: { readonly claim?: boolean } = {},
): NamedRole[] {
  if (!question || question.tokens.every((token) => token.dep === '')) return [];
  const { tokens } = question;
  const spans = nameSpans(question);
  // In a claim, the verb of "Quels médias parlent d'un appel Poutine-Trump ?" asks who reports: its
  // roles are the question's, not the claim's, and passages where Poutine "parle" have their own.
  const predicates = [
    ...new Set(
      tokens
        .filter((token, position) => token.pos === 'VERB' && !(claim && asksWhoReports(tokens, position)))
        .map((token) => token.lemma),
    ),
  ];
  return spans.flatMap((span) =>
    predicates.flatMap((predicate) => {
      const role = roleInPassage(question, span.start, span.end, predicate);
      return role ? [{ surface: span.text, predicate, role }] : [];
    }),
  );
}

/**
 * Whether a passage says the question's act the other way round: some sentence gives one of the
 * question's names the other role of the same verb, and no sentence gives the roles as the question
 * does. Only in the sentence holding offset `at` (an evidence's sentence), when given. A passage whose
 * parse shows no role of those names is not reversed: silence is not contradiction.
 */
export function reversesRoles(index: StoryIndex, passageId: string, roles: readonly NamedRole[], at?: number): boolean {
  if (roles.length === 0) return false;
  const analysis = index.analysisOf(passageId);
  const passage = index.passage(passageId);
  if (!analysis || !passage) return false;
  const sentenceAt = (offset: number) => analysis.tokens.find((token) => token.end > offset)?.sentence;
  const only = at === undefined ? undefined : sentenceAt(at);
  const verdicts = new Map<number, SentenceVerdict>();
  // The corpus's names, and those the parser's entity recogniser finds that the name list does not hold
  // (a name seen only at the start of sentences).
  const names = [
    ...index.factsOf(passage).entities,
    ...analysis.entities.map(({ start, end, text }) => ({ start, end, surface: text })),
  ];
  for (const entity of names) {
    const sentence = sentenceAt(entity.start);
    if (sentence === undefined || (only !== undefined && sentence !== only)) continue;
    if (verdicts.get(sentence) === 'agrees') continue;
    for (const asked of roles) {
      if (!sameName(index, asked.surface, entity.surface)) continue;
      const role = roleInPassage(analysis, entity.start, entity.end, asked.predicate);
      if (role === asked.role) verdicts.set(sentence, 'agrees');
      else if (role && verdicts.get(sentence) !== 'agrees') verdicts.set(sentence, 'reverses');
    }
  }
  const found = [...verdicts.values()];
  return found.includes('reverses') && !found.includes('agrees');
}

/** Spans of the question that name someone or something, with their text. */
function nameSpans(question: TextAnalysis): { start: number; end: number; text: string }[] {
  const { tokens } = question;
  const spans = question.entities.map((entity) => ({ start: entity.start, end: entity.end, text: entity.text }));
  const inEntity = (position: number) =>
    question.entities.some((entity) => position >= entity.tokenStart && position < entity.tokenEnd);
  let run: { start: number; end: number; words: string[] } | undefined;
  tokens.forEach((token, position) => {
    if (token.pos === 'PROPN' && !inEntity(position)) {
      run = run
        ? { ...run, end: token.end, words: [...run.words, token.text] }
        : {
            start: token.start,
            end: token.end,
            words: [token.text],
          };
      return;
    }
    if (run) spans.push({ start: run.start, end: run.end, text: run.words.join(' ') });
    run = undefined;
  });
  if (run) spans.push({ start: run.start, end: run.end, text: run.words.join(' ') });
  return spans;
}

/**
 * Whether the question's name and a passage's are the same one: the same alias group when the corpus's
 * alias list knows them ("Poutine" and "Vladimir Poutine"), else the same words, one's within the other's.
 */
function sameName(index: StoryIndex, asked: string, found: string): boolean {
  const askedTerms = index.analyzer.documentTerms(asked);
  const foundTerms = index.analyzer.documentTerms(found);
  if (askedTerms.length === 0 || foundTerms.length === 0) return false;
  const groups = (terms: readonly string[]) => terms.filter((term) => term.startsWith('@'));
  const askedGroups = groups(askedTerms);
  const foundGroups = new Set(groups(foundTerms));
  if (askedGroups.length > 0 && foundGroups.size > 0) return askedGroups.some((term) => foundGroups.has(term));
  const within = (inner: readonly string[], outer: readonly string[]) => inner.every((term) => outer.includes(term));
  return within(askedTerms, foundTerms) || within(foundTerms, askedTerms);
}
