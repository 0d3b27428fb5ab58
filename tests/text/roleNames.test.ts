import { describe, expect, it } from 'vitest';
import { learnRoleNames } from '../../src/text/roleNames.ts';

/** Two writings are one person when they share their last word, as the index's default does. */
const bySurname = (name: string) => name.split(/\s+/u).at(-1)!.toLowerCase();

describe('learnRoleNames', () => {
  const roles = learnRoleNames(
    [
      'Poutine a téléphoné à son homologue américain, Donald Trump, dimanche.',
      'Le porte-parole du Kremlin, Dmitri Peskov, est revenu sur cette affaire.',
      'Son avocat, Me Ugo Arrighi, n’a pas souhaité s’exprimer.',
      'Le directeur de Lysse Logistique, Marc-Antoine Delorme, s’est rendu sur place.',
      'Le directeur de Lysse Logistique, Rémi Vautrin, a salué la décision.',
      'Selon lui, le président a remercié Trump.',
    ],
    bySurname,
  );

  it('names the person a passage calls by a role set beside a name elsewhere', () => {
    expect(roles.namesIn('Il a demandé à son homologue américain de transmettre ses remerciements.')).toEqual([
      'Donald Trump',
    ]);
    expect(roles.namesIn('Selon le porte-parole du Kremlin, rien n’est décidé.')).toEqual(['Dmitri Peskov']);
    expect(roles.namesIn('L’avocat a annoncé que son client ferait appel.')).toEqual(['Ugo Arrighi']);
  });

  it('learns nothing from a role two people held, nor from a verb caught after a title', () => {
    expect(roles.namesIn('Le directeur de Lysse Logistique a promis un audit.')).toEqual([]);
    expect(roles.namesIn('Le président a remercié les pompiers.')).toEqual([]);
  });

  it('needs the whole role, not a word of it', () => {
    expect(roles.namesIn('Les homologues russes ont été prévenus.')).toEqual([]);
  });
});
