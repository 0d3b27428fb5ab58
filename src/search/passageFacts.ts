/**
 * What each passage states (dates, names, counts), extracted once on first use and then kept: the
 * extractors are too slow to run over thousands of passages at start-up, and most are never asked about.
 */
import type { PartialDate, Passage } from '../corpus/types.ts';
import { extractCounts, type CountMention } from '../text/counts.ts';
import { extractDates, type DateMention } from '../text/dates.ts';
import { extractEntities, type EntityMention, type NameGazetteer } from '../text/entities.ts';

export interface PassageFactSheet {
  readonly dates: readonly DateMention[];
  readonly entities: readonly EntityMention[];
  readonly counts: readonly CountMention[];
}

export class PassageFacts {
  private readonly sheets = new Map<string, PassageFactSheet>();

  constructor(
    private readonly gazetteer: NameGazetteer,
    private readonly publishedOf: (passage: Passage) => PartialDate,
  ) {}

  of(passage: Passage): PassageFactSheet {
    let sheet = this.sheets.get(passage.id);
    if (!sheet) {
      sheet = {
        dates: extractDates(passage.text, this.publishedOf(passage)),
        entities: extractEntities(passage.text, this.gazetteer),
        counts: extractCounts(passage.text),
      };
      this.sheets.set(passage.id, sheet);
    }
    return sheet;
  }
}
