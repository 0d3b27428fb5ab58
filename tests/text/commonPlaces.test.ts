import { describe, expect, it } from 'vitest';
import { commonPlacesIn } from '../../src/text/commonPlaces.ts';

const surfaces = (text: string) => commonPlacesIn(text).map((place) => place.surface);

describe('commonPlacesIn', () => {
  it.each([
    ['Le feu, limité à la galerie de chargement, a été éteint.', ['galerie de chargement']],
    ['Les images de vidéosurveillance d’une station-service le placent là.', ['station-service']],
    ['Il a été placé en garde à vue dans les locaux de la police judiciaire.', ['locaux de la police judiciaire']],
    ["Le feu a pris dans l'entrepôt, puis a gagné le toit.", ['entrepôt']],
    ['Ils ont été reçus à la mairie.', ['mairie']],
    // A complement ends at its last word of substance.
    ['Ils sont entrés dans les bureaux de la direction à midi.', ['bureaux de la direction']],
  ])('%s', (text, expected) => expect(surfaces(text)).toEqual(expected));

  it('gives offsets that slice the article text to the phrase', () => {
    const text = 'Le feu, limité à la galerie de chargement, a été éteint.';
    for (const place of commonPlacesIn(text)) expect(text.slice(place.start, place.end)).toBe(place.surface);
  });

  it('reads "à la place de" as "instead of", as the named-place rules do', () => {
    expect(surfaces('Il a parlé à la place de la ministre.')).toEqual([]);
  });

  it('takes "de" for a preposition of place only before an article', () => {
    expect(surfaces('Le parquet a requis quatre ans de prison ferme.')).toEqual([]);
  });
});
