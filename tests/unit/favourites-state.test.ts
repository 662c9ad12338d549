// Favourites state and actions against fake-indexeddb: save, remove, survive a reload, keep a listing that left
// the feed, ask for persistent storage once, and undo with a reason when the device cannot keep anything.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkFeed } from '../../src/feed/check';
import type { Feed } from '../../src/feed/schema';
import { favouriteEntries } from '../../src/favourites/saved';
import type * as FavouritesState from '../../src/favourites/state';
import { at, FIXTURE_NOW, minimalFeed } from './fixtures';

type State = typeof FavouritesState;

const feed: Feed = checkFeed(minimalFeed(), { now: FIXTURE_NOW }).feed!;
const knit = at(feed.activities, 0);
const memoryCafe = at(feed.activities, 1);

/** The favourites module as a freshly loaded page sees it (same device storage, nothing in memory). */
async function freshPage(): Promise<State> {
  vi.resetModules();
  return import('../../src/favourites/state');
}

async function closeDatabase(): Promise<void> {
  await (await import('../../src/storage/db')).closeDatabase();
}

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
});
afterEach(async () => {
  await closeDatabase();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('saving and removing', () => {
  it('starts loading, then is ready with nothing saved', async () => {
    const state = await freshPage();
    expect(state.favouritesStatus.value).toBe('loading');
    await state.loadFavourites();
    expect(state.favouritesStatus.value).toBe('ready');
    expect(state.favourites.value).toEqual([]);
  });

  it('saves at once, keeps it after a reload, and removes it', async () => {
    let state = await freshPage();
    await state.loadFavourites();
    const saving = state.toggleFavourite(knit, feed);
    await saving;
    expect(state.favouriteIds.value.has(knit.id)).toBe(true);
    expect(state.favouriteAnnouncement.value?.kind).toBe('saved');
    const [saved] = state.favourites.value;
    expect(saved?.snapshot).toMatchObject({ venueName: 'Werneth Community Centre', organisationName: 'Action Together', categoryNames: ['Arts and crafts', 'Social groups'], defaultLanguage: 'en', timeZone: 'Europe/London' });
    expect(saved?.snapshot.activity.schedule).toEqual(knit.schedule);

    await closeDatabase();
    state = await freshPage();
    await state.loadFavourites();
    expect([...state.favouriteIds.value]).toEqual([knit.id]);

    await state.toggleFavourite(knit, feed);
    expect(state.favouriteIds.value.size).toBe(0);
    expect(state.favouriteAnnouncement.value?.kind).toBe('removed');
    await closeDatabase();
    state = await freshPage();
    await state.loadFavourites();
    expect(state.favourites.value).toEqual([]);
  });

  it('shows the saved state before asking the database to store it', async () => {
    const state = await freshPage();
    await state.loadFavourites();
    const events: string[] = [];
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      events.push('stored');
      return put.apply(this, args);
    });
    const stop = state.favouriteIds.subscribe((ids) => {
      if (ids.has(memoryCafe.id)) events.push('shown');
    });
    await state.saveFavourite(memoryCafe, feed);
    stop();
    expect(events).toEqual(['shown', 'stored']);
  });

  it('lists newest first and counts each activity once, however often it is tapped', async () => {
    const state = await freshPage();
    await Promise.all([state.saveFavourite(knit, feed), state.saveFavourite(knit, feed)]);
    await state.saveFavourite(memoryCafe, feed);
    expect(state.favourites.value.map((f) => f.activityId)).toEqual([memoryCafe.id, knit.id]);
  });
});

describe('a listing that leaves the feed', () => {
  it('keeps its snapshot and shows its next session from it, in the feed time zone', async () => {
    let state = await freshPage();
    await state.saveFavourite(memoryCafe, feed);
    await state.saveFavourite(knit, feed);

    // Next week's feed drops the Memory Café and renames Knit and Natter.
    const json = minimalFeed();
    json.activities = json.activities.filter((a) => a.id !== memoryCafe.id);
    json.activities[0]!.name = 'Knit, Natter and Crochet';
    const nextFeed = checkFeed(json, { now: FIXTURE_NOW }).feed!;

    await closeDatabase();
    state = await freshPage();
    await state.loadFavourites();
    const entries = favouriteEntries(state.favourites.value, nextFeed, FIXTURE_NOW);
    const [listed, gone] = [entries.find((e) => e.activityId === knit.id)!, entries.find((e) => e.activityId === memoryCafe.id)!];

    expect(gone.listing).toBe('gone');
    expect(gone.activity.name).toBe('Memory Café');
    expect(gone.venueName).toBe('Oldham Library');
    // First Wednesday of December 2026, 13:30 in London (GMT).
    expect(gone.next?.start.toISOString()).toBe('2026-12-02T13:30:00.000Z');

    expect(listed.listing).toBe('listed');
    expect(listed.activity.name).toBe('Knit, Natter and Crochet');
    // Tuesday 24 November 2026, 10:00 in London.
    expect(listed.next?.start.toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });

  it('says nothing about listing when there is no feed to compare with', () => {
    const [entry] = favouriteEntries([{ activityId: knit.id, savedAt: '2026-11-20T09:00:00.000Z', snapshot: { activity: knit, venueName: null, organisationName: null, categoryNames: [], defaultLanguage: 'en', timeZone: 'Europe/London' } }], null, FIXTURE_NOW);
    expect(entry?.listing).toBe('unknown');
    expect(entry?.next?.start.toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });
});

describe('persistent storage', () => {
  it('asks the browser to keep storage on the first save only', async () => {
    const persist = vi.fn(() => Promise.resolve(true));
    vi.stubGlobal('navigator', { storage: { persist } });
    const state = await freshPage();
    await state.saveFavourite(knit, feed);
    await state.saveFavourite(memoryCafe, feed);
    await state.removeFavourite(knit.id);
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('saves when the browser has no storage manager', async () => {
    vi.stubGlobal('navigator', {});
    const state = await freshPage();
    await state.saveFavourite(knit, feed);
    expect(state.favouriteIds.value.has(knit.id)).toBe(true);
    expect(state.favouriteFailure.value).toBeNull();
  });
});

describe('when the device cannot keep favourites', () => {
  it("undoes a save when the device is full, says why, and is 'full' until space is freed", async () => {
    const state = await freshPage();
    await state.saveFavourite(knit, feed);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await state.saveFavourite(memoryCafe, feed);
    expect(state.favouriteIds.value.has(memoryCafe.id)).toBe(false);
    expect(state.favouriteFailure.value).toEqual({ activityId: memoryCafe.id, action: 'save', reason: 'full' });
    expect(state.favouritesStatus.value).toBe('full');

    put.mockRestore();
    await state.removeFavourite(knit.id);
    expect(state.favouritesStatus.value).toBe('ready');
    expect(state.favouriteFailure.value).toBeNull();
    await closeDatabase();
    const reloaded = await freshPage();
    await reloaded.loadFavourites();
    expect(reloaded.favourites.value).toEqual([]);
  });

  it('puts a favourite back when removing it fails', async () => {
    const state = await freshPage();
    await state.saveFavourite(knit, feed);
    await state.saveFavourite(memoryCafe, feed);
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(() => {
      throw new DOMException('Something broke.', 'UnknownError');
    });
    await state.removeFavourite(knit.id);
    expect(state.favourites.value.map((f) => f.activityId)).toEqual([memoryCafe.id, knit.id]);
    expect(state.favouriteFailure.value).toEqual({ activityId: knit.id, action: 'remove', reason: 'other' });
  });

  it.each([
    ['IndexedDB is missing', undefined],
    [
      'indexedDB.open throws',
      {
        open() {
          throw new DOMException('The user denied permission to access the database.', 'SecurityError');
        },
      },
    ],
  ])("is 'unavailable' when %s, and a save is undone with that reason", async (_, factory) => {
    vi.stubGlobal('indexedDB', factory);
    const state = await freshPage();
    await state.loadFavourites();
    expect(state.favouritesStatus.value).toBe('unavailable');
    await state.toggleFavourite(knit, feed);
    expect(state.favouriteIds.value.size).toBe(0);
    expect(state.favouriteFailure.value).toEqual({ activityId: knit.id, action: 'save', reason: 'unavailable' });
  });

  it('asks for a reload, and keeps nothing more, once another tab has upgraded the database', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const state = await freshPage();
    await state.saveFavourite(knit, feed);
    const newer = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('thriving-communities', 1000);
      request.onsuccess = () => resolve(request.result);
    });
    expect(state.databaseNotice.value).toBe('reload');
    await state.saveFavourite(memoryCafe, feed);
    expect(state.favouriteIds.value.has(memoryCafe.id)).toBe(false);
    expect(state.favouriteFailure.value).toMatchObject({ activityId: memoryCafe.id, reason: 'other' });
    newer.close();
  });
});
