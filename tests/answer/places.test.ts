/** /where on a story the engine was not built on: places written as names, and venues written as bodies. */
import { beforeAll, describe, expect, it } from 'vitest';
import { openCorpus, type AskedCorpus } from './seedIndex.ts';

let ember: AskedCorpus;
beforeAll(async () => {
  ember = await openCorpus('tests/fixtures/ember-story');
});

const first = (answer: { answers: readonly { value: string }[] }) => answer.answers[0]?.value;

describe('/where', () => {
  it('takes a body written as where something happens for a place ("devant le tribunal correctionnel")', () => {
    expect(first(ember.ask('where', "Où le procès de Mercadier s'est-il ouvert ?"))).toBe(
      'tribunal correctionnel de Bellerive',
    );
  });

  it('does not take a body named otherwise for a place ("le directeur de Lysse Logistique")', () => {
    for (const question of [
      "Où le directeur Marc-Antoine Delorme s'est-il rendu ?",
      'Où Thibault Mercadier était-il gardien de nuit ?',
    ]) {
      expect(ember.ask('where', question).answers.map((item) => item.value)).not.toContain('Lysse Logistique');
    }
  });

  it('prefers the place whose name holds the kind the question asks for ("Dans quel entrepôt…")', () => {
    // More outlets name the port near the same words; the question asks for a warehouse.
    expect(first(ember.ask('where', 'Dans quel entrepôt le feu a-t-il pris en 2023 ?'))).toBe('entrepôt numéro 4');
  });

  it('answers a question asking for a town with the town, not a site in it ("port fluvial de Bellerive")', () => {
    expect(first(ember.ask('where', 'Dans quelle ville se trouve le port fluvial où l’entrepôt a brûlé ?'))).toBe(
      'Bellerive-sur-Lysse',
    );
  });

  it('answers with a place written as a common noun when no named place answers', () => {
    const answer = ember.ask('where', 'Où le feu du silo B est-il resté limité en 2024 ?');
    expect(first(answer)).toBe('galerie de chargement');
    expect(answer.answers[0]?.support[0]?.quote).toContain('limité à la galerie de chargement');
  });

  it('answers with the dateline when the question asks where the report was filed from', () => {
    // "BELLERIVE-SUR-LYSSE —" opens the report; asked where the fire was, the port comes first.
    expect(first(ember.ask('where', "D'où est datée la dépêche sur l'incendie du port ?"))).toBe('Bellerive-sur-Lysse');
    expect(first(ember.ask('where', "Où l'incendie du port a-t-il eu lieu ?"))).toBe('port fluvial de Bellerive');
  });

  it('answers "dans quel quartier / quelle rue" only with a place of that kind', () => {
    expect(first(ember.ask('where', 'Dans quel quartier habitait Mercadier ?'))).toBe('quartier des Glacières');
    // No article names the street; the port and the warehouse stand near the same words.
    expect(ember.ask('where', "Dans quelle rue l'entrepôt numéro 4 a-t-il brûlé ?").answers).toEqual([]);
  });

  it('reads an English question through the news vocabulary ("interior minister go" / "ministre de l’Intérieur s’est rendue")', () => {
    expect(first(ember.ask('where', 'Where did the interior minister go on 9 March?', 'en'))).toBe(
      'port fluvial de Bellerive',
    );
  });
});
