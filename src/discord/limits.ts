/**
 * Discord's numbers, in one place. Everything the bot sends is cut to fit these before it leaves: Discord
 * rejects a message that breaks one of them (400, "Invalid Form Body"), and discord.js does not check most
 * of them for us.
 */
export const DISCORD_LIMITS = {
  /** Characters of a message's plain content. */
  messageContent: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooterText: 2048,
  embedAuthorName: 256,
  /** Fields in one embed. */
  embedFields: 25,
  /** Title, description, field names and values, footer and author of every embed of one message, together. */
  embedTotal: 6000,
  /** Embeds in one message. */
  embedsPerMessage: 10,
  /** Choices in one autocomplete answer. */
  autocompleteChoices: 25,
  /** Characters of an autocomplete choice's name, and of its value. */
  choiceName: 100,
  choiceValue: 100,
  /** Characters of a component's custom id. */
  customId: 100,
  /** Buttons in one action row. */
  buttonsPerRow: 5,
  buttonLabel: 80,
  /** A modal's title, a label's text and its description. */
  modalTitle: 45,
  modalLabel: 45,
  modalLabelDescription: 100,
  /** Components (labelled text inputs) in one modal. */
  modalComponents: 5,
  /** Characters a text input may hold. */
  textInputValue: 4000,
  /** Characters of a command or option name (lower case, no spaces). */
  commandName: 32,
  /** Characters of a command or option description. */
  commandDescription: 100,
  /** Options of one command. */
  commandOptions: 25,
  /** Most characters a string option can be limited to. */
  stringOptionMaxLength: 6000,
  /** Bytes one message may upload in a server without boosts (10 MiB). */
  uploadBytes: 10 * 1024 * 1024,
} as const;

/** How long an interaction token serves editReply and follow-ups after the interaction arrived. */
export const INTERACTION_TOKEN_LIFETIME_MS = 15 * 60 * 1000;
