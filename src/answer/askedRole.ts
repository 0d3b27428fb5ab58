/**
 * Who did what to whom, read from dependency parses (Universal Dependencies, as spaCy's French pipeline
 * gives them): which role of which verb a question asks for, and which role a name of a passage plays.
 * "Qui a remercié Trump ?" asks for the one who thanks; "Qui Poutine a-t-il remercié ?" for the one
 * thanked. A passage where Poutine thanks Trump then answers the first with Poutine, never with Trump.
 */
import type { AnalysedToken, TextAnalysis } from '../language/analysisTypes.ts';

/** The two sides of an act: who does it, and who or what it is done to. */
export type Role = 'agent' | 'patient';

export interface AskedRole {
  /** The lemma of the verb the question asks about ("remercier"). */
  readonly predicate: string;
  readonly role: Role;
}

/**
 * Relations that put a word in a role of its verb. A passive subject is the patient and the passive's
 * agent ("remercié par Trump", `obl:agent`) the agent; an indirect object ("a téléphoné à Trump") is
 * done to, as a direct one is.
 */
const ROLE_OF_RELATION: Readonly<Record<string, Role>> = {
  nsubj: 'agent',
  csubj: 'agent',
  'obl:agent': 'agent',
  obj: 'patient',
  iobj: 'patient',
  'nsubj:pass': 'patient',
  'obl:arg': 'patient',
};

/** Relations through which a word shares the role of the word it hangs on ("Vladimir Poutine", "Trump et Poutine"). */
const SAME_ROLE_AS_HEAD = new Set(['flat', 'flat:name', 'fixed', 'appos', 'conj']);

/**
 * The role a question asks for: that of its interrogative pronoun (PronType=Int or Rel) or of the noun an
 * interrogative determiner opens ("quel service"), in the verb it depends on. Undefined when the
 * question has no parse (English: no parser is installed), no interrogative word, or asks about a
 * being rather than an act ("Qui est le porte-parole ?").
 */
export function askedRole(question: TextAnalysis | undefined): AskedRole | undefined {
  if (!question || question.tokens.every((token) => token.dep === '')) return undefined;
  const { tokens } = question;
  for (const [position, token] of tokens.entries()) {
    // The tagger reads "qui" opening a question as often as relative (PronType=Rel, its verb then an
    // `acl:relcl`) as interrogative: in a question, both are the word asked about.
    const type = token.morph['PronType'];
    if (type !== 'Int' && !(type === 'Rel' && token.pos === 'PRON')) continue;
    // "Quel service…": the determiner's noun holds the role.
    const holder = token.pos === 'DET' ? tokens[token.head] : token;
    if (!holder || (token.pos === 'DET' && token.head === position)) continue;
    const role = ROLE_OF_RELATION[holder.dep];
    const verb = tokens[holder.head];
    if (role && verb && verb.pos === 'VERB') return { predicate: verb.lemma, role };
  }
  return undefined;
}

/**
 * The role a span of a passage (a name) plays for a verb of that lemma, when its sentence says: the
 * token of the span the rest of it hangs on, followed up through names and conjunctions to a relation
 * of the verb itself.
 */
export function roleInPassage(
  passage: TextAnalysis | undefined,
  start: number,
  end: number,
  predicate: string,
): Role | undefined {
  if (!passage) return undefined;
  const { tokens } = passage;
  const inside = tokens
    .map((token, position) => ({ token, position }))
    .filter(({ token }) => token.start >= start && token.end <= end && !token.isPunct);
  const relative = roleThroughRelativePronoun(tokens, inside.at(-1)?.position, predicate);
  if (relative) return relative;
  // The span's own root: the one token whose head lies outside it.
  let current = inside.find(
    ({ token, position }) => token.head === position || !isWithin(tokens[token.head], start, end),
  );
  for (let steps = 0; current && steps < 8; steps++) {
    const head = tokens[current.token.head];
    if (!head || current.token.head === current.position) return undefined;
    const role = ROLE_OF_RELATION[current.token.dep];
    if (role) return head.pos === 'VERB' && head.lemma === predicate ? role : undefined;
    if (!SAME_ROLE_AS_HEAD.has(current.token.dep)) return undefined;
    current = { token: head, position: current.token.head };
  }
  return undefined;
}

/**
 * The role a name plays through the relative pronoun right after it: in "répond Hélène Vasseur, qui
 * accuse le syndicat", "qui" is the subject of "accuse", so Vasseur is the one who accuses, though her
 * own relation is to "répond". Read from the pronoun, not from where the parser hangs the clause (on the
 * name, as Universal Dependencies has it, or, often in such inverted sentences, on the verb before it).
 */
function roleThroughRelativePronoun(
  tokens: readonly AnalysedToken[],
  last: number | undefined,
  predicate: string,
): Role | undefined {
  if (last === undefined) return undefined;
  let next = last + 1;
  while (tokens[next]?.isPunct) next++;
  const pronoun = tokens[next];
  if (!pronoun || pronoun.morph['PronType'] !== 'Rel') return undefined;
  const verb = tokens[pronoun.head];
  const role = ROLE_OF_RELATION[pronoun.dep];
  return role && verb?.pos === 'VERB' && verb.lemma === predicate ? role : undefined;
}

function isWithin(token: AnalysedToken | undefined, start: number, end: number): boolean {
  return token !== undefined && token.start >= start && token.end <= end;
}
