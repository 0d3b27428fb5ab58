/** What the desk itself says to people (refusals), in French and English. */
import type { Locale } from '../answer/types.ts';
import type { ReloadRefusal } from './reloadPlan.ts';

export const deskMessages = {
  moderatorsOnly: (locale: Locale): string =>
    locale === 'fr'
      ? 'Seuls les modérateurs (permission « Gérer le serveur » ou rôle de modération) peuvent recharger le corpus.'
      : 'Only moderators (Manage Server permission or a moderator role) can reload the corpus.',
  unknownCommand: (locale: Locale, name: string, known: readonly string[]): string =>
    locale === 'fr'
      ? `Commande inconnue : /${name}. Commandes : ${known.map((n) => `/${n}`).join(', ')}.`
      : `Unknown command: /${name}. Commands: ${known.map((n) => `/${n}`).join(', ')}.`,
  missingOption: (locale: Locale, command: string, option: string, example: string): string =>
    locale === 'fr'
      ? `/${command} attend ${option === 'question' ? 'une question' : `« ${option} »`}. Exemple : ${example}`
      : `/${command} needs ${option === 'question' ? 'a question' : `“${option}”`}. Example: ${example}`,
  optionTooLong: (locale: Locale, option: string, max: number): string =>
    locale === 'fr'
      ? `« ${option} » est trop long : ${max} caractères au plus.`
      : `“${option}” is too long: at most ${max} characters.`,
  /** Why a reload was refused, in one line, with how to confirm it when it can be confirmed. */
  reloadRefused: (locale: Locale, refusal: ReloadRefusal): string => {
    const { serving, candidate, removed } = refusal.counts;
    if (refusal.reason === 'empty') {
      return locale === 'fr'
        ? `Rechargement refusé : le dossier du corpus ne donne plus aucun article (${serving} en service) ; l’index précédent reste en service. Corrigez ou remettez les fichiers (voir les fichiers refusés), puis rechargez.`
        : `Reload refused: the corpus folder now gives 0 articles (${serving} serving); the previous index keeps serving. Fix or restore the files (see the rejected files), then reload.`;
    }
    return locale === 'fr'
      ? `Rechargement refusé : il retirerait ${removed} des ${serving} articles en service (il en resterait ${candidate}) ; l’index précédent reste en service. Si c’est voulu, confirmez avec /recharger forcer:True (console : /recharger forcer).`
      : `Reload refused: it would remove ${removed} of the ${serving} articles serving (${candidate} would remain); the previous index keeps serving. If that is intended, confirm with /reload force:True (console: /reload force).`;
  },
  /** A note under answers given without the language service (its reason is the service's, in English). */
  withoutParses: (locale: Locale, reason: string): string =>
    locale === 'fr'
      ? `Réponse donnée sans les modèles de langue (${reason}) : qui a fait quoi à qui n’est pas vérifié.`
      : `Answered without the language models (${reason}): who did what to whom is not checked.`,
  forceNotYesNo: (locale: Locale, value: string): string =>
    locale === 'fr'
      ? `« forcer » attend oui ou non (reçu « ${value} »). Exemple : /recharger forcer`
      : `“force” takes yes or no (got “${value}”). Example: /reload force`,
} as const;
