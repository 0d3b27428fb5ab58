import type { EntityKind } from '../corpus/types.ts';
import { foldCase } from './normalize.ts';

/** Word lists behind the entity rules; folded, so lookups use `foldCase`. */

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/).map(foldCase));

/** Capitalised at the start of a sentence, but not names. */
export const FUNCTION_WORDS = words(`
  le la les l un une des du de d ce cet cette ces c selon durant pendant apres avant depuis lors il elle ils elles
  nous vous on je j tu mais et ou donc or ni car si s quand comme toujours ainsi en au aux dans par pour sur sous
  avec sans entre vers chez contre grace malgre certains certaines certes aucun aucune tous toutes tout toute
  chaque plusieurs son sa ses leur leurs notre nos votre vos mon ma mes cela ceci ca celui celle ceux celles qui
  que qu quoi ou comment pourquoi dont lequel laquelle oui non voici voila cependant pourtant toutefois neanmoins
  enfin puis alors ensuite deja encore aussi meme seul seule hier aujourd demain eh ah oh bien tres plus moins
  lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril mai juin juillet aout septembre
  octobre novembre decembre a y n m
`);

/** Titles written before a name; alone they are not names ("notre Président"). */
export const TITLE_WORDS = words(`
  president presidente ministre premier premiere general colonel capitaine docteur professeur monseigneur sir
  lord roi reine prince princesse pape cheikh imam senateur depute maire juge madame monsieur mademoiselle
  mm mme mmes mlle dr me pr
`);

/** Capitalised nouns that are not a name on their own ("Aucun État n’est…"). */
export const COMMON_CAPITALISED = words(
  `etat etats gouvernement nord sud est ouest ville republique une loi article decret chapitre`,
);

/** Words that join the parts of one name: Corée du Nord, Le Drian, d’Amérique, al-Baghdadi. */
export const NAME_PARTICLES = words(`de du des la le d van von der den da do dos das di del della bin ben al el ibn y`);

const ROLE = `(?:président|présidente|porte-parole|ministre|homologue|directeur|directrice|chef|cheffe|dirigeant|dirigeante|secrétaire|ambassadeur|ambassadrice|maire|député|députée|sénateur|sénatrice|général|juge|procureur|procureure|avocat|avocate|patron|patronne|fondateur|fondatrice|leader|responsable|commandant|roi|reine|pape|chancelier|chancelière|gouverneur|candidat|candidate|opposant|opposante|conseiller|conseillère|émir|président-directeur)`;
/** A lowercase adjective after a role word, not a preposition: "président russe", not "porte-parole du". */
const ADJECTIVE = `(?!(?:de|du|des|la|le|les|l|d|au|aux|à|et|ou|en)(?![\\p{L}]))\\p{Ll}[\\p{L}-]*`;
const COMPLEMENT = `(?:de|du|des|de\\s+la|de\\s+l['’]|d['’])\\s*\\p{Lu}[\\p{L}'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}-]*|d['’]\\p{Lu}[\\p{L}-]*|du|de))*`;

/**
 * A role set beside a name ("son homologue américain, Donald Trump", "le porte-parole du Kremlin, Dmitri
 * Peskov", "Son avocat, Me Ugo Arrighi"): what the article may later call that person instead of naming
 * them. `role` is the role's words, `name` the name.
 */
export const APPOSED_ROLE = new RegExp(
  `(?<![\\p{L}])(?:[Ss]on|[Ss]a|[Ll]e|[Ll]a|[Ll]['’])\\s*(?<role>${ROLE}(?:\\s+${ADJECTIVE}){0,2}(?:\\s+${COMPLEMENT})?)\\s*,?\\s+(?:(?:M|MM|Mme|Me|Dr)\\.?\\s+)?(?<name>\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,3})`,
  'gu',
);

/** Text right before a person's name. */
export const PERSON_TITLE_BEFORE = /(?<![\p{L}])(?:M|MM|Mme|Mmes|Mlle|Dr|Me|Pr)\.?\s+$/u;
export const ROLE_BEFORE = new RegExp(
  `(?<![\\p{L}-])${ROLE}(?:\\s+${ADJECTIVE}){0,2}(?:\\s*,\\s*|\\s+)$|(?<![\\p{L}-])${ROLE}(?:\\s+${ADJECTIVE}){0,2}\\s+${COMPLEMENT}\\s*,\\s*$`,
  'iu',
);
const SPEECH_PARTICIPLE =
  '(?:déclaré|indiqué|dit|ajouté|précisé|conclu|remercié|affirmé|annoncé|expliqué|souligné|estimé|assuré|répondu|confirmé|rappelé|remarqué|convenu|raconté|insisté|démenti|reconnu|averti|promis|jugé|martelé|expliqué|réagi|commenté|déploré|dénoncé|salué|lancé|écrit|tweeté|confié)';
const SPEECH_PRESENT =
  '(?:estime|déclare|indique|affirme|explique|souligne|assure|annonce|précise|dit|ajoute|confirme|rappelle|juge|dénonce|salue|remercie|répond|raconte)';
/** A speech verb right after the name, with nothing (no closing quote) between them. */
export const SPEECH_AFTER = new RegExp(
  `^\\s+(?:(?:a|ont|avait|avaient|aurait)\\s+(?:(?:également|aussi|encore|ensuite|alors|pourtant|notamment|en\\s+effet|déjà)\\s+)?${SPEECH_PARTICIPLE}|${SPEECH_PRESENT})(?![\\p{L}])`,
  'u',
);
/** "», a dit Dmitri Peskov": the inverted speech verb names who spoke. */
export const SPEECH_BEFORE = new RegExp(
  `(?<![\\p{L}])(?:a|ont|avait)\\s+${SPEECH_PARTICIPLE}(?:\\s+(?:à\\s+la\\s+presse|aux\\s+médias|aux\\s+journalistes))?\\s+$`,
  'u',
);
export const ORGANISATION_NOUN_BEFORE =
  /(?<![\p{L}])(?:agence|service|services|organisation|organisme|groupe|parti|journal|quotidien|hebdomadaire|chaîne|mouvement|société|entreprise|compagnie|ONG|association|banque|université|fondation|institut|ministère|armée|police|fédération|syndicat|club|tribunal|cour|commission|conseil)(?:\s+[\p{Ll}’'-]+){0,3}\s+$/iu;
export const OTHER_NOUN_BEFORE =
  /(?<![\p{L}])(?:messagerie|application|réseau\s+social|plateforme|logiciel|site|opération|navire|bateau|avion|satellite)(?:\s+\p{Ll}+){0,2}\s+$/iu;
export const PLACE_BEFORE = /(?<![\p{L}])(?:en|au|aux|dans)\s+$/iu;
/**
 * Nouns of sites, part of the place's name ("l'écluse de Marmont" is not Marmont; "le port fluvial de
 * Bellerive" is a site of the town). "place" is not one in "à la place de" (instead of). Written as
 * regular-expression alternatives, singular.
 */
// prettier-ignore
export const SITE_NOUNS: readonly string[] = [
  'rue', 'avenue', 'boulevard', '(?<!à\\s+la\\s+)place', 'quai', 'pont', 'écluse', 'gare', 'port', 'aéroport',
  'quartier', 'faubourg', 'stade', 'hôpital', 'église', 'cathédrale', 'basilique', 'mosquée', 'synagogue', 'palais',
  'château', 'parc', 'plage', 'forêt', 'route', 'autoroute', 'square', 'lac', 'île', 'rivière', 'fleuve', 'bassin',
  'vallée', 'colline', 'entrepôt', 'silo', 'usine', 'hangar', 'immeuble',
];
/** Nouns of towns and regions, which only say what the name is ("la ville de Lyon" is Lyon). */
const TOWN_NOUNS = ['village', 'commune', 'ville', 'région', 'département', 'province', 'cité'];
const NOUN_THEN_OF = String.raw`(?:\s+(?:de|du|des|de\s+la)|\s+d['’])?\s*$`;

/** A noun of places right before a name: "la ville de Bellerive", "l'écluse de Marmont", "le pont Vieux". */
export const PLACE_NOUN_BEFORE = new RegExp(
  `(?<![\\p{L}])(?:${[...SITE_NOUNS, ...TOWN_NOUNS].join('|')})${NOUN_THEN_OF}`,
  'iu',
);
/** The nouns of PLACE_NOUN_BEFORE that are part of the place's name: the site nouns. */
export const PLACE_NOUN_IN_NAME = new RegExp(`(?<![\\p{L}])(?:${SITE_NOUNS.join('|')})${NOUN_THEN_OF}`, 'iu');
const PLACE_KIND_NOUNS = new Set(
  [...SITE_NOUNS, ...TOWN_NOUNS].map((noun) => foldCase(noun.replace(/^\(\?<!.*?\)/u, ''))),
);

/**
 * Whether a word, case and accents folded, is a noun of a kind of place ("quartier", "entrepots",
 * "ville"): a question asking "dans quel quartier" wants a place of that kind, not any place.
 */
export function isPlaceKindNoun(folded: string): boolean {
  return PLACE_KIND_NOUNS.has(folded) || PLACE_KIND_NOUNS.has(folded.replace(/[sx]$/u, ''));
}

/** A place named as a site ("port fluvial de Bellerive", "quai des Tanneurs"), not a town or a country. */
export const SITE_NAME = new RegExp(`^(?:${SITE_NOUNS.join('|')})(?![\\p{L}])`, 'iu');
/** Text right before a body that stands for where something happens: "devant le tribunal", "à l'hôpital". */
export const VENUE_BEFORE =
  /(?:^|[\s(])(?:devant|à|au|aux|dans|chez|vers|en face d['’]|pr[èe]s d['’]|pr[èe]s de)\s+(?:(?:l['’]|le|la|les)\s*)?$/iu;
export const WEAK_PLACE_BEFORE = /(?<![\p{L}])(?:à|depuis|vers|près\s+de)\s*$/iu;
export const PLACE_PREFIX = /^(?:saint|sainte|san|santa|port|fort|mont|val|bourg|puerto|new|nouvelle|nouveau)[\s-]/iu;

/**
 * Names whose kind holds in any news story. Alias groups from the corpus override these.
 * Kept to countries, continents and seats of power: cities come from the corpus's own context.
 */
export const BUILT_IN_NAMES: readonly { name: string; kind: EntityKind }[] = (() => {
  const places = `Afghanistan|Afrique|Afrique du Sud|Albanie|Algérie|Allemagne|Amérique|Andorre|Angola|Arabie saoudite|Argentine|Arménie|Asie|Australie|Autriche|Azerbaïdjan|Bahreïn|Bangladesh|Belgique|Bélarus|Biélorussie|Bénin|Birmanie|Bolivie|Bosnie|Brésil|Bulgarie|Burkina Faso|Burundi|Cambodge|Cameroun|Canada|Centrafrique|Chili|Chine|Chypre|Colombie|Congo|Corée du Nord|Corée du Sud|Côte d'Ivoire|Croatie|Cuba|Danemark|Djibouti|Égypte|Émirats arabes unis|Équateur|Érythrée|Espagne|Estonie|États-Unis|Éthiopie|Europe|Finlande|France|Gabon|Géorgie|Ghana|Grèce|Guatemala|Guinée|Haïti|Honduras|Hongrie|Inde|Indonésie|Irak|Iran|Irlande|Islande|Israël|Italie|Jamaïque|Japon|Jordanie|Kazakhstan|Kenya|Kirghizistan|Kosovo|Koweït|Laos|Lettonie|Liban|Libye|Lituanie|Luxembourg|Macédoine|Madagascar|Malaisie|Mali|Malte|Maroc|Mauritanie|Mexique|Moldavie|Monaco|Mongolie|Monténégro|Mozambique|Namibie|Népal|Nicaragua|Niger|Nigeria|Norvège|Nouvelle-Zélande|Oman|Ouganda|Ouzbékistan|Pakistan|Palestine|Panama|Paraguay|Pays-Bas|Pérou|Philippines|Pologne|Portugal|Qatar|Roumanie|Royaume-Uni|Russie|Rwanda|Sénégal|Serbie|Singapour|Slovaquie|Slovénie|Somalie|Soudan|Sri Lanka|Suède|Suisse|Syrie|Tadjikistan|Taïwan|Tanzanie|Tchad|Tchéquie|Thaïlande|Tunisie|Turkménistan|Turquie|Ukraine|Uruguay|Venezuela|Vietnam|Yémen|Zambie|Zimbabwe|Crimée|Caucase|Tchétchénie|Cisjordanie|Gaza`;
  const organisations = `Kremlin|Maison-Blanche|Maison Blanche|Élysée|Matignon|Pentagone|Quai d'Orsay|Downing Street|Bundestag|Congrès|Sénat|Douma|Knesset|Vatican|Nations unies|ONU|OTAN|Union européenne|Assemblée nationale|Conseil de sécurité|État islamique|Etat islamique|Al-Qaïda|Interpol|Europol|Croix-Rouge`;
  return [
    ...places.split('|').map((name) => ({ name, kind: 'place' as const })),
    ...organisations.split('|').map((name) => ({ name, kind: 'organisation' as const })),
  ];
})();

/** One key for every way of writing a name: case, accents, hyphens, apostrophes. */
export function nameKey(surface: string): string {
  return foldCase(surface)
    .replace(/[\p{Pd}\s'’.]+/gu, ' ')
    .trim();
}
