// The 'has saved favourites' flag: a device with nothing saved never opens the database (nor downloads Dexie) on the
// first screen, and nothing saved is ever hidden: not after a save, not when favourites were saved before the flag,
// not when the page went away before the database had the save (the note in localStorage).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkFeed } from '../../src/feed/check';
import type { Feed } from '../../src/feed/schema';
import type * as FavouritesState from '../../src/favourites/state';
import { JOURNAL_KEY } from '../../src/favourites/state';
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

describe('a change the page noted but had no time to store', () => {
  it('notes a save before the database is asked to store it, and drops the note once it is stored', async () => {
    const state = await freshPage();
    await state.loadFavourites();
    const notedWhenStored: (string | undefined)[] = [];
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      notedWhenStored.push(stored.get(JOURNAL_KEY));
      return put.apply(this, args);
    });
    await state.saveFavourite(knit, feed);
    expect(notedWhenStored).toHaveLength(1);
    expect(Object.keys(JSON.parse(notedWhenStored[0]!) as object)).toEqual([knit.id]);
    expect(stored.has(JOURNAL_KEY)).toBe(false);
    vi.restoreAllMocks();
  });

  it('stores a noted save at the next start, shows it, and then drops the note', async () => {
    let state = await freshPage();
    await state.loadFavourites();
    // Record the note a save leaves, as the page would have at the moment it went away.
    let note: string | undefined;
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      note = stored.get(JOURNAL_KEY);
      return put.apply(this, args);
    });
    await state.saveFavourite(knit, feed);
    vi.restoreAllMocks();
    await (await import('../../src/storage/db')).closeDatabase();
    vi.stubGlobal('indexedDB', new IDBFactory()); // the write never happened
    stored.set(JOURNAL_KEY, note!);

    state = await freshPage();
    await state.loadFavourites();
    expect([...state.favouriteIds.value]).toEqual([knit.id]);
    expect(state.favourites.value[0]?.snapshot.venueName).toBe('Werneth Community Centre');
    expect(stored.has(JOURNAL_KEY)).toBe(false);
    state = await freshPage();
    await state.loadFavourites();
    expect([...state.favouriteIds.value]).toEqual([knit.id]);
  });

  it('carries out a noted removal at the next start', async () => {
    let state = await freshPage();
    await state.loadFavourites();
    await state.saveFavourite(knit, feed);
    stored.set(JOURNAL_KEY, JSON.stringify({ [knit.id]: null })); // removed, but the page went away before the delete
    await (await import('../../src/storage/db')).closeDatabase();

    state = await freshPage();
    await state.loadFavourites();
    expect(state.favourites.value).toEqual([]);
    expect(stored.has(JOURNAL_KEY)).toBe(false);
  });

  it('leaves no note when the device refuses the save (the person is told it was not saved)', async () => {
    const state = await freshPage();
    await state.loadFavourites();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    await state.saveFavourite(knit, feed);
    expect(state.favouriteFailure.value).toMatchObject({ activityId: knit.id, action: 'save', reason: 'full' });
    expect(stored.has(JOURNAL_KEY)).toBe(false);
    vi.restoreAllMocks();
  });

  it('ignores a note it cannot read', async () => {
    stored.set(JOURNAL_KEY, '{not json');
    const state = await freshPage();
    await state.loadFavourites();
    expect(state.favouritesStatus.value).toBe('ready');
    await state.saveFavourite(knit, feed);
    expect([...state.favouriteIds.value]).toEqual([knit.id]);
    expect(stored.has(JOURNAL_KEY)).toBe(false);
  });
});
