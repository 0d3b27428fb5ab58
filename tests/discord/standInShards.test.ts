/**
 * The stand-in as Discord behaves from 2,500 servers on: it recommends several shards, gives each
 * IDENTIFY's shard a session of its own, and sends a guild's interactions to that guild's shard only.
 * Checked with plain WebSocket clients, one per shard, as discord.js's shards connect.
 */
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { TEST_TOKEN } from './botHarness.ts';
import { shardOfGuild, startDiscordStandIn, type DiscordStandIn } from './standIn/discordStandIn.ts';
import { chatInput, GUILD_ID, OTHER_GUILD_ID } from './standIn/interactionPayloads.ts';

interface GatewayClient {
  readonly events: { t: string; d: Record<string, unknown> }[];
  /** The first event of type `t`, whether it has come already or is still to come. */
  firstEvent(t: string): Promise<Record<string, unknown>>;
  readonly closed: Promise<number>;
  close(): void;
}

/** Connects as one shard would: HELLO, then IDENTIFY with `shard`. */
async function connectShard(standIn: DiscordStandIn, shard: readonly [number, number]): Promise<GatewayClient> {
  const gateway = (await (
    await fetch(`${standIn.api}/v10/gateway/bot`, { headers: { authorization: `Bot ${TEST_TOKEN}` } })
  ).json()) as { url: string };
  const socket = new WebSocket(`${gateway.url}?v=10&encoding=json`);
  const events: { t: string; d: Record<string, unknown> }[] = [];
  const waiters: { t: string; resolve: (d: Record<string, unknown>) => void }[] = [];
  socket.on('message', (raw) => {
    const payload = JSON.parse(String(raw)) as { op: number; t?: string; d?: Record<string, unknown> };
    if (payload.op === 10) socket.send(JSON.stringify({ op: 2, d: { token: TEST_TOKEN, intents: 1, shard } }));
    if (payload.op !== 0 || !payload.t) return;
    events.push({ t: payload.t, d: payload.d ?? {} });
    for (const waiter of waiters.filter((candidate) => candidate.t === payload.t)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(payload.d ?? {});
    }
  });
  const closed = once(socket, 'close').then(([code]) => code as number);
  return {
    events,
    firstEvent: (t) => {
      const seen = events.find((event) => event.t === t);
      return seen ? Promise.resolve(seen.d) : new Promise((resolve) => waiters.push({ t, resolve }));
    },
    closed,
    close: () => socket.terminate(),
  };
}

describe('the Discord stand-in with several shards', () => {
  let standIn: DiscordStandIn;
  const clients: GatewayClient[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await standIn.close();
  });

  it('recommends the configured number of shards', async () => {
    standIn = await startDiscordStandIn({ token: TEST_TOKEN, shards: 2 });
    const response = await fetch(`${standIn.api}/v10/gateway/bot`, { headers: { authorization: `Bot ${TEST_TOKEN}` } });
    expect(await response.json()).toMatchObject({ shards: 2 });
  });

  it('gives each shard its own session, and a guild’s interactions to its shard only', async () => {
    standIn = await startDiscordStandIn({ token: TEST_TOKEN, shards: 2 });
    expect([shardOfGuild(OTHER_GUILD_ID, 2), shardOfGuild(GUILD_ID, 2), shardOfGuild(undefined, 2)]).toEqual([0, 1, 0]);
    const shards = await Promise.all(
      ([0, 1] as const).map(async (id) => {
        const client = await connectShard(standIn, [id, 2]);
        clients.push(client);
        return { client, ready: await client.firstEvent('READY') };
      }),
    );
    expect(shards.map(({ ready }) => ready.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(shards[0]!.ready.session_id).not.toBe(shards[1]!.ready.session_id);

    const onShard0 = shards[0]!.client.firstEvent('INTERACTION_CREATE');
    const onShard1 = shards[1]!.client.firstEvent('INTERACTION_CREATE');
    const toShard0 = standIn.sendInteraction(chatInput('who', [], { guildId: OTHER_GUILD_ID }));
    const toShard1 = standIn.sendInteraction(chatInput('who', []));
    expect([toShard0.shard, toShard1.shard]).toEqual([0, 1]);
    expect((await onShard0).id).toBe(toShard0.id);
    expect((await onShard1).id).toBe(toShard1.id);
    // Each shard saw its own interaction and not the other's.
    for (const [index, { client }] of shards.entries()) {
      expect(client.events.filter((event) => event.t === 'INTERACTION_CREATE').map((event) => event.d.id)).toEqual([
        [toShard0, toShard1][index]!.id,
      ]);
    }
    expect(
      standIn.dispatches
        .filter((event) => event.t === 'INTERACTION_CREATE')
        .map(({ shard, d }) => [shard, (d as { id: string }).id]),
    ).toEqual([
      [0, toShard0.id],
      [1, toShard1.id],
    ]);
    expect(standIn.gateway.filter((record) => record.op === 'identify').map((record) => record.shard)).toEqual(
      expect.arrayContaining([0, 1]),
    );
  });

  it('sends a DM to shard 0', async () => {
    standIn = await startDiscordStandIn({ token: TEST_TOKEN, shards: 2 });
    const { guild_id: _guild, member: _member, ...dm } = chatInput('who', []);
    expect(standIn.sendInteraction({ ...dm, context: 1 }).shard).toBe(0);
  });

  it('holds a shard’s interactions until it has identified, then sends them after READY', async () => {
    standIn = await startDiscordStandIn({ token: TEST_TOKEN, shards: 2 });
    const sent = standIn.sendInteraction(chatInput('who', []));
    const client = await connectShard(standIn, [1, 2]);
    clients.push(client);
    expect((await client.firstEvent('INTERACTION_CREATE')).id).toBe(sent.id);
    expect(client.events.map((event) => event.t)).toEqual(['READY', 'INTERACTION_CREATE']);
  });

  it('closes a session identifying with a shard outside the count (4010)', async () => {
    standIn = await startDiscordStandIn({ token: TEST_TOKEN, shards: 2 });
    const client = await connectShard(standIn, [0, 1]);
    clients.push(client);
    expect(await client.closed).toBe(4010);
  });

  it('drops one shard’s connection and keeps the other', async () => {
    standIn = await startDiscordStandIn({ token: TEST_TOKEN, shards: 2 });
    const [first, second] = await Promise.all([connectShard(standIn, [0, 2]), connectShard(standIn, [1, 2])]);
    clients.push(first!, second!);
    await Promise.all([first!.firstEvent('READY'), second!.firstEvent('READY')]);
    standIn.dropGateway(4000, 1);
    expect(await second!.closed).toBe(4000);
    const onFirst = first!.firstEvent('INTERACTION_CREATE');
    const sent = standIn.sendInteraction(chatInput('who', [], { guildId: OTHER_GUILD_ID }));
    expect((await onFirst).id).toBe(sent.id);
  });
});
