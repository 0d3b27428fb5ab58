import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answerQuestion.ts';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { runCommand } from '../../src/desk/runCommand.ts';
import { silentLogger } from '../../src/logger.ts';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'story-desk-'));
  await cp('corpus', folder, { recursive: true });
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const NEW_ARTICLE = `---
title: Un article ajouté
outlet: Le Courrier Test
published: 2017-12-19
language: fr
---
Le Courrier Test rapporte que la coopération entre Moscou et Washington a surpris les diplomates.
`;

describe('StoryDesk reload', () => {
  it('reports the articles added, removed and changed, and serves the new corpus', async () => {
    const desk = await StoryDesk.open(folder, silentLogger);
    const metro = join(folder, '2017-12-metro-poutine-remercie-trump.md');
    await writeFile(metro, (await readFile(metro, 'utf8')).replace('a annoncé le Kremlin', 'a fait savoir le Kremlin'));
    await rm(join(folder, '2017-12-18-sputnik-peskov-cooperation.md'));
    await writeFile(join(folder, '2017-12-19-courrier-test.md'), NEW_ARTICLE);
    await writeFile(join(folder, 'broken.md'), 'no front matter here');

    const report = await desk.reload();

    expect(report).toMatchObject({
      ok: true,
      added: ['2017-12-19-courrier-test'],
      removed: ['2017-12-18-sputnik-peskov-cooperation'],
      changed: ['2017-12-metro-poutine-remercie-trump'],
      articleCount: 5,
    });
    expect(report.rejected.map((problem) => problem.path)).toEqual(['broken.md']);
    const outlets = answerQuestion(desk.index, { command: 'outlets', query: '', locale: 'fr' });
    expect(outlets.answers.map((item) => item.value)).toContain('Le Courrier Test');
    expect(outlets.answers.map((item) => item.value)).not.toContain('Sputnik France');
  });

  it('keeps serving the old index when the corpus folder cannot be read', async () => {
    const desk = await StoryDesk.open(folder, silentLogger);
    const before = desk.index;
    await rm(folder, { recursive: true, force: true });

    const report = await desk.reload();

    expect(report.ok).toBe(false);
    expect(report.failure).toContain(folder);
    expect(desk.index).toBe(before);
    const answer = answerQuestion(desk.index, { command: 'who', query: 'Qui a remercié Trump ?', locale: 'fr' });
    expect(answer.answers[0]?.value).toBe('Vladimir Poutine');
  });

  it('refuses /reload to a non-moderator without reloading', async () => {
    const desk = await StoryDesk.open(folder, silentLogger);
    const before = desk.index;
    await writeFile(join(folder, '2017-12-19-courrier-test.md'), NEW_ARTICLE);
    const reply = await runCommand(desk, 'reload', {}, { locale: 'en', isModerator: false });
    expect(reply).toEqual({ kind: 'refusal', message: expect.stringMatching(/Only moderators/) });
    expect(desk.index).toBe(before);
  });
});
