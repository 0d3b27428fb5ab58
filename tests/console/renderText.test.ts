/** The console's text for an answer: quotes between guillemets, as the articles quote. */
import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../src/answer/types.ts';
import { renderAnswer } from '../../src/console/renderText.ts';

function answerQuoting(quote: string, cut: Citation['cut']): Answer {
  const citation: Citation = {
    articleId: 'a',
    outlet: 'MIRASTNEWS',
    published: '2017-12-18',
    url: null,
    quote,
    title: 't',
    highlights: [],
    alsoCarriedBy: [],
    cut,
  };
  return {
    command: 'source',
    query: 'q',
    answers: [{ value: 'MIRASTNEWS', label: '1 passage', support: [citation] }],
    passages: [],
    notes: [],
  };
}

describe('renderAnswer: quotes', () => {
  it('frames a quote in guillemets', () => {
    expect(
      renderAnswer(answerQuoting('Le Kremlin a remercié la CIA.', { before: false, after: false }), 'fr'),
    ).toContain('« Le Kremlin a remercié la CIA. »');
  });

  it("marks the words of the sentence a quote leaves out, and keeps the article's own guillemets", () => {
    const rendered = renderAnswer(
      answerQuoting('« Certains contacts sont sporadiques, mais', { before: false, after: true }),
      'fr',
    );
    expect(rendered).toContain('« Certains contacts sont sporadiques, mais … »');
    expect(rendered).not.toContain('« «');
    expect(renderAnswer(answerQuoting('a dit Peskov. »', { before: true, after: false }), 'fr')).toContain(
      '« … a dit Peskov. »',
    );
  });
});
