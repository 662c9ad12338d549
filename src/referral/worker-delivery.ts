// Delivery from the service worker (Background Sync): opens the app's database with plain IndexedDB, only if it exists
// and already has the outbox, delivers what is waiting, and lets go of the database at once.
import { announceOutboxChange, deliverPending, OUTBOX_STORE, type DeliveryReport } from './outbox-core';

/** Must match src/storage/db.ts (the worker does not load Dexie). */
const DATABASE_NAME = 'thriving-communities';

function openExisting(factory: IDBFactory): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const request = factory.open(DATABASE_NAME);
    // No database yet: never create one here (the page's Dexie creates it with the right schema).
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(OUTBOX_STORE)) {
        db.close();
        resolve(null);
        return;
      }
      // A newer version of the app wants to upgrade: get out of its way.
      db.onversionchange = () => db.close();
      resolve(db);
    };
  });
}

/** Delivers waiting referrals; rejects while some still wait, so the browser retries the sync later with its own backoff. */
export async function deliverFromWorker(factory: IDBFactory, fetcher: typeof fetch): Promise<DeliveryReport | null> {
  const db = await openExisting(factory);
  if (!db) return null;
  try {
    const report = await deliverPending(db, { owner: `worker-${crypto.randomUUID()}`, fetcher, force: true });
    if (report.delivered + report.refused > 0) announceOutboxChange();
    if (report.waiting > 0) throw new Error(`${report.waiting} referral(s) still waiting`);
    return report;
  } finally {
    db.close();
  }
}
