/**
 * A real SIGTERM and SIGINT to the bot's own process: it stops its helpers, disconnects and exits 0 by
 * itself (nothing left holding the process open: the endpoint, the metrics, the rate limiters).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOKEN } from './botHarness.ts';
import { startDiscordStandIn, type DiscordStandIn } from './standIn/discordStandIn.ts';

describe('the bot’s process on a signal', () => {
  let standIn: DiscordStandIn;

  beforeAll(async () => {
    standIn = await startDiscordStandIn({ token: TEST_TOKEN });
  });

  afterAll(async () => {
    await standIn.close();
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'exits 0 on %s after stopping its helpers and closing its gateway connection',
    async (signal) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/discord/botProcess.ts', standIn.api], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.on('data', (chunk) => (stdout += String(chunk)));
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += String(chunk)));
      const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
      while (!stdout.includes('ready\n')) {
        const [chunk] = (await Promise.race([once(child.stdout, 'data'), exited])) as unknown[];
        if (chunk === undefined || typeof chunk === 'number' || chunk === null) break;
      }
      expect(stdout).toContain('ready\n');
      const closes = standIn.gateway.filter((record) => record.op === 'close').length;
      child.kill(signal);
      const [code, killedBy] = await exited;
      expect({ code, killedBy }).toEqual({ code: 0, killedBy: null });
      expect(stdout).toContain('helpers stopped\n');
      expect(stderr).toContain(`received ${signal}`);
      await standIn.waitForGateway(
        (record) => record.op === 'close' && standIn.gateway.filter((r) => r.op === 'close').length > closes,
      );
    },
    60_000,
  );
});
