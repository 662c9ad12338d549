// The database module against fake-indexeddb: reading and writing favourites, upgrades from every shipped
// version, other tabs (versionchange, blocked), and failures as 'unavailable' / 'full' / 'other'.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkFeed } from '../../src/feed/check';
import type { Feed } from '../../src/feed/schema';
import { snapshotOf } from '../../src/favourites/saved';
import {
  closeDatabase,
  DATABASE_NAME,
  deleteFavourite,
  onDatabaseEvent,
  outboxConnection,
  readFavourites,
  SCHEMA_VERSIONS,
  StorageError,
  storageFailureOf,
  writeFavourite,
  type DatabaseEvent,
  type FavouriteRecord,
} from '../../src/storage/db';
import { at, FIXTURE_NOW, minimalFeed } from './fixtures';
import { putWaiting, readOutbox, type DeliveredRecord, type WaitingRecord } from '../../src/referral/outbox-core';
import { emptyAnswers } from '../../src/referral/answers';

const feed: Feed = checkFeed(minimalFeed(), { now: FIXTURE_NOW }).feed!;
const knit = at(feed.activities, 0);
const memoryCafe = at(feed.activities, 1);

function recordOf(activityIndex: number, savedAt: string): FavouriteRecord {
  const activity = at(feed.activities, activityIndex);
  return { activityId: activity.id, savedAt, snapshot: snapshotOf(activity, feed) };
}

/** Opens the database with plain IndexedDB, as any version of the app (or another tab) would find it. */
function openRaw(version: number, onUpgrade: (db: IDBDatabase, oldVersion: number, transaction: IDBTransaction) => void = () => {}): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE_NAME, version);
    request.onupgradeneeded = (event) => onUpgrade(request.result, event.oldVersion, request.transaction!);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function putRaw(db: IDBDatabase, storeName: string, records: readonly unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(storeName, 'readwrite');
    for (const record of records) transaction.objectStore(storeName).put(record);
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
}

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
});
afterEach(async () => {
  await closeDatabase();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('favourites in the database', () => {
  it('writes, lists newest first, replaces and deletes', async () => {
    await writeFavourite(recordOf(0, '2026-11-20T09:00:00.000Z'));
    await writeFavourite(recordOf(1, '2026-11-21T09:00:00.000Z'));
    expect((await readFavourites()).map((f) => f.activityId)).toEqual([memoryCafe.id, knit.id]);

    await writeFavourite(recordOf(0, '2026-11-22T09:00:00.000Z'));
    expect((await readFavourites()).map((f) => f.activityId)).toEqual([knit.id, memoryCafe.id]);

    await deleteFavourite(knit.id);
    const left = await readFavourites();
    expect(left.map((f) => f.activityId)).toEqual([memoryCafe.id]);
    expect(left[0]?.snapshot.activity.name).toBe('Memory Café');
    expect(left[0]?.snapshot.venueName).toBe('Oldham Library');
    expect(left[0]?.snapshot.organisationName).toBe('Age UK Oldham');
    expect(left[0]?.snapshot.timeZone).toBe('Europe/London');
  });

  it('keeps what was stored after the database is closed and opened again', async () => {
    await writeFavourite(recordOf(2, '2026-11-20T09:00:00.000Z'));
    await closeDatabase();
    expect(await readFavourites()).toEqual([recordOf(2, '2026-11-20T09:00:00.000Z')]);
  });
});

/**
 * Every schema version the app has shipped, written out here by hand as it exists on people's devices (Dexie
 * stores version n as IndexedDB version n × 10). When src/storage/db.ts gains a version, add a case: how that
 * version migrates from the one before, records as it stored them, and what the current module must read back.
 */
interface ShippedVersion {
  version: number;
  stores: Record<string, string | null>;
  migrate(db: IDBDatabase, transaction: IDBTransaction): void;
  records: Record<string, unknown[]>;
  check(): Promise<void>;
}

const V1_FAVOURITES = [recordOf(0, '2026-11-20T09:00:00.000Z'), recordOf(2, '2026-11-21T09:00:00.000Z')];

const V2_DELIVERED: DeliveredRecord = {
  id: '0f8c2f9e-6a0e-4a4b-9a39-1f7c8a0e2b11',
  status: 'delivered',
  createdAt: '2026-11-20T09:00:00.000Z',
  deliveredAt: '2026-11-20T09:00:05.000Z',
  reference: 'OSP-4821',
  interests: [{ activityId: knit.id, name: 'Knit and Natter' }],
};

const V2_WAITING: WaitingRecord = {
  id: '11111111-1111-4111-8111-111111111111',
  status: 'pending',
  endpoint: 'https://hub.example.org/api/referrals',
  body: {
    id: '11111111-1111-4111-8111-111111111111',
    createdAt: '2026-11-20T09:00:00.000Z',
    locale: 'en',
    for: 'self',
    person: { name: 'Rani Begum' },
    contact: { methods: ['email'], bestTimes: [] },
    interests: [],
    consent: { shareWithHub: true, healthInformation: true, statement: 'I agree', at: '2026-11-20T09:00:00.000Z' },
  },
  draft: emptyAnswers(),
  createdAt: '2026-11-20T09:00:00.000Z',
  interests: [],
  attempts: 0,
  nextAttemptAt: 0,
  lastProblem: null,
  refusal: null,
  leaseOwner: null,
  leaseUntil: 0,
};

const SHIPPED: ShippedVersion[] = [
  {
    version: 1,
    stores: { favourites: 'activityId, savedAt' },
    migrate(db) {
      db.createObjectStore('favourites', { keyPath: 'activityId' }).createIndex('savedAt', 'savedAt');
    },
    records: { favourites: V1_FAVOURITES },
    async check() {
      expect(await readFavourites()).toEqual([...V1_FAVOURITES].reverse());
    },
  },
  {
    // The referral outbox: a database left by version 1 keeps its favourites and gains an empty outbox.
    version: 2,
    stores: { outbox: 'id, status' },
    migrate(db) {
      db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('status', 'status');
    },
    records: { favourites: V1_FAVOURITES, outbox: [V2_DELIVERED] },
    async check() {
      expect(await readFavourites()).toEqual([...V1_FAVOURITES].reverse());
      expect(await readOutbox(await outboxConnection())).toEqual([V2_DELIVERED]);
    },
  },
];

describe('upgrading from version 1 to 2', () => {
  it('keeps the favourites and adds an empty outbox that takes referrals', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const raw = await openRaw(10, (db) => at(SHIPPED, 0).migrate(db, undefined as unknown as IDBTransaction));
    await putRaw(raw, 'favourites', V1_FAVOURITES);
    raw.close();
    expect(await readFavourites()).toEqual([...V1_FAVOURITES].reverse());
    const connection = await outboxConnection();
    expect(connection.version).toBe(20);
    expect(await readOutbox(connection)).toEqual([]);
    await putWaiting(connection, { ...V2_WAITING });
    expect((await readOutbox(connection)).map((record) => record.status)).toEqual(['pending']);
  });
});

describe('upgrades', () => {
  it('still declares every shipped version exactly as it shipped', () => {
    expect(SCHEMA_VERSIONS.slice(0, SHIPPED.length).map(({ version, stores }) => ({ version, stores }))).toEqual(
      SHIPPED.map(({ version, stores }) => ({ version, stores })),
    );
  });

  it.each(SHIPPED.map((shipped) => [shipped.version, shipped] as const))('opens a database left by version %i and keeps its data', async (version, shipped) => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const raw = await openRaw(version * 10, (db, oldVersion, transaction) => {
      for (const step of SHIPPED) if (step.version * 10 > oldVersion && step.version <= version) step.migrate(db, transaction);
    });
    for (const [storeName, records] of Object.entries(shipped.records)) await putRaw(raw, storeName, records);
    raw.close();

    await shipped.check();
    // Dexie warns 'SchemaDiff' when the stores on the device differ from the ones it declares.
    expect(warnings).not.toHaveBeenCalled();
  });
});

describe('other tabs', () => {
  it('lets go when another tab needs a newer version, tells the UI, and refuses further work until reloaded', async () => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const events: DatabaseEvent[] = [];
    const stop = onDatabaseEvent((event) => events.push(event));
    await writeFavourite(recordOf(0, '2026-11-20T09:00:00.000Z'));

    const newer = await openRaw((SCHEMA_VERSIONS.length + 1) * 10);
    expect(events).toEqual(['versionchange']);
    await expect(readFavourites()).rejects.toMatchObject({ name: 'StorageError', reason: 'other' });
    newer.close();
    stop();
    expect(warnings).toHaveBeenCalled();
  });

  it('says when opening waits for another tab holding an old version, and carries on once it closes', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const old = await openRaw(1);
    const events: DatabaseEvent[] = [];
    const stop = onDatabaseEvent((event) => events.push(event));
    const reading = readFavourites();
    await vi.waitFor(() => expect(events).toEqual(['blocked']));
    old.close();
    await expect(reading).resolves.toEqual([]);
    expect(events).toEqual(['blocked', 'unblocked']);
    stop();
  });
});

describe('failures', () => {
  it.each([
    ['there is no IndexedDB', () => undefined],
    [
      'indexedDB.open throws',
      () => ({
        open() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      }),
    ],
    [
      'opening fails with InvalidStateError (Firefox private browsing)',
      () => ({
        open() {
          const request: { error: DOMException | null; onerror: ((event: unknown) => void) | null } = { error: null, onerror: null };
          setTimeout(() => {
            request.error = new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
            request.onerror?.({ target: request, type: 'error', preventDefault() {}, stopPropagation() {} });
          });
          return request;
        },
      }),
    ],
  ])("is 'unavailable' when %s", async (_, makeFactory) => {
    vi.stubGlobal('indexedDB', makeFactory());
    const failure = await readFavourites().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageError);
    expect((failure as StorageError).reason).toBe('unavailable');
    await expect(writeFavourite(recordOf(0, '2026-11-20T09:00:00.000Z'))).rejects.toMatchObject({ reason: 'unavailable' });
  });

  it("is 'full' when the device is out of space, and nothing is stored", async () => {
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(writeFavourite(recordOf(0, '2026-11-20T09:00:00.000Z'))).rejects.toMatchObject({ name: 'StorageError', reason: 'full' });
    vi.restoreAllMocks();
    expect(await readFavourites()).toEqual([]);
  });

  it('names the reason for errors as browsers and Dexie report them', () => {
    expect(storageFailureOf(new DOMException('', 'QuotaExceededError'))).toBe('full');
    expect(storageFailureOf({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe('full');
    expect(storageFailureOf({ name: 'OpenFailedError', inner: new DOMException('', 'SecurityError') })).toBe('unavailable');
    expect(storageFailureOf(new Error('anything'), true)).toBe('unavailable');
    expect(storageFailureOf(new DOMException('', 'DataError'))).toBe('other');
    expect(storageFailureOf(new StorageError('full', null))).toBe('full');
  });
});
