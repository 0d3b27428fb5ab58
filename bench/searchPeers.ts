/**
 * The search libraries the project's search stage is compared with, each set up for French as its own
 * documentation says, behind one small interface so the bench runs them all alike. Bare search: each
 * returns every passage holding any word of the question (OR, as the project's first search is), and
 * nothing is done with the hits beyond counting them. No typo tolerance anywhere: the bare libraries'
 * fuzzy modes differ too much to compare.
 *
 * Dev dependencies only; nothing in src/ imports them.
 */
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import { stemmer as frenchOramaStemmer } from '@orama/stemmers/french';
import FlexSearch from 'flexsearch';
import flexFrench from 'flexsearch/lang/fr';
import lunr from 'lunr';
import lunrFrench from 'lunr-languages/lunr.fr.js';
import lunrStemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import MiniSearch from 'minisearch';
import { fra as frenchStopWords } from 'stopword';
import type { AliasGroup, Passage } from '../src/corpus/types.ts';
import { createAnalyzer } from '../src/text/analyzer.ts';
import type { BenchQuestion } from './benchQuestions.ts';

/** A built index: what one question finds. */
export interface PeerIndex {
  /** How many passages the question finds. Peers read its words only; the project reads its command too. */
  search(question: BenchQuestion): number | Promise<number>;
}

export interface SearchPeer {
  readonly name: string;
  /** What it is set up with, for the table's notes. */
  readonly setup: string;
  build(passages: readonly Passage[], aliases: readonly AliasGroup[]): PeerIndex | Promise<PeerIndex>;
}

/** minisearch with the project's own analysis as its tokenizer: the index the project builds, bare. */
const miniSearchWithProjectAnalysis: SearchPeer = {
  name: 'minisearch + project analysis',
  setup: 'text field only, terms from createAnalyzer(aliases).documentTerms, OR, no fuzzy',
  build(passages, aliases) {
    const analyzer = createAnalyzer(aliases);
    const index = new MiniSearch<Passage>({
      fields: ['text'],
      // The analyzer's terms are final: minisearch must not lower-case or split them again.
      tokenize: (text) => analyzer.documentTerms(text),
      processTerm: (term) => term,
    });
    index.addAll(passages);
    return { search: ({ query }) => index.search(query, { combineWith: 'OR', prefix: false, fuzzy: false }).length };
  },
};

const flexSearch: SearchPeer = {
  name: 'flexsearch',
  setup: "Index, tokenize 'strict', Charset.Normalize + flexsearch/lang/fr (stop words, stemmer), suggest (OR)",
  build(passages) {
    const encoder = new FlexSearch.Encoder(FlexSearch.Charset.Normalize).assign(flexFrench);
    const index = new FlexSearch.Index({ tokenize: 'strict', encoder });
    passages.forEach((passage, position) => index.add(position, passage.text));
    const limit = passages.length;
    // suggest: passages holding only some of the words come too, as with an OR.
    return { search: ({ query }) => index.search(query, { limit, suggest: true }).length };
  },
};

/** lunr's query syntax gives meaning to : ^ ~ + - * and punctuation stays on words: pass it words only. */
const wordsOnly = (question: string) => question.replace(/[^\p{L}\p{N}’'\s]+/gu, ' ');

let lunrFrenchLoaded = false;

const lunrWithFrench: SearchPeer = {
  name: 'lunr + lunr-languages fr',
  setup: 'lunr.fr pipeline (trimmer, stop words, stemmer), query of words only, OR',
  build(passages) {
    if (!lunrFrenchLoaded) {
      lunrStemmerSupport(lunr);
      lunrFrench(lunr);
      lunrFrenchLoaded = true;
    }
    const index = lunr(function () {
      // lunr-languages adds `lunr.fr` at run time; its types do not tell lunr's.
      this.use((lunr as unknown as { fr: lunr.Builder.Plugin }).fr);
      this.ref('id');
      this.field('text');
      // Positions are kept for highlighting only, which the bench never does.
      this.metadataWhitelist = [];
      for (const passage of passages) this.add({ id: passage.id, text: passage.text });
    });
    return { search: ({ query }) => index.search(wordsOnly(query)).length };
  },
};

const orama: SearchPeer = {
  name: 'orama',
  setup: "language 'french', @orama/stemmers/french, stop words from the stopword package (fra), threshold 1 (OR)",
  async build(passages) {
    const database = create({
      schema: { text: 'string' } as const,
      components: {
        // Orama has no French stop words of its own; without them "de" and "la" match every passage.
        tokenizer: { language: 'french', stemming: true, stemmer: frenchOramaStemmer, stopWords: [...frenchStopWords] },
      },
    });
    await insertMultiple(
      database,
      passages.map((passage) => ({ id: passage.id, text: passage.text })),
      1000,
    );
    const limit = passages.length;
    return {
      search: async ({ query }) =>
        (await oramaSearch(database, { term: query, properties: ['text'], limit, threshold: 1 })).hits.length,
    };
  },
};

export const SEARCH_PEERS: readonly SearchPeer[] = [miniSearchWithProjectAnalysis, flexSearch, lunrWithFrench, orama];
