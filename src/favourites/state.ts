// Favourites: the activities a person has saved on this device, as signals, and the small actions that change them.
// The database module (and Dexie with it) is imported only when favourites are first needed, never by the first screen.
import { computed, signal } from '@preact/signals';
import type { Activity, Feed } from '../feed/schema';
import type * as Database from '../storage/db';
import type { DatabaseEvent, FavouriteRecord, StorageFailure } from '../storage/db';
import { isUsableRecord, snapshotOf } from './saved';
import { mayHaveSavedFavourites, setHasSavedFavourites } from './saved-flag';

export type FavouritesStatus = 'loading' | 'ready' | 'unavailable' | 'full';

/** Saved activities, most recently saved first. */
export const favourites = signal<readonly FavouriteRecord[]>([]);
export const favouriteIds = computed(() => new Set(favourites.value.map((favourite) => favourite.activityId)));
export const favouritesStatus = signal<FavouritesStatus>('loading');

/** The last change that could not be kept on the device, shown next to the control that asked for it. */
export interface FavouriteFailure {
  activityId: string;
  action: 'save' | 'remove';
  reason: StorageFailure;
}
export const favouriteFailure = signal<FavouriteFailure | null>(null);

/** What the polite live region says; `id` changes every time, so saying the same words twice is announced twice. */
export const favouriteAnnouncement = signal<{ kind: 'saved' | 'removed'; id: number } | null>(null);

/** Something the person has to do for the database: reload (another tab has a newer version) or close other tabs. */
export const databaseNotice = signal<'reload' | 'blocked' | null>(null);

let database: Promise<typeof Database> | null = null;

function storage(): Promise<typeof Database> {
  database ??= import('../storage/db').then(
    (module) => {
      module.onDatabaseEvent(noteDatabaseEvent);
      return module;
    },
    (error: unknown) => {
      database = null;
      throw error;
    },
  );
  return database;
}

/**
 * Downloads the database code ahead of need, on the screens where the person may save or send (it is not precached:
 * most first visits never use it), so that the service worker keeps it and saving works offline from then on.
 */
export function prepareStorage(): Promise<void> {
  return storage().then(
    () => undefined,
    () => undefined,
  );
}

function noteDatabaseEvent(event: DatabaseEvent): void {
  if (event === 'versionchange') databaseNotice.value = 'reload';
  else if (event === 'blocked') databaseNotice.value = 'blocked';
  else if (databaseNotice.value === 'blocked') databaseNotice.value = null;
}

async function failureOf(error: unknown): Promise<StorageFailure> {
  try {
    return (await storage()).storageFailureOf(error);
  } catch {
    return 'other';
  }
}

/**
 * Saves and removals on their way to the database, written to localStorage at once (a synchronous write, done before
 * the tap's answer shows): the first save downloads the database code, and a reload or a closed tab in that time must
 * not lose what the person saw saved. Each entry is dropped once the database has it; what is left is written to the
 * database the next time favourites are read (at every start). A record is a save, `null` a removal.
 */
export const JOURNAL_KEY = 'tc.favourites.pending';
type Journal = Record<string, FavouriteRecord | null>;

function readJournal(): Journal {
  try {
    const journal: unknown = JSON.parse(localStorage.getItem(JOURNAL_KEY) ?? '{}');
    return typeof journal === 'object' && journal !== null ? (journal as Journal) : {};
  } catch {
    return {};
  }
}

/** Notes a change on its way (a record or `null`), or drops the note (`undefined`) once the database has it. */
function note(activityId: string, change: FavouriteRecord | null | undefined): void {
  try {
    // An `undefined` entry is left out of the JSON: that is how a note is dropped.
    const journal = JSON.stringify({ ...readJournal(), [activityId]: change });
    if (journal === '{}') localStorage.removeItem(JOURNAL_KEY);
    else localStorage.setItem(JOURNAL_KEY, journal);
  } catch {
    // No localStorage (private modes) or none left: the change goes to the database alone, as it always does.
  }
}

let loading: Promise<void> | null = null;
/** Whether `loading` opens the database even when the flag says nothing is saved. */
let isLoadingThorough = false;

async function readFavourites(evenIfNoneSaved: boolean): Promise<void> {
  try {
    // Nothing saved on this device (the flag in saved-flag.ts): no need to download Dexie and open the database.
    if (!evenIfNoneSaved && !(await mayHaveSavedFavourites())) {
      if (favouritesStatus.value === 'loading') favouritesStatus.value = 'ready';
      return;
    }
    const database = await storage().catch(() => null);
    if (!database) {
      // The database code could not be downloaded (offline before it was ever needed): nothing can have been saved
      // unless the flag says so, and the next call tries again.
      loading = null;
      isLoadingThorough = false;
      favouritesStatus.value = (await mayHaveSavedFavourites()) ? 'unavailable' : 'ready';
      return;
    }
    for (const [activityId, change] of Object.entries(readJournal())) {
      // A change the last visit noted but did not see stored. One that fails now is given up: it would fail every time.
      await (change ? database.writeFavourite(change) : database.deleteFavourite(activityId)).catch(() => undefined);
      note(activityId, undefined);
    }
    const records = await database.readFavourites();
    favourites.value = records.filter(isUsableRecord);
    favouritesStatus.value = 'ready';
    setHasSavedFavourites(records.length > 0);
  } catch {
    // Whatever stops us reading them (usually private browsing), none can be shown or kept until the next try.
    favouritesStatus.value = 'unavailable';
    loading = null;
    isLoadingThorough = false;
  }
}

/**
 * Reads the saved favourites once (later calls share the first); after a failure, the next call tries again.
 * `evenIfNoneSaved` (the Favourites screen) opens the database even when nothing is saved, to say whether this device
 * can keep favourites at all; otherwise a device with nothing saved never loads the database code.
 */
export function loadFavourites({ evenIfNoneSaved = false }: { evenIfNoneSaved?: boolean } = {}): Promise<void> {
  if (loading && (isLoadingThorough || !evenIfNoneSaved)) return loading;
  isLoadingThorough = evenIfNoneSaved;
  const current = (loading ?? Promise.resolve()).then(() => readFavourites(evenIfNoneSaved));
  loading = current;
  return current;
}

let hasAskedToPersist = false;

/** Asks the browser, once, not to clear our storage when space runs low (Firefox may ask the person; Chrome decides itself). */
function askToPersistOnce(): void {
  if (hasAskedToPersist) return;
  hasAskedToPersist = true;
  const storageManager = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (typeof storageManager?.persist !== 'function') return;
  storageManager.persist().catch(() => false);
}

/** Activities with a save or removal on its way to the database; another tap waits for it to finish. */
const pending = new Set<string>();

function announce(kind: 'saved' | 'removed'): void {
  favouriteAnnouncement.value = { kind, id: (favouriteAnnouncement.value?.id ?? 0) + 1 };
}

function fail(failure: FavouriteFailure): void {
  favouriteFailure.value = failure;
  if (failure.reason === 'full') favouritesStatus.value = 'full';
  else if (failure.reason === 'unavailable') favouritesStatus.value = 'unavailable';
}

function bySavedAtNewestFirst(a: FavouriteRecord, b: FavouriteRecord): number {
  return a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0;
}

/** Saves an activity, or removes it when it is already saved. */
export async function toggleFavourite(activity: Activity, feed: Feed): Promise<void> {
  if (favouriteIds.value.has(activity.id)) await removeFavourite(activity.id);
  else await saveFavourite(activity, feed);
}

/** Keeps a snapshot of the activity as the feed gives it now, so it can be shown even after it leaves the feed. */
export async function saveFavourite(activity: Activity, feed: Feed): Promise<void> {
  const activityId = activity.id;
  // Guard: one change at a time per activity, and only when the device can keep anything at all.
  if (pending.has(activityId)) return;
  if (databaseNotice.value === 'reload') return fail({ activityId, action: 'save', reason: 'other' });
  pending.add(activityId);
  try {
    await loadFavourites();
    if (favouritesStatus.value === 'unavailable') return fail({ activityId, action: 'save', reason: 'unavailable' });
    if (favouriteIds.value.has(activityId)) return;

    const record: FavouriteRecord = { activityId, savedAt: new Date().toISOString(), snapshot: snapshotOf(activity, feed) };
    favourites.value = [record, ...favourites.value];
    favouriteFailure.value = null;
    askToPersistOnce();
    // Before the write: a reload or a crash while the database code downloads must not lose or hide what was saved.
    note(activityId, record);
    setHasSavedFavourites(true);
    try {
      await (await storage()).writeFavourite(record);
      if (favouritesStatus.value === 'full') favouritesStatus.value = 'ready';
      announce('saved');
    } catch (error) {
      favourites.value = favourites.value.filter((favourite) => favourite !== record);
      fail({ activityId, action: 'save', reason: await failureOf(error) });
    }
    note(activityId, undefined);
  } finally {
    pending.delete(activityId);
  }
}

export async function removeFavourite(activityId: string): Promise<void> {
  if (pending.has(activityId)) return;
  if (databaseNotice.value === 'reload') return fail({ activityId, action: 'remove', reason: 'other' });
  const removed = favourites.value.find((favourite) => favourite.activityId === activityId);
  if (!removed) return;
  pending.add(activityId);
  favourites.value = favourites.value.filter((favourite) => favourite !== removed);
  favouriteFailure.value = null;
  note(activityId, null);
  try {
    await (await storage()).deleteFavourite(activityId);
    if (favourites.value.length === 0) setHasSavedFavourites(false);
    // Removing frees space, so saving may work again.
    if (favouritesStatus.value === 'full') favouritesStatus.value = 'ready';
    announce('removed');
  } catch (error) {
    favourites.value = [...favourites.value, removed].sort(bySavedAtNewestFirst);
    fail({ activityId, action: 'remove', reason: await failureOf(error) });
  } finally {
    note(activityId, undefined);
    pending.delete(activityId);
  }
}
