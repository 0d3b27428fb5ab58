/** What the desk itself says to people (refusals), in French and English. */
import type { Locale } from '../answer/types.ts';

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
} as const;
