// The 'has saved favourites' flag: a device with nothing saved never opens the database (nor downloads Dexie) on the
// first screen, and nothing saved is ever hidden: not after a save, not when favourites were saved before the flag.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkFeed } from '../../src/feed/check';
import type { Feed } from '../../src/feed/schema';
import type * as FavouritesState from '../../src/favourites/state';
import { DATABASE_NAME as FLAG_DATABASE_NAME, SAVED_FLAG_KEY } from '../../src/favourites/saved-flag';
import { FIXTURE_NOW, at, minimalFeed } from './fixtures';

const feed: Feed = checkFeed(minimalFeed(), { now: FIXTURE_NOW }).feed!;
const knit = at(feed.activities, 0);

/** localStorage as a page has it, kept across 'reloads' of the modules. */
let stored: Map<string, string>;

function stubLocalStorage(): void {
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
    removeItem: (key: string) => void stored.delete(key),
  });
}

async function freshPage(): Promise<typeof FavouritesState> {
  vi.resetModules();
  return import('../../src/favourites/state');
}

async function databaseNames(): Promise<(string | undefined)[]> {
  return (await indexedDB.databases()).map((database) => database.name);
}

beforeEach(() => {
  stored = new Map();
  vi.stubGlobal('indexedDB', new IDBFactory());
  stubLocalStorage();
});
afterEach(async () => {
  await (await import('../../src/storage/db')).closeDatabase();
  vi.unstubAllGlobals();
});

describe('the saved-favourites flag', () => {
  it('names the same database as the storage module', async () => {
    expect(FLAG_DATABASE_NAME).toBe((await import('../../src/storage/db')).DATABASE_NAME);
  });

  it('on a first visit, shows none saved without creating or opening the database, and remembers that', async () => {
    const state = await freshPage();
    await state.loadFavourites();
    expect(state.favouritesStatus.value).toBe('ready');
    expect(state.favourites.value).toEqual([]);
    expect(await databaseNames()).toEqual([]);
    expect(stored.get(SAVED_FLAG_KEY)).toBe('0');
  });

  it('is set by a save, so the next visit reads the database, and cleared when the last one is removed', async () => {
    let state = await freshPage();
    await state.loadFavourites();
    await state.saveFavourite(knit, feed);
    expect(stored.get(SAVED_FLAG_KEY)).toBe('1');

    state = await freshPage();
    await state.loadFavourites();
    expect([...state.favouriteIds.value]).toEqual([knit.id]);
    await state.removeFavourite(knit.id);
    expect(stored.get(SAVED_FLAG_KEY)).toBe('0');

    state = await freshPage();
    await state.loadFavourites();
    expect(state.favourites.value).toEqual([]);
    expect(state.favouritesStatus.value).toBe('ready');
  });

  it('finds favourites saved before the flag existed, and sets it', async () => {
    let state = await freshPage();
    await state.loadFavourites();
    await state.saveFavourite(knit, feed);
    stored.clear(); // an older version of the app kept no flag

    state = await freshPage();
    await state.loadFavourites();
    expect([...state.favouriteIds.value]).toEqual([knit.id]);
    expect(stored.get(SAVED_FLAG_KEY)).toBe('1');
  });

  it('on the Favourites screen, still says when this device cannot keep favourites at all', async () => {
    stored.set(SAVED_FLAG_KEY, '0');
    vi.stubGlobal('indexedDB', undefined);
    const state = await freshPage();
    await state.loadFavourites();
    expect(state.favouritesStatus.value).toBe('ready');
    await state.loadFavourites({ evenIfNoneSaved: true });
    expect(state.favouritesStatus.value).toBe('unavailable');
  });
});
