import { answerQuestion } from '/work/wt-13/src/answer/answerQuestion.ts';
import { loadCorpus } from '/work/wt-13/src/corpus/loadCorpus.ts';
import { buildStoryIndex } from '/work/wt-13/src/search/storyIndex.ts';

const index = buildStoryIndex(await loadCorpus('/work/wt-13/corpus'));
for (const q of ['\\d+ $^ {2,} | \\', '{2,}', 'deux', '2', '[0-9]{3}', 'a{2}', '2017', '7 membres']) {
  const a = answerQuestion(index, { command: 'ask', query: q, locale: 'en' });
  console.log(JSON.stringify(q), a.answers.length, a.passages.length, a.notes);
}
