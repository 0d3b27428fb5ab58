/**
 * What each passage states (dates, names, counts), extracted on first use and then kept: the extractors
 * are too slow to run over thousands of passages at start-up, and most are never asked about. Each kind
 * is extracted on its own, so that judging thousands of passages by their dates (/source, events) does
 * not also read their names and counts.
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

class LazyFactSheet implements PassageFactSheet {
  #dates: readonly DateMention[] | undefined;
  #entities: readonly EntityMention[] | undefined;
  #counts: readonly CountMention[] | undefined;

  constructor(
    private readonly text: string,
    private readonly gazetteer: NameGazetteer,
    private readonly published: () => PartialDate,
  ) {}

  get dates(): readonly DateMention[] {
    return (this.#dates ??= extractDates(this.text, this.published()));
  }

  get entities(): readonly EntityMention[] {
    return (this.#entities ??= extractEntities(this.text, this.gazetteer));
  }

  get counts(): readonly CountMention[] {
    return (this.#counts ??= extractCounts(this.text));
  }
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
      sheet = new LazyFactSheet(passage.text, this.gazetteer, () => this.publishedOf(passage));
      this.sheets.set(passage.id, sheet);
    }
    return sheet;
  }
}
