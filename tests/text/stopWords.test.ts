import { describe, expect, it } from 'vitest';
import { isStopWord } from '../../src/text/stopWords.ts';

describe('isStopWord', () => {
  it.each([
    // French articles, pronouns, auxiliaries (the `stopword` package's list), compared folded
    ['le'],
    ['la'],
    ['les'],
    ['de'],
    ['des'],
    ['du'],
    ['a'],
    ['au'],
    ['est'],
    ['ete'],
    ['sont'],
    ['il'],
    ['un'],
    ['une'],
    ['ou'],
    ['etre'],
    ['meme'],
    // question words
    ['qui'],
    ['quand'],
    ['combien'],
    ['quel'],
    ['quelle'],
    ['lequel'],
    ['comment'],
    ['pourquoi'],
    ['who'],
    ['when'],
    ['where'],
    ['what'],
    ['which'],
    ['how'],
    ['many'],
    ['much'],
    ['why'],
    ['whom'],
    ['whose'],
    // English (`eng`)
    ['the'],
    ['of'],
    ['did'],
    ['is'],
    // function words added to the package lists
    ['selon'],
    ['depuis'],
    ['contre'],
    ['entre'],
    ['ci'],
    ['mm'],
    ["quelqu'un"],
    ['does'],
    // English pronouns and adverbs an English question carries and no French article can hold
    ['having'],
    ['anything'],
    ['just'],
    // what an apostrophe leaves of an English negative contraction ("couldn't", "didn't")
    ['couldn'],
    ['didn'],
  ])('%s is a stop word', (folded) => {
    expect(isStopWord(folded)).toBe(true);
  });

  it.each([
    ['sept'],
    ['notre'],
    ['etat'],
    ['an'],
    ['but'],
    ['premier'],
    ['dernier'],
    ['deux'],
    ['trois'],
    ['quatre'],
    ['cinq'],
    ['six'],
    ['huit'],
    ['neuf'],
    ['dix'],
    ['douze'],
    ['vingt'],
    ['cent'],
    ['mille'],
    ['seven'],
    ['personne'],
    ['personnes'],
    ['merci'],
    ['mars'],
    ['mai'],
    ['kremlin'],
    ['attentat'],
    ['cia'],
    ['russie'],
    // "don't" and "won't" leave words of their own: a French gift, an English win
    ['don'],
    ['won'],
  ])('%s is kept', (folded) => {
    expect(isStopWord(folded)).toBe(false);
  });

  it('expects folded input: accented forms are not in the list', () => {
    expect(isStopWord('où')).toBe(false);
    expect(isStopWord('ou')).toBe(true);
  });
});
