/** Answers as the engine gives them, small enough to write by hand, for the feedback tests. */
import type { Answer, AnswerCommand } from '../../src/answer/types.ts';

export function answered(command: AnswerCommand, query: string, value: string): Answer {
  return {
    command,
    query,
    answers: [
      {
        value,
        label: value,
        support: [
          {
            articleId: '2017-12-18-sputnik-peskov-cooperation',
            outlet: 'Sputnik France',
            published: '2017-12-18',
            url: null,
            quote: `${value} a dit`,
            title: 'Peskov',
            highlights: [],
            alsoCarriedBy: [],
            cut: { before: false, after: false },
          },
        ],
      },
    ],
    passages: [],
    notes: [],
  };
}

export function unanswered(command: AnswerCommand, query: string): Answer {
  return { command, query, answers: [], passages: [], notes: ['Les articles ne le disent pas.'] };
}
