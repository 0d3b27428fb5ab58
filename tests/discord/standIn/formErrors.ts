/**
 * Discord's body checks, as the stand-in applies them: what Discord answers with 400 and code 50035
 * ("Invalid Form Body") when a bot sends something too long or too many. The numbers are written out here
 * again on purpose, from Discord's documentation, rather than imported from src/discord/limits.ts: a wrong
 * number there must make these tests fail, not agree with it. Lengths are counted in UTF-16 units, which
 * is never more lenient than Discord's count in characters.
 */

export interface FormError {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function maxLength(
  errors: FormError[],
  path: (string | number)[],
  value: unknown,
  max: number,
  required = false,
): void {
  if (value === undefined || value === null) {
    if (required) errors.push({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    return;
  }
  if (typeof value !== 'string') {
    errors.push({ path, code: 'STRING_TYPE_CONVERT', message: 'Could not interpret value as string.' });
    return;
  }
  if (required && value.length === 0) {
    errors.push({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
  } else if (value.length > max) {
    errors.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
  }
}

function maxItems(errors: FormError[], path: (string | number)[], value: readonly unknown[], max: number): void {
  if (value.length > max)
    errors.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
}

/**
 * The problems of a message body (reply, edit, follow-up, update). The stand-in's own rule on top of
 * Discord's: `allowed_mentions` must be present with `parse: []`, so no quoted text can ever ping.
 */
export function messageErrors(body: unknown, pathPrefix: (string | number)[] = []): FormError[] {
  const errors: FormError[] = [];
  if (!isObject(body))
    return [{ path: pathPrefix, code: 'DICT_TYPE_CONVERT', message: 'Only dictionaries may be used in a DictType' }];
  const at = (...path: (string | number)[]) => [...pathPrefix, ...path];

  maxLength(errors, at('content'), body.content, 2000);
  const embeds = Array.isArray(body.embeds) ? body.embeds : [];
  maxItems(errors, at('embeds'), embeds, 10);
  let total = 0;
  embeds.forEach((embed: unknown, index) => {
    if (!isObject(embed)) return;
    maxLength(errors, at('embeds', index, 'title'), embed.title, 256);
    maxLength(errors, at('embeds', index, 'description'), embed.description, 4096);
    const fields = Array.isArray(embed.fields) ? embed.fields : [];
    maxItems(errors, at('embeds', index, 'fields'), fields, 25);
    fields.forEach((field: unknown, fieldIndex) => {
      if (!isObject(field)) return;
      maxLength(errors, at('embeds', index, 'fields', fieldIndex, 'name'), field.name, 256, true);
      maxLength(errors, at('embeds', index, 'fields', fieldIndex, 'value'), field.value, 1024, true);
      total += String(field.name ?? '').length + String(field.value ?? '').length;
    });
    const footer = isObject(embed.footer) ? embed.footer : undefined;
    if (footer) maxLength(errors, at('embeds', index, 'footer', 'text'), footer.text, 2048, true);
    const author = isObject(embed.author) ? embed.author : undefined;
    if (author) maxLength(errors, at('embeds', index, 'author', 'name'), author.name, 256, true);
    total += String(embed.title ?? '').length + String(embed.description ?? '').length;
    total += String(footer?.text ?? '').length + String(author?.name ?? '').length;
  });
  if (total > 6000)
    errors.push({
      path: at('embeds'),
      code: 'MAX_EMBED_SIZE_EXCEEDED',
      message: 'Embed size exceeds maximum size of 6000',
    });

  const rows = Array.isArray(body.components) ? body.components : [];
  maxItems(errors, at('components'), rows, 5);
  rows.forEach((row: unknown, rowIndex) => {
    const components = isObject(row) && Array.isArray(row.components) ? row.components : [];
    maxItems(errors, at('components', rowIndex, 'components'), components, 5);
    components.forEach((component: unknown, index) => {
      if (!isObject(component)) return;
      const path = at('components', rowIndex, 'components', index);
      if (component.url === undefined) maxLength(errors, [...path, 'custom_id'], component.custom_id, 100, true);
      maxLength(errors, [...path, 'label'], component.label, 80);
    });
  });

  const mentions = body.allowed_mentions;
  if (!isObject(mentions) || !Array.isArray(mentions.parse) || mentions.parse.length > 0) {
    errors.push({
      path: at('allowed_mentions'),
      code: 'STAND_IN_MENTIONS',
      message: 'allowed_mentions must be sent with parse: [] (stand-in rule)',
    });
  }
  return errors;
}

/**
 * The problems of a modal (interaction callback type 9): title 1–45, custom id 1–100, 1 to 5 labels,
 * each label 1–45 with a description up to 100, holding a text input (custom id 1–100, no label of its
 * own inside a label, max_length 1–4000, placeholder up to 100).
 */
export function modalErrors(data: unknown): FormError[] {
  const errors: FormError[] = [];
  if (!isObject(data))
    return [{ path: ['data'], code: 'DICT_TYPE_CONVERT', message: 'Only dictionaries may be used in a DictType' }];
  maxLength(errors, ['data', 'title'], data.title, 45, true);
  maxLength(errors, ['data', 'custom_id'], data.custom_id, 100, true);
  const components = Array.isArray(data.components) ? data.components : [];
  if (components.length < 1)
    errors.push({
      path: ['data', 'components'],
      code: 'BASE_TYPE_MIN_LENGTH',
      message: 'Must be 1 or more in length.',
    });
  maxItems(errors, ['data', 'components'], components, 5);
  const ids = new Set<string>();
  components.forEach((component: unknown, index) => {
    const path = ['data', 'components', index];
    if (!isObject(component) || component.type !== 18) {
      errors.push({
        path: [...path, 'type'],
        code: 'COMPONENT_TYPE_INVALID',
        message: 'Expected a label component (18)',
      });
      return;
    }
    maxLength(errors, [...path, 'label'], component.label, 45, true);
    maxLength(errors, [...path, 'description'], component.description, 100);
    const input = component.component;
    if (!isObject(input) || input.type !== 4) {
      errors.push({
        path: [...path, 'component'],
        code: 'COMPONENT_TYPE_INVALID',
        message: 'Expected a text input (4)',
      });
      return;
    }
    maxLength(errors, [...path, 'component', 'custom_id'], input.custom_id, 100, true);
    if (typeof input.custom_id === 'string') {
      if (ids.has(input.custom_id))
        errors.push({
          path: [...path, 'component', 'custom_id'],
          code: 'COMPONENT_CUSTOM_ID_DUPLICATED',
          message: 'Component custom id cannot be duplicated',
        });
      ids.add(input.custom_id);
    }
    if (input.label !== undefined)
      errors.push({
        path: [...path, 'component', 'label'],
        code: 'COMPONENT_LABEL_INVALID',
        message: 'A text input in a label has no label of its own',
      });
    if (input.style !== 1 && input.style !== 2)
      errors.push({
        path: [...path, 'component', 'style'],
        code: 'BASE_TYPE_CHOICES',
        message: 'Value must be one of {1, 2}.',
      });
    const max = input.max_length;
    if (max !== undefined && (typeof max !== 'number' || max < 1 || max > 4000))
      errors.push({
        path: [...path, 'component', 'max_length'],
        code: 'NUMBER_TYPE_MAX',
        message: 'int value should be between 1 and 4000.',
      });
    maxLength(errors, [...path, 'component', 'placeholder'], input.placeholder, 100);
    maxLength(errors, [...path, 'component', 'value'], input.value, 4000);
  });
  return errors;
}

/** The problems of an autocomplete result (interaction callback type 8). */
export function autocompleteErrors(data: unknown): FormError[] {
  const errors: FormError[] = [];
  const choices = isObject(data) && Array.isArray(data.choices) ? data.choices : undefined;
  if (!choices) return [{ path: ['data', 'choices'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }];
  maxItems(errors, ['data', 'choices'], choices, 25);
  choices.forEach((choice: unknown, index) => {
    if (!isObject(choice)) return;
    maxLength(errors, ['data', 'choices', index, 'name'], choice.name, 100, true);
    if (typeof choice.value === 'string')
      maxLength(errors, ['data', 'choices', index, 'value'], choice.value, 100, true);
  });
  return errors;
}

const COMMAND_NAME = /^[-_\p{Ll}\p{Lo}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function localizedTexts(
  errors: FormError[],
  path: (string | number)[],
  value: unknown,
  max: number,
  isName: boolean,
): void {
  if (value === undefined || value === null) return;
  if (!isObject(value)) {
    errors.push({ path, code: 'DICT_TYPE_CONVERT', message: 'Only dictionaries may be used in a DictType' });
    return;
  }
  for (const [locale, text] of Object.entries(value)) {
    if (!['fr', 'en-US', 'en-GB', 'de', 'es-ES', 'it', 'nl', 'pt-BR'].includes(locale)) {
      errors.push({ path: [...path, locale], code: 'LOCALE_INVALID', message: 'Invalid locale' });
    }
    maxLength(errors, [...path, locale], text, max, true);
    if (isName && typeof text === 'string' && !COMMAND_NAME.test(text)) {
      errors.push({
        path: [...path, locale],
        code: 'APPLICATION_COMMAND_INVALID_NAME',
        message: 'Command name is invalid',
      });
    }
  }
}

/** The problems of a bulk overwrite of application commands (PUT …/commands). */
export function commandListErrors(body: unknown): FormError[] {
  if (!Array.isArray(body))
    return [{ path: [], code: 'LIST_TYPE_CONVERT', message: 'Only iterables may be used in a ListType' }];
  const errors: FormError[] = [];
  const names = new Set<string>();
  body.forEach((command: unknown, index) => {
    if (!isObject(command)) return;
    const name = command.name;
    maxLength(errors, [index, 'name'], name, 32, true);
    if (typeof name === 'string' && !COMMAND_NAME.test(name)) {
      errors.push({
        path: [index, 'name'],
        code: 'APPLICATION_COMMAND_INVALID_NAME',
        message: 'Command name is invalid',
      });
    }
    if (typeof name === 'string' && names.has(name)) {
      errors.push({
        path: [index, 'name'],
        code: 'APPLICATION_COMMANDS_DUPLICATE_NAME',
        message: 'Application command names must be unique',
      });
    }
    if (typeof name === 'string') names.add(name);
    maxLength(errors, [index, 'description'], command.description, 100, true);
    localizedTexts(errors, [index, 'name_localizations'], command.name_localizations, 32, true);
    localizedTexts(errors, [index, 'description_localizations'], command.description_localizations, 100, false);
    if (command.default_member_permissions !== undefined && command.default_member_permissions !== null) {
      if (
        typeof command.default_member_permissions !== 'string' ||
        !/^\d+$/u.test(command.default_member_permissions)
      ) {
        errors.push({
          path: [index, 'default_member_permissions'],
          code: 'NUMBER_TYPE_COERCE',
          message: 'Value is not int.',
        });
      }
    }
    optionErrors(errors, [index], command.options, 0);
  });
  return errors;
}

/**
 * A command's options (or a subcommand's, `depth` 1): names, descriptions, required before optional,
 * lengths only on text options, subcommands (type 1) only at the top and never `required`, and a
 * subcommand holding no subcommand.
 */
function optionErrors(errors: FormError[], at: (string | number)[], value: unknown, depth: number): void {
  const options = Array.isArray(value) ? value : [];
  maxItems(errors, [...at, 'options'], options, 25);
  const subcommands = options.filter((option: unknown) => isObject(option) && option.type === 1).length;
  if (subcommands > 0 && subcommands < options.length) {
    errors.push({
      path: [...at, 'options'],
      code: 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
      message: 'Sub-command and sub-command group option types are mutually exclusive to all other types',
    });
  }
  let sawOptional = false;
  options.forEach((option: unknown, optionIndex) => {
    if (!isObject(option)) return;
    const path = [...at, 'options', optionIndex];
    maxLength(errors, [...path, 'name'], option.name, 32, true);
    if (typeof option.name === 'string' && !COMMAND_NAME.test(option.name)) {
      errors.push({
        path: [...path, 'name'],
        code: 'APPLICATION_COMMAND_INVALID_NAME',
        message: 'Command name is invalid',
      });
    }
    maxLength(errors, [...path, 'description'], option.description, 100, true);
    localizedTexts(errors, [...path, 'name_localizations'], option.name_localizations, 32, true);
    localizedTexts(errors, [...path, 'description_localizations'], option.description_localizations, 100, false);
    if (option.type === 1) {
      if (depth > 0 || option.required !== undefined) {
        errors.push({
          path: [...path, 'type'],
          code: 'APPLICATION_COMMAND_OPTION_TYPE_INVALID',
          message: 'Sub-commands cannot nest here nor be required',
        });
      }
      optionErrors(errors, path, option.options, depth + 1);
      return;
    }
    if (![3, 4, 5, 6, 7, 8, 9, 10, 11].includes(Number(option.type))) {
      errors.push({
        path: [...path, 'type'],
        code: 'BASE_TYPE_CHOICES',
        message: 'Value must be a valid option type.',
      });
    }
    if (option.required === true && sawOptional) {
      errors.push({
        path: [...path, 'required'],
        code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        message: 'Required options must be placed before non-required options',
      });
    }
    if (option.required !== true) sawOptional = true;
    const max = option.max_length;
    if (max !== undefined && (option.type !== 3 || typeof max !== 'number' || max < 1 || max > 6000)) {
      errors.push({
        path: [...path, 'max_length'],
        code: 'NUMBER_TYPE_MAX',
        message: 'int value should be between 1 and 6000, on a string option.',
      });
    }
    if (option.autocomplete === true && option.type !== 3 && option.type !== 4 && option.type !== 10) {
      errors.push({
        path: [...path, 'autocomplete'],
        code: 'AUTOCOMPLETE_INVALID',
        message: 'Autocomplete is for string and number options',
      });
    }
  });
}

/** The body Discord answers with: errors nested by path, each leaf holding `_errors`. */
export function invalidFormBody(errors: readonly FormError[]): { code: number; message: string; errors: Json } {
  const tree: Json = {};
  for (const error of errors) {
    let node = tree;
    for (const key of error.path) {
      const next = node[String(key)];
      if (isObject(next)) node = next;
      else {
        const created: Json = {};
        node[String(key)] = created;
        node = created;
      }
    }
    const list = Array.isArray(node._errors) ? node._errors : [];
    node._errors = [...list, { code: error.code, message: error.message }];
  }
  return { code: 50035, message: 'Invalid Form Body', errors: tree };
}
