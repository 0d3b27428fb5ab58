/** Texts for the property tests of the French analysis: excerpts of the seed articles and random strings. */

export const SAMPLE_TEXTS: readonly string[] = [
  'MOSCOU — Le président de la Russie, Vladimir Poutine, a téléphoné à son homologue américain, Donald Trump, dimanche afin de le remercier pour des renseignements fournis par la CIA ayant permis aux autorités russes de déjouer une série d’attentats terroristes qui devaient frapper Saint-Pétersbourg au cours du week-end, a annoncé le Kremlin.',
  'Selon le Kremlin, les renseignements ont permis à l’agence russe responsable de la sécurité intérieure de retracer un groupe qui prévoyait faire exploser une bombe à la cathédrale Notre-Dame-de-Kazan et dans d’autres lieux très fréquentés au cours de la fin de semaine.',
  'M. Poutine et M. Trump ont parlé au téléphone ce dimanche 29 décembre, a-t-il ajouté.',
  "Comme annoncé précédemment, le Service fédéral de sécurité (FSB) a arrêté à Saint-Pétersbourg des sympathisants de Daech qui préparaient un attentat terroriste le 16 décembre. Les 13 et 14 décembre, 7 membres d'une cellule terroristes ont été arrêtés à Saint-Pétersbourg.",
  'MOSCOU, 18 décembre. Les informations de la Central Intelligence Agency des Etats-Unis d’Amérique remises à la Russie sur les préparatifs d’un attentat terroriste à Saint-Pétersbourg constituent un parfait exemple de coopération ‘américano’-russe dans la lutte contre le terrorisme.',
  'Il a confirmé que l’information avait été utilisée par le service de sécurité fédéral FSB pour avoir détenu à Saint-Pétersbourg sept membres d’une cellule terroriste de l’État islamique (proscrit en Russie).',
  'Ainsi, le 15 décembre, le Service fédéral de sécurité (FSB), héritier d’une direction générale de l’ex-KGB, a indiqué avoir interpellé 7 individus d’une cellule terroriste prête à passer à l’action.',
  'En mars 2011, les services russes avaient en effet prévenu leurs homologues américains de la radicalisation islamiste de Tamerlan Tsarnaïev, l’un des deux auteurs de l’attentat commis lors du marathon de Boston, le 15 avril 2013.',
  "Conformément à l'article 38 de la Loi 78-17 du 6 janvier 1978 modifiée, vous disposez d'un droit d'accès.",
  '« Le président Trump a apprécié l’appel [du président Poutine] et lui a dit que « toute la communauté américaine du renseignement était heureuse d’avoir aidé à sauver tant de vies », lit-on dans ce texte.',
  'Putin thanked Trump for the CIA tip that foiled the St. Petersburg plot; Vladimir Putin said so on Sunday.',
  'Aujourd’hui, jusqu’au bout, lorsqu’il l’a dit, puisqu’elle quoiqu’on dise, c’est-à-dire qu’aujourd’hui.',
  'E\u0301tat islamique — NFD, \u00ABguillemets\u00BB, Œuvre, cœur, ΑΣ σ, İstanbul, Straße, ﬁn, 1er, 18e, ¾, ٣',
];

/** Characters that have tripped French text handling before: accents, ligatures, apostrophes, dashes, marks. */
const ALPHABET = [
  ...'aeiouyAEIOUY csltnmdqjCSLTNMDQJ0123456789',
  ...'éèêëàâäîïôöùûüçÉÈÊËÀÂÄÎÏÔÖÙÛÜÇœŒæÆÿŸ',
  '’',
  '‘',
  'ʼ',
  "'",
  '-',
  '‐',
  '‑',
  '–',
  '—',
  '\u00AD',
  '\u0301',
  '\u0308',
  '\u0327',
  '«',
  '»',
  '.',
  ',',
  ';',
  '(',
  ')',
  '\n',
  '\u00A0',
  'İ',
  'ß',
  'Σ',
  'ς',
  'ﬁ',
  '@',
  '~',
];

/** Deterministic pseudo-random strings (mulberry32), so a failure always reproduces. */
export function randomTexts(count: number, seed: number): string[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const texts: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const length = 1 + Math.floor(next() * 40);
    let text = '';
    for (let position = 0; position < length; position += 1) {
      text += ALPHABET[Math.floor(next() * ALPHABET.length)] ?? '';
    }
    texts.push(text);
  }
  return texts;
}
