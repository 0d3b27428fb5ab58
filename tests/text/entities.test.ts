import { describe, expect, it } from 'vitest';
import type { AliasGroup } from '../../src/corpus/types.ts';
import { buildNameGazetteer, extractEntities, knownNames, type NameGazetteer } from '../../src/text/entities.ts';
import { isPlaceKindNoun } from '../../src/text/entityWords.ts';

/** Each mention as `surface=canonical/kind`. */
const entities = (text: string, gazetteer: NameGazetteer): string[] =>
  extractEntities(text, gazetteer).map((e) => `${e.surface}=${e.canonical}/${e.kind}`);

const seedAliases: AliasGroup[] = [
  { canonical: 'Vladimir Poutine', kind: 'person', aliases: ['Poutine', 'Putin'] },
  { canonical: 'Donald Trump', kind: 'person', aliases: ['Trump'] },
  { canonical: 'FSB', kind: 'organisation', aliases: ['Service fédéral de sécurité'] },
  { canonical: 'État islamique', kind: 'organisation', aliases: ['Etat islamique', 'Daech', 'Daesh', 'EI'] },
  { canonical: 'Kremlin', kind: 'organisation', aliases: [] },
  { canonical: 'Maison-Blanche', kind: 'organisation', aliases: ['Maison Blanche'] },
  { canonical: 'États-Unis', kind: 'place', aliases: ['Etats-Unis', 'US'] },
  { canonical: 'cathédrale Notre-Dame-de-Kazan', kind: 'place', aliases: ['cathédrale de Kazan'] },
  { canonical: 'remercier', kind: 'other', aliases: ['remercié', 'thank'] },
];
const seedCorpus = [
  'Le porte-parole du Kremlin, Dmitri Peskov, est revenu sur cette affaire.',
  'Peskov a convenu que l’information partagée par la CIA était le premier cas.',
  'de la radicalisation islamiste de Tamerlan Tsarnaïev, l’un des deux auteurs',
  'a conclu M. Tsarnaïev', // an invented line so the surname has a person context of its own
  'L’agence de presse Tass indique que deux ressortissants russes ont été arrêtés',
];
const seeds = buildNameGazetteer(seedCorpus, seedAliases);

describe('extractEntities on seed sentences (with the seed alias groups)', () => {
  it.each<[string, string[]]>([
    [
      'MOSCOU — Le président de la Russie, Vladimir Poutine, a téléphoné à son homologue américain, Donald Trump, dimanche',
      [
        'MOSCOU=Moscou/place',
        'Russie=Russie/place',
        'Vladimir Poutine=Vladimir Poutine/person',
        'Donald Trump=Donald Trump/person',
      ],
    ],
    ['Le Kremlin a indiqué que l’information avait été suffisante', ['Kremlin=Kremlin/organisation']],
    [
      'Ce 18 décembre, le porte-parole du Kremlin, Dmitri Peskov, est revenu sur cette affaire.',
      ['Kremlin=Kremlin/organisation', 'Dmitri Peskov=Dmitri Peskov/person'],
    ],
    ['«Je ne peux pas vous fournir de commentaires à la place de la CIA», a-t-il précisé.', ['CIA=CIA/organisation']],
    [
      'Certes, en premier lieu, entre la Russie et les États-Unis», a conclu M. Peskov.',
      ['Russie=Russie/place', 'États-Unis=États-Unis/place', 'Peskov=Dmitri Peskov/person'],
    ],
    [
      'sept membres d’une cellule terroriste de l’État islamique (proscrit en Russie).',
      ['État islamique=État islamique/organisation', 'Russie=Russie/place'],
    ],
    ['le chef de l’Etat islamique', ['Etat islamique=État islamique/organisation']],
    ['le chef de l’Etat russe a demandé', []],
    ['des sympathisants de Daech qui préparaient un attentat', ['Daech=État islamique/organisation']],
    ['L’agence de presse Tass indique que', ['Tass=Tass/organisation']],
    ['Vladimir Poutine a remercié son homologue', ['Vladimir Poutine=Vladimir Poutine/person']],
    ['Poutine et Trump ont eu deux conversations', ['Poutine=Vladimir Poutine/person', 'Trump=Donald Trump/person']],
    [
      'entre MM. Trump et Poutine. « Le président Trump a apprécié',
      ['Trump=Donald Trump/person', 'Poutine=Vladimir Poutine/person', 'Trump=Donald Trump/person'],
    ],
    [
      'une bombe à la cathédrale Notre-Dame-de-Kazan et',
      ['cathédrale Notre-Dame-de-Kazan=cathédrale Notre-Dame-de-Kazan/place'],
    ],
    [
      'dans la cathédrale de Kazan à Saint-Pétersbourg',
      ['cathédrale de Kazan=cathédrale Notre-Dame-de-Kazan/place', 'Saint-Pétersbourg=Saint-Pétersbourg/place'],
    ],
    ['De son côté, la Maison Blanche a confirmé', ['Maison Blanche=Maison-Blanche/organisation']],
    ['Selon le Kremlin, les renseignements', ['Kremlin=Kremlin/organisation']],
    ['Durant la conversation téléphonique, M. Poutine a fait part', ['Poutine=Vladimir Poutine/person']],
    ['Évoquant la façon dont la CIA avait aidé', ['CIA=CIA/organisation']],
    ['Tsarnaïev a été identifié', ['Tsarnaïev=Tamerlan Tsarnaïev/person']],
    ['Poutine a remercié, il a remercié et nous remercions', ['Poutine=Vladimir Poutine/person']],
    ['à l’exception de l’un d’entre eux, originaire du Tadjikistan', ['Tadjikistan=Tadjikistan/place']],
    ['tous les Etats-Unis et nous, US et us', ['Etats-Unis=États-Unis/place', 'US=États-Unis/place']],
  ])('%s', (text, expected) => {
    expect(entities(text, seeds)).toEqual(expected);
  });
});

/** Another story, invented for these tests, with no alias list at all: the rules must stand alone. */
const floodCorpus = [
  'VALENCE — La maire de la ville, Maria Catalá, a déclaré jeudi que 12 villages avaient été inondés.',
  'Selon l’agence Efe, le ministre espagnol de l’Intérieur, Fernando Grande-Marlaska, est arrivé à Valence.',
  'Catalá a indiqué que les secours de la Croix-Rouge étaient sur place à Paiporta.',
  'Le Premier ministre Pedro Sánchez a promis une aide, a ajouté Mme Catalá.',
  'Des habitants de Paiporta ont accueilli le roi Felipe VI avec de la boue.',
  'En Espagne, l’AEMET avait lancé une alerte rouge. « Nous avons prévenu Valence », a dit Sánchez.',
  'Le chef du gouvernement régional, Carlos Mazón, estime que la digue de la Rambla del Poyo a cédé.',
  'Selon Mazón, l’organisation humanitaire Cáritas distribue des repas à Valence.',
  'M. Le Drian, ancien ministre français, et Jean-Yves Le Drian, la même personne, sont cités.',
];
const flood = buildNameGazetteer(floodCorpus, []);

describe('extractEntities on another story (no alias groups)', () => {
  it.each<[string, string[]]>([
    [
      'VALENCE — La maire de la ville, Maria Catalá, a déclaré jeudi',
      ['VALENCE=Valence/place', 'Maria Catalá=Maria Catalá/person'],
    ],
    ['Catalá a indiqué que les secours étaient sur place', ['Catalá=Maria Catalá/person']],
    [
      'le ministre espagnol de l’Intérieur, Fernando Grande-Marlaska, est arrivé',
      ['Intérieur=Intérieur/other', 'Fernando Grande-Marlaska=Fernando Grande-Marlaska/person'],
    ],
    ['Le Premier ministre Pedro Sánchez a promis une aide', ['Pedro Sánchez=Pedro Sánchez/person']],
    ['« Nous avons prévenu Valence », a dit Sánchez.', ['Valence=Valence/place', 'Sánchez=Pedro Sánchez/person']],
    ['« Nous avons prévenu Sánchez », a ajouté le maire.', ['Sánchez=Pedro Sánchez/person']],
    ['En Espagne, l’AEMET avait lancé une alerte rouge.', ['Espagne=Espagne/place', 'AEMET=AEMET/organisation']],
    ['Selon l’agence Efe, les secours', ['Efe=Efe/organisation']],
    [
      'l’organisation humanitaire Cáritas distribue des repas à Paiporta',
      ['Cáritas=Cáritas/organisation', 'Paiporta=Paiporta/place'],
    ],
    ['les secours de la Croix-Rouge étaient sur place', ['Croix-Rouge=Croix-Rouge/organisation']],
    ['Le chef du gouvernement régional, Carlos Mazón, estime', ['Carlos Mazón=Carlos Mazón/person']],
    ['Selon Mazón, la digue a cédé', ['Mazón=Carlos Mazón/person']],
    ['Le Drian a salué les secours', ['Le Drian=Jean-Yves Le Drian/person']],
    ['Le roi a salué les secours. Les pompiers aussi. Des habitants aussi.', []],
    ['Cette digue de la Rambla del Poyo a cédé', ['Rambla del Poyo=Rambla del Poyo/other']],
    ['Ils ont accueilli le roi Felipe VI', ['Felipe VI=Felipe VI/person']],
    [
      'Les barques ont été amarrées près de l’écluse de Marmont et sous le pont Vieux',
      ['écluse de Marmont=écluse de Marmont/place', 'pont Vieux=pont Vieux/place'],
    ],
    ['Les entrepôts du bassin de la Turia seront inspectés', ['bassin de la Turia=bassin de la Turia/place']],
    ['Il a parlé à la place de la Croix-Rouge', ['Croix-Rouge=Croix-Rouge/organisation']],
    ['Les habitants de la ville de Torrent sont évacués', ['Torrent=Torrent/place']],
  ])('%s', (text, expected) => {
    expect(entities(text, flood)).toEqual(expected);
  });

  it('lists canonical names for autocomplete, by kind', () => {
    expect(knownNames(flood, 'person')).toEqual(
      expect.arrayContaining(['Maria Catalá', 'Pedro Sánchez', 'Carlos Mazón']),
    );
    expect(knownNames(flood, 'person')).not.toContain('Catalá');
    expect(knownNames(flood, 'place')).toEqual(expect.arrayContaining(['Valence', 'Paiporta', 'Espagne']));
    expect(knownNames(seeds, 'other')).not.toContain('remercier');
  });

  it('gives offsets that slice back to the surface', () => {
    const text = 'VALENCE — Selon Mazón, Maria Catalá a déclaré que l’AEMET avait prévenu.';
    for (const e of extractEntities(text, flood)) expect(text.slice(e.start, e.end)).toBe(e.surface);
  });
});

describe('isPlaceKindNoun', () => {
  it.each([
    ['quartier', true],
    ['entrepots', true],
    ['ville', true],
    ['place', true],
    ['directeur', false],
    ['attentat', false],
  ])('%s → %s', (folded, expected) => expect(isPlaceKindNoun(folded)).toBe(expected));
});
