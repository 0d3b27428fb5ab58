/**
 * INTERACTION_CREATE payloads as Discord sends them, for the stand-in to dispatch: a slash command, an
 * autocomplete request and a button press. Only what discord.js reads is filled in.
 */

/** Permission bits as Discord sends them (decimal strings). */
export const PERMISSIONS = {
  none: '0',
  /** View Channel + Send Messages: an ordinary member. */
  member: String((1n << 10n) | (1n << 11n)),
  /** An ordinary member who may also Manage Server. */
  manageGuild: String((1n << 10n) | (1n << 11n) | (1n << 5n)),
} as const;

export const GUILD_ID = '900000000000000001';
/**
 * A second server, on the other shard of two: Discord sends a guild's events to shard
 * `(guild_id >> 22) % shards`, which is 1 for GUILD_ID and 0 for this one.
 */
export const OTHER_GUILD_ID = String(BigInt(GUILD_ID) - (1n << 22n));
export const CHANNEL_ID = '900000000000000002';
export const MEMBER_ID = '900000000000000003';

export interface Asker {
  /** Discord locale of the asker's client: `fr`, `en-US`, `en-GB`, `de`… */
  readonly locale?: string;
  /** Default MEMBER_ID. */
  readonly userId?: string;
  readonly username?: string;
  readonly permissions?: string;
  readonly roles?: readonly string[];
  /** The server asked in (default GUILD_ID). */
  readonly guildId?: string;
}

export interface CommandOptionValue {
  readonly name: string;
  readonly value: string;
  readonly focused?: boolean;
}

function base(type: number, asker: Asker) {
  const guildId = asker.guildId ?? GUILD_ID;
  return {
    type,
    version: 1,
    locale: asker.locale ?? 'en-US',
    guild_locale: 'fr',
    guild_id: guildId,
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: guildId, name: 'newsroom' },
    member: {
      user: {
        id: asker.userId ?? MEMBER_ID,
        username: asker.username ?? 'reader',
        discriminator: '0',
        global_name: 'Reader',
        avatar: null,
      },
      roles: [...(asker.roles ?? [])],
      permissions: asker.permissions ?? PERMISSIONS.member,
      joined_at: '2024-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
    },
    app_permissions: PERMISSIONS.member,
    entitlements: [],
    authorizing_integration_owners: { '0': guildId },
    context: 0,
  };
}

/** A slash command (`type: 2`) with string options. */
export function chatInput(name: string, options: readonly CommandOptionValue[], asker: Asker = {}) {
  return {
    ...base(2, asker),
    data: {
      id: '900000000000000010',
      name,
      type: 1,
      guild_id: GUILD_ID,
      options: options.map((option) => ({ name: option.name, type: 3, value: option.value })),
    },
  };
}

/** An autocomplete request (`type: 4`): the option being typed is marked `focused`. */
export function autocomplete(name: string, options: readonly CommandOptionValue[], asker: Asker = {}) {
  return {
    ...base(4, asker),
    data: {
      id: '900000000000000010',
      name,
      type: 1,
      guild_id: GUILD_ID,
      options: options.map((option) => ({
        name: option.name,
        type: 3,
        value: option.value,
        ...(option.focused ? { focused: true } : {}),
      })),
    },
  };
}

/** A button press (`type: 3`) on `message`, a message object the bot sent earlier. */
export function buttonPress(customId: string, message: Record<string, unknown>, asker: Asker = {}) {
  return {
    ...base(3, asker),
    message,
    data: { custom_id: customId, component_type: 2 },
  };
}

/** An option of a slash command as Discord sends it: text (3), a switch (5) or an attachment (11, by id). */
export interface TypedOption {
  readonly name: string;
  readonly type: 3 | 5 | 11;
  readonly value: string | boolean;
  readonly focused?: boolean;
}

export interface SlashCommandParts {
  /** Set: the options belong to this subcommand (`/article add`). */
  readonly subcommand?: string;
  readonly options?: readonly TypedOption[];
  /** Attachments referred to by options of type 11, as `addAttachment` gave them. */
  readonly attachments?: readonly { readonly id: string }[];
  /** 2: a command; 4: autocomplete. */
  readonly type?: 2 | 4;
}

/** A slash command (or an autocomplete request) with typed options, a subcommand and attachments. */
export function slashCommand(name: string, parts: SlashCommandParts, asker: Asker = {}) {
  const options = (parts.options ?? []).map((option) => ({
    name: option.name,
    type: option.type,
    value: option.value,
    ...(option.focused ? { focused: true } : {}),
  }));
  const attachments = parts.attachments ?? [];
  return {
    ...base(parts.type ?? 2, asker),
    data: {
      id: '900000000000000011',
      name,
      type: 1,
      guild_id: GUILD_ID,
      options: parts.subcommand ? [{ name: parts.subcommand, type: 1, options }] : options,
      ...(attachments.length > 0
        ? {
            resolved: { attachments: Object.fromEntries(attachments.map((attachment) => [attachment.id, attachment])) },
          }
        : {}),
    },
  };
}

/** An attachment option (type 11) naming an attachment by id. */
export function attachmentOption(name: string, attachment: { readonly id: string }): TypedOption {
  return { name, type: 11, value: attachment.id };
}

/**
 * A modal submit (`type: 5`) as Discord sends it today: each text input inside its label component
 * (type 18), with the values the member typed.
 */
export function modalSubmit(customId: string, values: Readonly<Record<string, string>>, asker: Asker = {}) {
  return {
    ...base(5, asker),
    data: {
      custom_id: customId,
      components: Object.entries(values).map(([fieldId, value], index) => ({
        type: 18,
        id: index * 2 + 1,
        component: { type: 4, id: index * 2 + 2, custom_id: fieldId, value },
      })),
    },
  };
}
