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
    const role = roleOfRelation(tokens, token.pos === 'DET' ? token.head : position);
    const verb = tokens[holder.head];
    if (role && verb && verb.pos === 'VERB' && wellFormedClause(tokens, holder.head))
      return { predicate: verb.lemma, role };
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
  // The span's own root: the one token whose head lies outside it.
  let current = inside.find(
    ({ token, position }) => token.head === position || !isWithin(tokens[token.head], start, end),
  );
  // A name that modifies a noun ("le technicien de Kerval, qui a quitté…") is not what a relative
  // pronoun after it stands for: the noun it modifies is.
  const modifiesANoun = current !== undefined && current.token.dep.startsWith('nmod');
  const relative = modifiesANoun ? undefined : roleThroughRelativePronoun(tokens, inside.at(-1)?.position, predicate);
  if (relative) return relative;
  for (let steps = 0; current && steps < 8; steps++) {
    const head = tokens[current.token.head];
    if (!head || current.token.head === current.position) return undefined;
    const role = roleOfRelation(tokens, current.position);
    if (role)
      return head.pos === 'VERB' && head.lemma === predicate && wellFormedClause(tokens, current.token.head)
        ? role
        : undefined;
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
  const role = roleOfRelation(tokens, next);
  return role && verb?.pos === 'VERB' && verb.lemma === predicate && wellFormedClause(tokens, pronoun.head)
    ? role
    : undefined;
}

/**
 * Whether the roles the parse gives a verb can be true of a French clause: where they cannot, the
 * parser misread the clause, and its roles are no evidence. It errs most on inverted subjects:
 * "Combien de salariés emploie Lysse Logistique ?" reads the subject as the object, leaving a finite
 * verb with no subject. A clause has one subject at most. (Several objects are let through: the parser
 * often reads a time word as one, "a remercié mardi Jean Dupont", and the name is still the object.)
 */
export function wellFormedClause(tokens: readonly AnalysedToken[], verb: number): boolean {
  const count = (relations: readonly string[]) =>
    tokens.filter((token, position) => position !== verb && token.head === verb && relations.includes(token.dep))
      .length;
  const hasSubject = count(['nsubj', 'nsubj:pass', 'expl:subj', 'csubj']) > 0;
  const auxiliaries = tokens.filter(
    (token, position) => position !== verb && token.head === verb && token.dep.startsWith('aux'),
  );
  // In a compound tense ("a remercié") the auxiliary is the finite word.
  const finite = [tokens[verb], ...auxiliaries].some(
    (token) => token?.morph['VerbForm'] === 'Fin' && token.morph['Mood'] !== 'Imp',
  );
  if (finite && !hasSubject) return false;
  return count(['nsubj', 'nsubj:pass']) <= 1;
}

/**
 * The role a token's relation gives it in its head verb. The parser reads the subject of a complex
 * inversion ("Jean Dupont a-t-il remplacé…", "la Russie a-t-elle annexé…") as a passive subject: with
 * no "être" there is no passive, and the noun the subject clitic repeats is the one who acts. A passive
 * subject with neither is a misreading, and gives no role.
 */
function roleOfRelation(tokens: readonly AnalysedToken[], position: number): Role | undefined {
  const token = tokens[position];
  if (!token) return undefined;
  if (token.dep !== 'nsubj:pass') return ROLE_OF_RELATION[token.dep];
  const verb = token.head;
  const ofVerb = tokens.flatMap((other, index) => (index !== verb && other.head === verb ? [index] : []));
  if (ofVerb.some((index) => tokens[index]!.dep === 'aux:pass')) return 'patient';
  const verbWords = new Set([verb, ...ofVerb.filter((index) => tokens[index]!.dep.startsWith('aux'))]);
  // Inversion clitics are written with a hyphen ("-il", "-elle", "-t-"), on the verb or its auxiliary.
  const inverted = tokens.some(
    (other) => other.pos === 'PRON' && other.text.startsWith('-') && verbWords.has(other.head),
  );
  return inverted ? 'agent' : undefined;
}

function isWithin(token: AnalysedToken | undefined, start: number, end: number): boolean {
  return token !== undefined && token.start >= start && token.end <= end;
}
