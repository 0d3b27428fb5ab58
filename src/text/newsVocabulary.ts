/**
 * Words of news reporting that readers and writers put differently: English questions about French
 * articles ("arrested" / "interpellé"), and French synonyms ("annoncer" / "déclarer" / "indiquer").
 * A question's word reaches every word of its group. This is general vocabulary, not any one story's:
 * names and story-specific terms belong in the corpus's aliases.yaml, which moderators edit.
 */
import type { Analyzer, QueryUnit } from './analyzer.ts';

// prettier-ignore
const GROUPS: readonly (readonly string[])[] = [
  // Acts
  ['arrest', 'arrested', 'arrests', 'detain', 'detained', 'apprehended', 'captured', 'arrêter', 'arrêté', 'arrêtés', 'arrestation', 'interpeller', 'interpellé', 'interpellés', 'détenir', 'détenu', 'détenus', 'détention', 'capturer', 'capture'],
  ['announce', 'announced', 'declare', 'declared', 'stated', 'annoncer', 'annoncé', 'déclarer', 'déclaré', 'indiquer', 'indiqué', 'affirmer', 'affirmé'],
  ['thank', 'thanked', 'thanks', 'grateful', 'gratitude', 'remercier', 'remercié', 'remercie', 'remerciements', 'reconnaissance'],
  ['attack', 'attacks', 'bombing', 'attentat', 'attentats', 'attaque', 'attaques'],
  ['plot', 'plotted', 'plotters', 'plotter', 'conspiracy', 'complot', 'comploter', 'comploté'],
  ['foil', 'foiled', 'thwart', 'thwarted', 'prevent', 'prevented', 'déjouer', 'déjoué', 'empêcher', 'empêché'],
  ['call', 'called', 'phone', 'phoned', 'telephone', 'appel', 'appeler', 'appelé', 'téléphoner', 'téléphoné', 'téléphone', 'téléphonique', 'entretien', 'conversation'],
  ['warn', 'warned', 'warning', 'alert', 'alerted', 'tip', 'avertir', 'averti', 'avertissement', 'prévenir', 'prévenu', 'alerter', 'alerté', 'alerte', 'tuyau'],
  ['information', 'intelligence', 'informations', 'info', 'infos', 'renseignement', 'renseignements'],
  ['seize', 'seized', 'saisir', 'saisi', 'saisis', 'saisie'],
  ['kill', 'killed', 'tuer', 'tué', 'tués', 'tuées'],
  ['save', 'saved', 'sauver', 'sauvé'],
  ['help', 'helped', 'helping', 'enable', 'enabled', 'aider', 'aidé', 'aide', 'permettre', 'permis'],
  ['carry', 'commit', 'committed', 'perpetrate', 'perpetrated', 'commettre', 'commis', 'perpétrer', 'perpétré'],
  ['prepare', 'prepared', 'preparing', 'préparer', 'préparé', 'préparaient', 'préparatifs'],
  ['explode', 'blow', 'exploser', 'explosion', 'explosions'],
  ['sentence', 'sentenced', 'convicted', 'condamner', 'condamné', 'condamnation'],
  ['meet', 'meeting', 'met', 'rencontrer', 'rencontre', 'rencontré'],
  ['annex', 'annexed', 'annexation', 'annexer', 'annexé', 'annexion'],
  ['interfere', 'interfered', 'meddle', 'meddled', 'meddling', 'interference', 'interférer', 'interféré', 'ingérer', 'ingéré', 'ingérence'],
  ['cooperate', 'cooperation', 'coopérer', 'coopération'],
  ['investigate', 'investigation', 'enquête', 'enquêter', 'investigations'],
  ['comment', 'commented', 'speak', 'spoke', 'exprimer', 'exprimé', 'commenter', 'commenté', 'commentaires', 'revenu', 'propos', 'remarks', 'déclarations'],
  ['praise', 'praised', 'saluer', 'salué', 'reconnaître', 'reconnu'],
  ['appreciate', 'appreciated', 'apprécier', 'apprécié'],
  ['come', 'came', 'originate', 'originated', 'venir', 'venait', 'originaire'],
  ['talk', 'talked', 'talks', 'discuss', 'discussed', 'parler', 'parlé', 'discuter', 'discuté', 'discussion', 'entretenus'],
  // Not English "give": it goes with nearly any noun ("give a warning", "give a speech").
  ['provide', 'provided', 'supply', 'supplied', 'donner', 'donné', 'fournir', 'fourni', 'fournies', 'transmettre', 'transmis', 'livrer', 'livré', 'livrée', 'remettre', 'remis', 'remises'],
  ['refuse', 'refused', 'decline', 'declined', 'refuser', 'refusé', 'refusant', 'décliner', 'abstenir', 'abstenu'],
  ['reveal', 'revealed', 'disclose', 'disclosed', 'divulguer', 'divulgué', 'dévoiler', 'dévoilé', 'révéler', 'révélé'],
  ['plan', 'planned', 'planning', 'prévoir', 'prévu', 'prévoyait', 'planifier', 'planifié'],
  ['target', 'targeted', 'viser', 'visé', 'visaient', 'cibler', 'ciblé', 'cible'],
  ['run', 'led', 'lead', 'directed', 'diriger', 'dirigé', 'dirigée', 'piloter', 'piloté'],
  ['confirm', 'confirmed', 'confirmer', 'confirmé'],
  ['inspect', 'inspection', 'inspections', 'check', 'checks', 'inspecter', 'inspecté', 'contrôler', 'contrôlé', 'contrôle', 'contrôles'],
  // Not "pay" / "payé": their stem is that of "pays" (country).
  ['paid', 'payer', 'verser', 'versé'],
  ['estimate', 'estimated', 'estimer', 'estimé', 'estimés', 'estimée', 'évaluer', 'évalué', 'évalués', 'chiffrer', 'chiffré', 'chiffrés'],
  ['enough', 'sufficient', 'suffice', 'sufficed', 'suffire', 'suffi', 'suffisant', 'suffisante', 'suffisants', 'suffisantes'],
  ['confined', 'limited', 'limiter', 'limité', 'limitée', 'cantonné', 'cantonnée'],
  ['deny', 'denies', 'denied', 'nier', 'nié', 'nie', 'démentir', 'démenti', 'contester', 'contesté', 'conteste'],
  ['release', 'released', 'freed', 'libérer', 'libéré', 'libérés', 'relâcher', 'relâché'],
  ['find', 'found', 'discover', 'discovered', 'detect', 'detected', 'trouver', 'trouvé', 'retrouver', 'retrouvé', 'retrouvée', 'retrouvés', 'découvrir', 'découvert', 'découverte', 'détecter', 'détecté'],
  ['claim', 'claimed', 'revendiquer', 'revendiqué'],
  ['threat', 'threats', 'threaten', 'threatened', 'menace', 'menaces', 'menacer'],
  // Not "bâtir" / "bâti": their stem is that of "bâtiment" (a building is not a thing being built).
  ['build', 'built', 'construct', 'constructed', 'construire', 'construit', 'construite'],
  ['rebuild', 'rebuilt', 'reconstruct', 'reconstruire', 'reconstruit', 'reconstruirait', 'reconstruction'],
  // Not "live": it shares its stem with "lives" (vies).
  ['lived', 'home', 'habiter', 'habitait', 'domicile', 'résider', 'résidait', 'résidence'],
  ['hold', 'held', 'contain', 'contained', 'store', 'stored', 'abriter', 'abritait', 'contenir', 'contenait', 'stocker', 'stockage'],
  ['seek', 'sought', 'request', 'requested', 'requérir', 'requis', 'réclamer', 'réclament'],
  ['appeal', 'appealed', 'appel'],
  ['defend', 'defended', 'defence', 'defense', 'défendre', 'défend', 'défendu', 'défense'],
  ['blame', 'blamed', 'attribute', 'attributed', 'attribuer', 'attribué', 'imputer', 'imputé'],
  ['testify', 'testified', 'témoigner', 'témoigné', 'témoignage', 'témoignages'],
  ['see', 'saw', 'seen', 'voir', 'vu', 'vue', 'apercevoir', 'aperçu'],
  ['match', 'matched', 'matching', 'correspondre', 'correspondant'],
  ['description', 'describe', 'described', 'signalement', 'décrire', 'décrit'],
  // English "visit" stems as "viser" (to target) does: kept, since English questions ask "visit" often.
  ['go', 'went', 'gone', 'visit', 'visited', 'rendre', 'rendu', 'rendue', 'visiter', 'visité', 'visite', 'aller'],
  // "un incendie s'est déclaré": a question asked so in French keeps the plain verb (see reflexiveVerbs).
  ['break', 'broke', 'erupt', 'erupted', 'éclater', 'éclaté', 'déclaré', 'départ', 'départs'],
  ['fight', 'fought', 'battle', 'battled', 'combattre', 'combattu', 'lutter', 'lutté', 'circonscrire', 'maîtriser', 'maîtrisé'],
  // People and bodies
  ['spokesman', 'spokeswoman', 'spokesperson', 'porte-parole'],
  ['president', 'président', 'présidence', 'présidentielle', 'presidential'],
  ['director', 'head', 'directeur', 'chef'],
  ['minister', 'ministre'],
  ['member', 'members', 'membre', 'membres'],
  ['supporter', 'supporters', 'follower', 'followers', 'partisan', 'partisans', 'sympathisant', 'sympathisants', 'adepte', 'adeptes'],
  ['cell', 'cellule'],
  ['suspect', 'suspects', 'suspected', 'individu', 'individus', 'man', 'men', 'woman', 'women'],
  ['terrorist', 'terrorists', 'terroriste', 'terroristes', 'terrorisme', 'terrorism'],
  ['citizen', 'citizens', 'national', 'nationals', 'citoyen', 'citoyens', 'ressortissant', 'ressortissants'],
  ['security', 'sécurité'],
  ['service', 'services', 'agency', 'agencies', 'agence', 'agences'],
  ['leader', 'leaders', 'dirigeant', 'dirigeants'],
  ['officer', 'officers', 'agent', 'agents', 'officier', 'officiers', 'lieutenant', 'commandant', 'commandante', 'capitaine'],
  ['firefighter', 'firefighters', 'pompier', 'pompiers', 'sapeurs-pompiers'],
  ['police', 'policier', 'policiers', 'gendarme', 'gendarmes'],
  ['court', 'tribunal', 'trial', 'procès'],
  ['lawyer', 'lawyers', 'attorney', 'counsel', 'avocat', 'avocats', 'avocate'],
  ['prosecutor', 'prosecutors', 'prosecution', 'procureur', 'procureure', 'parquet'],
  ['judge', 'judges', 'juge', 'juges', 'magistrat', 'magistrate'],
  ['verdict', 'judgment', 'judgement', 'ruling', 'jugement'],
  ['prison', 'jail', 'imprisonment', 'emprisonnement'],
  ['witness', 'witnesses', 'témoin', 'témoins'],
  ['mayor', 'maire'],
  ['government', 'gouvernement'],
  ['group', 'groupe'],
  ['people', 'persons', 'personnes', 'gens'],
  ['hospital', 'hospitalised', 'hospitalized', 'hôpital', 'hospitalisé', 'hospitalisés', 'hospitalisée'],
  ['worker', 'workers', 'employee', 'employees', 'staff', 'salarié', 'salariés', 'employé', 'employés'],
  ['company', 'firm', 'société', 'entreprise'],
  ['take', 'taken', 'took', 'transport', 'transported', 'conduire', 'conduit', 'conduits', 'transporté', 'transportés', 'évacué', 'évacués'],
  // Things and places
  ['weapon', 'weapons', 'arms', 'arme', 'armes'],
  ['explosive', 'explosives', 'explosif', 'explosifs', 'explosive'],
  ['bomb', 'bombs', 'bombe', 'bombes'],
  ['cathedral', 'cathédrale'],
  ['church', 'église'],
  ['country', 'countries', 'pays'],
  ['city', 'town', 'ville'],
  ['election', 'élection'],
  ['economy', 'économie', 'economic', 'économique'],
  ['relations', 'relationship', 'relations', 'liens'],
  ['fire', 'blaze', 'burn', 'burned', 'burnt', 'incendie', 'feu', 'brûler', 'brûlé', 'flammes'],
  ['warehouse', 'entrepôt'],
  ['fuel', 'petrol', 'gasoline', 'carburant', 'carburants', 'essence'],
  ['tank', 'tanks', 'cuve', 'cuves', 'réservoir', 'réservoirs'],
  ['grain', 'grains', 'cereal', 'cereals', 'céréale', 'céréales'],
  ['tonne', 'tonnes', 'ton', 'tons'],
  ['night', 'nuit'],
  ['shift', 'team', 'équipe'],
  ['port', 'harbour', 'harbor'],
  ['life', 'lives', 'vie', 'vies'],
  ['detail', 'details', 'détail', 'détails'],
  ['example', 'exemple', 'exemplaire'],
  ['case', 'cas'],
  ['useful', 'utile'],
  ['numerous', 'beaucoup', 'nombreux', 'nombreuses'],
  ['large', 'big', 'great', 'grand', 'grande', 'grands', 'grandes'],
  // English "former" stems as French "forme" / "former" do: kept, since "the former guard" is asked often.
  ['former', 'ancien', 'ancienne', 'anciens'],
  ['damage', 'damages', 'dégâts', 'dommages'],
  ['accident', 'accidents', 'accidental', 'accidentel', 'accidentelle'],
  ['CCTV', 'surveillance', 'vidéosurveillance', 'camera', 'cameras', 'caméra', 'caméras'],
  ['footage', 'video', 'videos', 'vidéo', 'vidéos', 'images'],
  ['near', 'nearby', 'proximité', 'près', 'proche'],
  ['river', 'fluvial', 'fluviale', 'rivière', 'fleuve'],
  ['successful', 'fructueux', 'réussi'],
  ['bilateral', 'bilatéral', 'bilatérale'],
  // French news calls the secret services "services spéciaux"; "spécial" elsewhere ("envoyé spécial") is rare
  // beside a question's "secret".
  ['secret', 'secrète', 'secrets', 'spéciaux'],
  ['religious', 'religieux', 'religieuse'],
  ['site', 'sites', 'spot', 'spots', 'lieu', 'lieux', 'endroit', 'endroits'],
  ['crowded', 'bondé', 'bondés', 'fréquenté', 'fréquentés'],
  ['messaging', 'messenger', 'messagerie', 'messager'],
  ['app', 'application'],
  ['victim', 'victims', 'victime', 'victimes'],
  ['dead', 'deaths', 'morts', 'mort', 'décès'],
  ['injured', 'wounded', 'blessés', 'blessé'],
  ['nuclear', 'nucléaire'],
  ['interior', 'intérieur'],
  ['program', 'programme'],
  ['trade', 'commerce'],
  ['war', 'guerre'],
  ['Korean', 'coréen', 'coréens', 'coréenne', 'Corée', 'Korea'],
  ['cold', 'froide'],
  ['Russian', 'Russians', 'russe', 'russes', 'Russie', 'Russia'],
  ['American', 'Americans', 'américain', 'américains', 'américaine', 'américaines', 'États-Unis'],
  ['French', 'français', 'française'],
  ['New', 'nouvel', 'nouvelle'],
  ['Year', 'an', 'année'],
  ['first', 'premier', 'première'],
  ['second', 'deuxième', 'second', 'seconde'],
  ['last', 'dernier', 'dernière'],
  ['often', 'frequently', 'souvent', 'fréquemment'],
  ['abroad', 'foreign', 'étranger', 'étrangère', 'étrangers'],
  ['day', 'days', 'jour', 'jours'],
  ['month', 'months', 'mois'],
  ['week', 'semaine'],
  ['weekend', 'week-end'],
  ['January', 'janvier'],
  ['February', 'février'],
  ['March', 'mars'],
  ['April', 'avril'],
  ['May', 'mai'],
  ['June', 'juin'],
  ['July', 'juillet'],
  ['August', 'août'],
  ['September', 'septembre'],
  ['October', 'octobre'],
  ['November', 'novembre'],
  ['December', 'décembre'],
  ['Monday', 'lundi'],
  ['Tuesday', 'mardi'],
  ['Wednesday', 'mercredi'],
  ['Thursday', 'jeudi'],
  ['Friday', 'vendredi'],
  ['Saturday', 'samedi'],
  ['Sunday', 'dimanche'],
  ['yesterday', 'hier'],
];

export interface NewsVocabulary {
  /** The unit with the terms of every word of its word's group added; alias units are left as they are. */
  expand(unit: QueryUnit): QueryUnit;
  /** Whether a unit is ordinary news vocabulary (any of its terms is in a group), not a story's own word. */
  knows(unit: QueryUnit): boolean;
}

/**
 * Snowball leaves French third-person plurals whole (`coopèrent` stays `cooperent`, not `cooper` like
 * `coopérer` and `coopération`), so the group of an `-er` verb also holds those forms: present
 * (`coopèrent`) and past (`coopérèrent`). A form made from a word that is no verb (`premier`) is never
 * written and matches nothing.
 */
const VERB_INFINITIVE = /er$/u;
const SHORTEST_VERB = 6;

function pluralVerbForms(word: string): string[] {
  if (word.length < SHORTEST_VERB || !VERB_INFINITIVE.test(word) || /^\p{Lu}/u.test(word)) return [];
  const root = word.slice(0, -2);
  return [`${root}ent`, `${root}èrent`];
}

/**
 * French Snowball leaves English inflections whole ("praising"), and readers ask in English with any of
 * them. A group that lists an English word's past ("praise", "praised") says the word is a verb there,
 * and also holds its `-ing` form ("praising"). A word listed without its past may be a noun that is
 * another verb: "fire" is a blaze, but "fired" is dismissed.
 */
const ENGLISH_WORD = /^[a-z]{4,}$/u;

function englishProgressive(word: string, group: readonly string[]): string[] {
  if (!ENGLISH_WORD.test(word) || /(?:ed|ing|s)$/u.test(word)) return [];
  const root = word.replace(/e$/u, '');
  const pasts = [`${root}ed`, `${word.replace(/y$/u, 'i')}ed`];
  return group.some((other) => pasts.includes(other)) ? [`${root}ing`] : [];
}

/**
 * The terms a group word stands for. A compound stands for itself as a whole, not for each of its parts:
 * `porte-parole` must not put `port` (the harbour) in the group of spokesmen. A word never stands for a
 * number: English "seize" is French "seize" (16), and "seized" must not meet every "16 décembre".
 */
function termsOfGroupWord(analyzer: Analyzer, word: string, group: readonly string[]): string[] {
  const terms = [word, ...pluralVerbForms(word), ...englishProgressive(word, group)]
    .flatMap((form) => analyzer.documentTerms(form))
    .filter((term) => !/^\d/u.test(term));
  return word.includes('-') ? terms.filter((term) => term.includes('-') || term.startsWith('@')) : terms;
}

/** Builds the vocabulary for one analyzer, so group words get exactly the terms documents get. */
export function createNewsVocabulary(analyzer: Analyzer): NewsVocabulary {
  const groupTerms = GROUPS.map((group) => new Set(group.flatMap((word) => termsOfGroupWord(analyzer, word, group))));
  const groupsOfTerm = new Map<string, Set<string>[]>();
  for (const terms of groupTerms) {
    for (const term of terms) {
      const list = groupsOfTerm.get(term) ?? [];
      list.push(terms);
      groupsOfTerm.set(term, list);
    }
  }
  return {
    expand(unit) {
      if (unit.terms.some((term) => term.startsWith('@'))) return unit;
      const expanded = new Set(unit.terms);
      for (const term of unit.terms) {
        for (const group of groupsOfTerm.get(term) ?? []) for (const other of group) expanded.add(other);
      }
      return expanded.size === unit.terms.length ? unit : { ...unit, terms: [...expanded] };
    },
    knows(unit) {
      return unit.terms.some((term) => groupsOfTerm.has(term));
    },
  };
}
