import { describe, expect, it } from 'vitest';
import { moreSourcesId, PageStore, parseMoreSourcesId } from '../../src/discord/pageStore.ts';

const answer = (label: string) => ({
  pages: [
    { content: label, embeds: [] },
    { content: `${label} 2`, embeds: [] },
  ],
  ephemeral: false,
});

describe('PageStore', () => {
  it('gives back what it saved until the 15 minutes are up', () => {
    let now = 0;
    const store = new PageStore({ now: () => now });
    const id = store.save(answer('a'));
    now = 15 * 60 * 1000 - 1;
    expect(store.get(id)?.pages[1]?.content).toBe('a 2');
    now = 15 * 60 * 1000;
    expect(store.get(id)).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the oldest', () => {
    const store = new PageStore({ maxEntries: 2, now: () => 0 });
    const first = store.save(answer('a'));
    const second = store.save(answer('b'));
    const third = store.save(answer('c'));
    expect(store.get(first)).toBeUndefined();
    expect(store.get(second)?.pages[0]?.content).toBe('b');
    expect(store.get(third)?.pages[0]?.content).toBe('c');
    expect(store.size).toBe(2);
  });

  it('forgets expired answers when new ones come in', () => {
    let now = 0;
    const store = new PageStore({ ttlMs: 10, now: () => now });
    store.save(answer('a'));
    store.save(answer('b'));
    now = 10;
    store.save(answer('c'));
    expect(store.size).toBe(1);
  });

  it('does not know ids it never gave', () => {
    expect(new PageStore().get('nope')).toBeUndefined();
  });
});

describe('more sources custom ids', () => {
  it('round-trips and stays within Discord’s 100 characters', () => {
    const id = new PageStore().save(answer('a'));
    const customId = moreSourcesId(id, 3);
    expect(customId.length).toBeLessThanOrEqual(100);
    expect(parseMoreSourcesId(customId)).toEqual({ id, page: 3 });
  });

  it.each([['other:abc:1'], ['more:abc'], ['more:abc:x'], ['more::1'], ['more:a b:1']])('ignores %s', (customId) => {
    expect(parseMoreSourcesId(customId)).toBeNull();
  });
});
