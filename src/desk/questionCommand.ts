/**
 * The shape shared by every command that takes a question and answers it from the corpus: one option,
 * the answer engine, and an Answer reply. Each file in commands/ fills in its words.
 */
import { answerQuestion, MAX_QUESTION_LENGTH } from '../answer/answerQuestion.ts';
import type { SuggestionSource } from '../answer/suggest.ts';
import type { AnswerCommand } from '../answer/types.ts';
import type { CommandDefinition, Localized } from './commandTypes.ts';
import { deskMessages } from './deskMessages.ts';

/** Discord caps option text at 6000; questions need far less, and the engine refuses longer ones. */
export const QUESTION_MAX_LENGTH = Math.min(MAX_QUESTION_LENGTH, 200);

export interface QuestionCommandSpec {
  readonly name: AnswerCommand;
  readonly localizedName: Localized;
  readonly description: Localized;
  readonly option: {
    readonly name: string;
    readonly localizedName: Localized;
    readonly description: Localized;
    readonly required: boolean;
  };
  readonly example: Localized;
  readonly autocomplete?: SuggestionSource;
}

export function questionCommand(spec: QuestionCommandSpec): CommandDefinition {
  return {
    name: spec.name,
    localizedName: spec.localizedName,
    description: spec.description,
    options: [
      {
        name: spec.option.name,
        localizedName: spec.option.localizedName,
        description: spec.option.description,
        required: spec.option.required,
        maxLength: QUESTION_MAX_LENGTH,
        ...(spec.autocomplete ? { autocomplete: spec.autocomplete } : {}),
      },
    ],
    moderatorOnly: false,
    example: spec.example,
    async handle(context, options) {
      const query = options[spec.option.name] ?? '';
      const prepared = await context.prepareQuestion(query);
      const answer = answerQuestion(context.index, { command: spec.name, query, locale: context.locale, ...prepared });
      const problem = context.languageUnavailable;
      return {
        kind: 'answer',
        answer: problem
          ? { ...answer, notes: [...answer.notes, deskMessages.withoutParses(context.locale, problem)] }
          : answer,
      };
    },
  };
}
