/**
 * One JSON POST with a timeout, its answer checked by a zod schema. Failures are thrown as
 * LanguageRequestError with a message fit for a log line; the service facade turns them into results.
 */
import type { z } from 'zod';
import { errorResponseSchema } from './languageSchemas.ts';

export class LanguageRequestError extends Error {
  override readonly name = 'LanguageRequestError';
}

export async function postJson<Schema extends z.ZodType>(
  url: string,
  body: unknown,
  schema: Schema,
  options: { readonly timeoutMs: number; readonly headers?: Readonly<Record<string, string>> },
): Promise<z.output<Schema>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw new LanguageRequestError(
      timedOut ? `${url} did not answer within ${options.timeoutMs} ms` : `${url} unreachable: ${describe(error)}`,
    );
  }
  const text = await response.text().catch(() => '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new LanguageRequestError(`${url} answered ${response.status} with a body that is not JSON`);
  }
  if (!response.ok) {
    const error = errorResponseSchema.safeParse(json);
    throw new LanguageRequestError(
      `${url} answered ${response.status}: ${error.success ? error.data.error.message : text.slice(0, 200)}`,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new LanguageRequestError(`${url} answered in an unexpected shape: ${parsed.error.issues[0]?.message}`);
  }
  return parsed.data;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    // fetch hides the socket error (ECONNREFUSED…) in `cause`.
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
