// The app's one IndexedDB database, through Dexie: its versioned schema, opening it only when first needed,
// and turning storage failures into three plain reasons the UI can explain. `src/favourites/` uses it, and the referral
// outbox (version 2), whose operations live in src/referral/outbox-core.ts as raw IndexedDB transactions because the
// service worker runs them too. Import it dynamically so the first screen never loads Dexie.
import Dexie, { type Table, type Transaction } from 'dexie';
import type { Activity, Text } from '../feed/schema';
import type { OutboxRecord } from '../referral/outbox-core';

export const DATABASE_NAME = 'thriving-communities';

/** An activity as the feed gave it when saved, with what is needed to show it after its listing has gone. */
export interface ActivitySnapshot {
  activity: Activity;
  venueName: Text | null;
  organisationName: Text | null;
  categoryNames: Text[];
  /** The feed's default language, for the feed's plain-string texts. */
  defaultLanguage: string;
  /** The area's time zone, in which the schedule's wall-clock times are meant. */
  timeZone: string;
}

export interface FavouriteRecord {
  activityId: string;
  /** When it was saved, as an ISO timestamp. */
  savedAt: string;
  snapshot: ActivitySnapshot;
}

interface SchemaVersion {
  version: number;
  /** Dexie's store syntax: the primary key first, then indexed fields. `null` deletes a store. */
  stores: Record<string, string | null>;
  /** Moves existing records into the new shape, when the version changes more than indexes. */
  upgrade?: (transaction: Transaction) => Promise<void>;
}

/**
 * Every schema this app has shipped, oldest first. To change the schema, append one entry (and a case in
 * tests/unit/storage-db.test.ts); never edit a shipped entry, as phones out there hold data in that shape.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  { version: 1, stores: { favourites: 'activityId, savedAt' } },
  // The referral outbox: referrals waiting to be sent (with their personal data), refused ones, and what is left of
  // delivered ones (no personal data). Keyed by the referral's own id, made once on the device.
  { version: 2, stores: { outbox: 'id, status' } },
];

class AppDatabase extends Dexie {
  favourites!: Table<FavouriteRecord, string>;
  outbox!: Table<OutboxRecord, string>;

  constructor(factory: IDBFactory, keyRange: typeof IDBKeyRange) {
    super(DATABASE_NAME, { indexedDB: factory, IDBKeyRange: keyRange });
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}

/** Why storage failed, in terms the UI can explain: private mode or no IndexedDB, no space left, or anything else. */
export type StorageFailure = 'unavailable' | 'full' | 'other';

export class StorageError extends Error {
  readonly reason: StorageFailure;

  constructor(reason: StorageFailure, cause: unknown) {
    super(`Storage failed (${reason}): ${describeError(cause)}`, { cause });
    this.name = 'StorageError';
    this.reason = reason;
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The names of an error and of the errors it wraps (Dexie keeps the browser's one as `inner`). */
function namesOf(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { name, inner, cause } = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof name === 'string') names.push(name);
    current = inner ?? cause;
  }
  return names;
}

const UNAVAILABLE_NAMES = ['MissingAPIError', 'InvalidStateError', 'SecurityError', 'InvalidAccessError'];

export function storageFailureOf(error: unknown, isOpening = false): StorageFailure {
  if (error instanceof StorageError) return error.reason;
  const names = namesOf(error);
  if (names.includes('QuotaExceededError')) return 'full';
  // Opening fails in private modes (Firefox: InvalidStateError; others: SecurityError) or when `indexedDB.open`
  // throws; whatever the cause, nothing can be kept on this device.
  if (isOpening || names.some((name) => UNAVAILABLE_NAMES.includes(name))) return 'unavailable';
  return 'other';
}

export type DatabaseEvent =
  /** Another tab needs a newer version: this tab has let go of the database and should be reloaded. */
  | 'versionchange'
  /** Opening waits for another tab that holds an older version open. */
  | 'blocked'
  /** Opening went ahead after being blocked. */
  | 'unblocked';

const listeners = new Set<(event: DatabaseEvent) => void>();

/** Tells the UI about events that need the person to do something; returns a function that stops listening. */
export function onDatabaseEvent(listener: (event: DatabaseEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(event: DatabaseEvent): void {
  for (const listener of listeners) listener(event);
}

let opening: Promise<AppDatabase> | null = null;
let hasLetGo = false;

async function open(): Promise<AppDatabase> {
  // Read at open time, not import time: private modes and tests may replace or remove it.
  const factory = globalThis.indexedDB as IDBFactory | undefined;
  const keyRange = globalThis.IDBKeyRange as typeof IDBKeyRange | undefined;
  if (!factory || !keyRange) throw new StorageError('unavailable', new Error('IndexedDB is missing'));
  let db: AppDatabase;
  try {
    db = new AppDatabase(factory, keyRange);
  } catch (error) {
    throw new StorageError('unavailable', error);
  }
  let wasBlocked = false;
  // Dexie's own handlers (which close the database and warn in the console) run first; ours tell the UI.
  db.on('versionchange', () => {
    db.close(); // and it stays closed: Dexie 3 does not open a closed database again on its next use
    hasLetGo = true;
    opening = null;
    emit('versionchange');
  });
  db.on('blocked', () => {
    wasBlocked = true;
    emit('blocked');
  });
  try {
    await db.open();
  } catch (error) {
    db.close();
    throw new StorageError(storageFailureOf(error, true), error);
  }
  if (wasBlocked) emit('unblocked');
  return db;
}

/** The open database, opened on first use; a failure is a StorageError, and the next call tries again. */
export function openDatabase(): Promise<AppDatabase> {
  if (hasLetGo) return Promise.reject(new StorageError('other', new Error('The database was closed for a newer version of the app; reload the page.')));
  opening ??= open().catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

/** Closes the database (tests, and before deleting it); the next call opens it again. */
export async function closeDatabase(): Promise<void> {
  const current = opening;
  opening = null;
  hasLetGo = false;
  if (!current) return;
  try {
    (await current).close();
  } catch {
    // It never opened: nothing to close.
  }
}

async function run<T>(operation: (db: AppDatabase) => Promise<T>): Promise<T> {
  const db = await openDatabase();
  try {
    return await operation(db);
  } catch (error) {
    throw new StorageError(storageFailureOf(error), error);
  }
}

/** All favourites, most recently saved first. */
export function readFavourites(): Promise<FavouriteRecord[]> {
  return run((db) => db.favourites.orderBy('savedAt').reverse().toArray());
}

/** Saves a favourite, replacing any record for the same activity. */
export function writeFavourite(record: FavouriteRecord): Promise<void> {
  return run(async (db) => {
    await db.favourites.put(record);
  });
}

export function deleteFavourite(activityId: string): Promise<void> {
  return run((db) => db.favourites.delete(activityId));
}

/**
 * The open database's IndexedDB connection, for the outbox operations in src/referral/outbox-core.ts (shared with the
 * service worker, which has no Dexie). Dexie still owns the schema, its versions and upgrades, and other tabs' events.
 */
export async function outboxConnection(): Promise<IDBDatabase> {
  return (await openDatabase()).backendDB();
}
