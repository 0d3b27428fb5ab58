/**
 * The answer engine's entry point: an index and a question in, an answer with citations out. It is pure:
 * it reads no files and sends nothing, so every transport and every test can call it as it is.
 */
import type { TextAnalysis } from '../language/analysisTypes.ts';
import type { StoryIndex } from '../search/storyIndex.ts';
import { answerAsk } from './answerAsk.ts';
import { answerCount } from './answerCount.ts';
import { answerEntity } from './answerEntity.ts';
import { answerOutlets } from './answerOutlets.ts';
import { answerSource } from './answerSource.ts';
import { answerTimeline } from './answerTimeline.ts';
import { answerWhen } from './answerWhen.ts';
import { closestByMeaning } from './closestByMeaning.ts';
import { messages } from './messages.ts';
import { asksForCount } from './questionFrame.ts';
import { retrieve, type Retrieval } from './retrieve.ts';
import type { Answer, AnswerCommand, Locale } from './types.ts';
import type { ValueAnswerRequest } from './valueAnswer.ts';

/** Longer questions are refused: no reader's question needs more, and analysis cost grows with length. */
export const MAX_QUESTION_LENGTH = 300;

export interface AnswerRequest {
  readonly command: AnswerCommand;
  readonly query: string;
  readonly locale: Locale;
  /**
   * The question as the language service parsed it (French only: no English parser is installed),
   * made just before the engine runs. Without it, nothing that needs a parse is checked.
   */
  readonly analysis?: TextAnalysis;
  /** The question's embedding (unit length), made with the passages' model; see closestByMeaning. */
  readonly questionVector?: Float32Array;
}

/** Commands that need no question. */
const QUESTION_OPTIONAL: ReadonlySet<AnswerCommand> = new Set(['outlets', 'timeline']);

export function answerQuestion(index: StoryIndex, request: AnswerRequest): Answer {
  const query = request.query.trim();
  const { command, locale } = request;
  const unanswered = (note: string): Answer => ({ command, query, answers: [], passages: [], notes: [note] });

  if (query.length > MAX_QUESTION_LENGTH) return unanswered(messages.questionTooLong(locale, MAX_QUESTION_LENGTH));
  if (command === 'outlets') return answerOutlets(index, { query, locale });
  if (command === 'timeline' && query === '') return answerTimeline(index, { query, locale }, undefined);
  if (query === '' && !QUESTION_OPTIONAL.has(command)) return unanswered(messages.emptyQuestion(locale));

  const retrieval = retrieve(index, query, { require: command === 'source' ? 'all' : 'any' });
  if (retrieval.units.length === 0) return unanswered(messages.noSearchableWords(locale));

  const valueRequest = {
    command,
    query,
    locale,
    ...(request.analysis ? { analysis: request.analysis } : {}),
    ...(request.questionVector ? { questionVector: request.questionVector } : {}),
  };
  const answer = answerFromWords(index, valueRequest, retrieval);
  if (answer.answers.length > 0 || answer.passages.length > 0 || !request.questionVector) return answer;
  const closest = closestByMeaning(index, request.questionVector);
  return closest.length === 0
    ? answer
    : { ...answer, passages: closest, notes: [...answer.notes, messages.closestByMeaning(locale)] };
}

/** The answer from the words of the question and of the passages retrieved for them. */
function answerFromWords(index: StoryIndex, valueRequest: ValueAnswerRequest, retrieval: Retrieval): Answer {
  const { command, query } = valueRequest;
  switch (command) {
    case 'source':
      return answerSource(index, valueRequest, retrieval);
    case 'timeline':
      return answerTimeline(index, valueRequest, retrieval);
    case 'who':
    case 'ask':
      if (asksForCount(query)) return answerCount(index, valueRequest, retrieval);
      return command === 'who'
        ? answerEntity(index, { ...valueRequest, command }, retrieval)
        : answerAsk(index, valueRequest, retrieval);
    case 'where':
      return answerEntity(index, { ...valueRequest, command }, retrieval);
    case 'when':
      return answerWhen(index, valueRequest, retrieval);
    case 'outlets':
      return answerOutlets(index, valueRequest);
  }
}
