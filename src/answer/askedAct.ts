/**
 * The act a question asks about, read from its dependency parse, and whether a sentence of a passage
 * states that act: the check that keeps a name or a date found near the question's other words from
 * being passed off as the answer ("Qui dirigeait le FSB ?" answered by a name beside "FSB" in a
 * sentence that says nothing of leading it).
 */
import type { AnalysedToken, TextAnalysis } from '../language/analysisTypes.ts';
import { foldCase } from '../text/normalize.ts';
import { stem } from '../text/stem.ts';
import type { TextSpan } from '../text/sentences.ts';

export interface AskedAct {
  /** The question's words for the act, as written ("dirigeait"), for notes. */
  readonly surface: string;
  /**
   * Stems of the lemmas that name the act: the verb, or the noun that stands for it. Stems, so that a
   * noun of the same family states it too ("remerciements" for "remercier").
   */
  readonly stems: ReadonlySet<string>;
  /** Whether the question itself asks about the act not happening ("Qui n'a pas signé ?"). */
  readonly negated: boolean;
}

/** Parts of speech whose lemma can name an act (auxiliaries and pronouns never do). */
const ACT_PARTS_OF_SPEECH = new Set(['VERB', 'NOUN']);

const stemOf = (token: AnalysedToken): string => stem(foldCase(token.lemma));

/** Whether a token is grammatically negated: a "pas", "jamais", "aucun"… that depends on it. */
function isNegated(tokens: readonly AnalysedToken[], position: number): boolean {
  return tokens.some(
    (token, other) => other !== position && token.head === position && token.morph['Polarity'] === 'Neg',
  );
}

/**
 * The act of a French question, when its parse shows one: the root verb ("Qui a remercié Trump ?"), with
 * the verbs it governs as a complement and their objects ("devait-il avoir lieu": devoir, avoir, lieu),
 * or, when the root is the interrogative word itself ("Quelle est la nationalité des suspects ?"), the
 * noun it asks about. Names never stand for the act. Undefined without a parse (English questions: no
 * parser is installed) or without a root of that kind: nothing is then checked. With `claim` (/source),
 * a question that asks who reports something ("Quels médias disent que…") has the act of what is
 * reported, and none when it names only a topic.
 */
export function askedAct(
  question: TextAnalysis | undefined,
  { claim = false }: { readonly claim?: boolean } = {},
): AskedAct | undefined {
  if (!question || question.tokens.every((token) => token.dep === '')) return undefined;
  const { tokens } = question;
  const inName = (position: number) =>
    question.entities.some((entity) => position >= entity.tokenStart && position < entity.tokenEnd);
  const isActWord = (position: number) => {
    const token = tokens[position];
    return token !== undefined && ACT_PARTS_OF_SPEECH.has(token.pos) && !inName(position);
  };
  const childrenOf = (head: number, relations: readonly string[]) =>
    tokens.flatMap((token, position) =>
      position !== head && token.head === head && relations.includes(token.dep) ? [position] : [],
    );
  // A noun object with no determiner makes one act with its verb ("avoir lieu", "prendre feu", "porter
  // plainte"): the noun carries the meaning the sentences may write without the verb ("l'incendie").
  const isBare = (noun: number) => childrenOf(noun, ['det']).length === 0;
  const sentenceRoot = tokens.findIndex((token, position) => token.head === position && !token.isPunct);
  if (sentenceRoot < 0) return undefined;
  let root = sentenceRoot;
  if (claim && asksWhoReports(tokens, sentenceRoot)) {
    // "Quels médias disent que Poutine a remercié Trump ?": the claim is what is said, not the saying;
    // "Quels médias évoquent la guerre froide ?" names a topic, and has no act to state.
    const said = childrenOf(sentenceRoot, ['ccomp']).find(isActWord);
    if (said === undefined) return undefined;
    root = said;
  }
  let act: number[];
  if (isActWord(root)) {
    const complements = childrenOf(root, ['xcomp']).filter(isActWord);
    const verbs = [root, ...complements];
    act = [
      ...verbs,
      ...verbs.flatMap((verb) => childrenOf(verb, ['obj']).filter((noun) => isActWord(noun) && isBare(noun))),
    ];
  } else {
    act = childrenOf(root, ['nsubj', 'obj']).filter(isActWord).slice(0, 1);
  }
  const [first] = act;
  if (first === undefined) return undefined;
  return {
    surface: act
      .sort((a, b) => a - b)
      .map((position) => tokens[position]!.text)
      .join(' '),
    stems: new Set(act.map((position) => stemOf(tokens[position]!))),
    negated: act.some((position) => isNegated(tokens, position)),
  };
}

/**
 * Whether a verb's subject is what the question asks for ("Qui a repris…", "Quels médias disent…"): an
 * interrogative pronoun, or a noun with the interrogative determiner, which the tagger does not always
 * mark as one.
 */
export function asksWhoReports(tokens: readonly AnalysedToken[], verb: number): boolean {
  const interrogative = (token: AnalysedToken) => token.morph['PronType'] === 'Int' || foldCase(token.lemma) === 'quel';
  return tokens.some(
    (subject, position) =>
      position !== verb &&
      subject.head === verb &&
      subject.dep === 'nsubj' &&
      (interrogative(subject) ||
        tokens.some((word, index) => index !== position && word.head === position && interrogative(word))),
  );
}

/** What one sentence of a passage says of the asked act. */
export type ActStatement = 'states' | 'negates' | 'silent';

/**
 * What the sentence of `passage` holding `span` says of the act: whether one of its verbs or nouns names
 * it, and whether that word is negated where the question's is not ("aucun élément ne laisse penser à
 * un accident" states no accident). Undefined when the passage has no parse to tell (English passages).
 */
export function actInSentence(
  passage: TextAnalysis | undefined,
  span: TextSpan,
  act: AskedAct,
): ActStatement | undefined {
  if (!passage || passage.tokens.every((token) => token.pos === '')) return undefined;
  const sentence = passage.sentences.find((candidate) => candidate.start <= span.start && span.start < candidate.end);
  if (!sentence) return undefined;
  let statement: ActStatement = 'silent';
  for (let position = sentence.tokenStart; position < sentence.tokenEnd; position++) {
    const token = passage.tokens[position]!;
    if (!ACT_PARTS_OF_SPEECH.has(token.pos) || !act.stems.has(stemOf(token))) continue;
    if (isNegated(passage.tokens, position) === act.negated) return 'states';
    statement = 'negates';
  }
  return statement;
}
