import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LanguageService } from '../../src/language/languageService.ts';
import { sharedLanguageService } from '../language/sharedService.ts';
import { HEADLINE_FIGURES, rate } from './evaluate.ts';
import { GOLD_FILES, runGoldSet, type GoldSetName } from './runGoldSet.ts';
import { COMMAND_THRESHOLDS, THRESHOLDS } from './thresholds.ts';

// Asked as the bot asks: passages and questions parsed by the suite's shared language service.
let language: LanguageService;
beforeAll(async () => {
  language = await sharedLanguageService();
});
afterAll(async () => {
  await language.close();
});

describe.each(Object.keys(GOLD_FILES) as GoldSetName[])('answer quality on the %s gold set', (name) => {
  it('reaches every threshold (npm run eval shows the figures and failures)', async () => {
    const { evaluation, corpus } = await runGoldSet(name, language);
    expect(corpus.problems).toEqual([]);
    const below = HEADLINE_FIGURES.flatMap((figure) => {
      const value = rate(evaluation.all[figure]);
      // Nothing measured (no question of that kind) cannot fall below a floor.
      return value !== null && value < THRESHOLDS[name][figure]
        ? [`${figure}: ${value.toFixed(3)} < ${THRESHOLDS[name][figure]}`]
        : [];
    });
    const commandsBelow = Object.entries(COMMAND_THRESHOLDS[name]).flatMap(([command, floor]) => {
      const value = rate(evaluation.all.firstAnswerExactByCommand[command as keyof typeof COMMAND_THRESHOLDS.seed]);
      return value !== null && value < floor ? [`firstAnswerExact /${command}: ${value.toFixed(3)} < ${floor}`] : [];
    });
    expect([...below, ...commandsBelow]).toEqual([]);
    // A cap, not a measure: asking a whole gold set takes seconds, more on a busy two-core machine.
  }, 120_000);
});
