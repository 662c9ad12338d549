// The outbox in the page: queue a referral on Send (stored with strict durability before any network), deliver what is
// waiting on send, on reconnection, at start, when the app becomes visible again and on a backoff timer, and ask the
// service worker to deliver through Background Sync where the browser has it. State for the screens as signals.
import { signal } from '@preact/signals';
import type * as Database from '../storage/db';
import { isOnline } from '../pwa/network';
import {
  announceOutboxChange,
  deliverPending,
  OUTBOX_CHANNEL,
  OUTBOX_SYNC_TAG,
  putWaiting,
  readOutbox,
  removeRecord,
  type OutboxRecord,
  type WaitingRecord,
} from './outbox-core';
import { setPendingReferrals } from './pending-flag';

export type OutboxStatus = 'loading' | 'ready' | 'unavailable';

/** Every referral on this device, newest first. */
export const outboxRecords = signal<readonly OutboxRecord[]>([]);
export const outboxStatus = signal<OutboxStatus>('loading');
/** True while this page is sending. */
export const isSending = signal(false);

/** Who holds a lease: this page, for as long as it is open. */
const owner = `page-${crypto.randomUUID()}`;

let database: Promise<typeof Database> | null = null;

function storage(): Promise<typeof Database> {
  database ??= import('../storage/db').catch((error: unknown) => {
    database = null;
    throw error;
  });
  return database;
}

async function connection(): Promise<IDBDatabase> {
  return (await storage()).outboxConnection();
}

function newestFirst(a: OutboxRecord, b: OutboxRecord): number {
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
}

/** Reads the outbox again (after a change here, in another tab, or in the worker). */
export async function refreshOutbox(): Promise<void> {
  try {
    const records = await readOutbox(await connection());
    outboxRecords.value = records.sort(newestFirst);
    outboxStatus.value = 'ready';
    setPendingReferrals(records.some((record) => record.status === 'pending'));
  } catch {
    outboxStatus.value = 'unavailable';
  }
}

/** Asks the service worker to deliver when there is a connection, even if this page has closed by then. */
async function requestBackgroundSync(): Promise<void> {
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    const sync = (registration as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined)?.sync;
    await sync?.register(OUTBOX_SYNC_TAG);
  } catch {
    // No worker or no Background Sync: delivery still happens while the app is open.
  }
}

/**
 * Send: the referral is on disk (strict durability) before anything goes over the network. Returns false when the
 * device could not store it, so nothing was queued and the answers stay where they are.
 */
export async function queueReferral(record: WaitingRecord): Promise<boolean> {
  setPendingReferrals(true);
  try {
    await putWaiting(await connection(), record);
  } catch {
    await refreshOutbox();
    return false;
  }
  announceOutboxChange();
  await refreshOutbox();
  void requestBackgroundSync();
  void deliverPendingReferrals('send');
  return true;
}

export type DeliveryTrigger = 'send' | 'online' | 'start' | 'visible' | 'timer' | 'retry';

let running: Promise<void> | null = null;
let isRunAgainWanted = false;
let retryTimer: ReturnType<typeof setTimeout> | null = null;

/** Delivers every waiting referral. Calls during a run start one more run after it, never two at once. */
export function deliverPendingReferrals(trigger: DeliveryTrigger): Promise<void> {
  if (running) {
    isRunAgainWanted = true;
    return running;
  }
  running = (async () => {
    do {
      isRunAgainWanted = false;
      await deliverOnce(trigger);
    } while (isRunAgainWanted);
  })().finally(() => {
    running = null;
  });
  return running;
}

async function deliverOnce(trigger: DeliveryTrigger): Promise<void> {
  if (retryTimer !== null) clearTimeout(retryTimer);
  retryTimer = null;
  // Offline, an attempt cannot succeed; the 'online' event brings us back.
  if (!navigator.onLine) {
    await refreshOutbox();
    return;
  }
  isSending.value = true;
  try {
    const report = await deliverPending(await connection(), { owner, fetcher: (...args) => fetch(...args), force: trigger !== 'timer' });
    if (report.delivered + report.refused > 0) announceOutboxChange();
    if (report.waiting > 0) {
      void requestBackgroundSync();
      if (report.nextAttemptAt !== null) {
        retryTimer = setTimeout(() => void deliverPendingReferrals('timer'), Math.min(2 ** 31 - 1, Math.max(1000, report.nextAttemptAt - Date.now())));
      }
    }
  } catch {
    // The database could not be read: the screens say so through outboxStatus.
  } finally {
    isSending.value = false;
    await refreshOutbox();
  }
}

export async function deleteReferral(id: string): Promise<void> {
  await removeRecord(await connection(), id);
  announceOutboxChange();
  await refreshOutbox();
}

let hasStarted = false;

/** Starts delivery in this page: now, on reconnection, on becoming visible again, and on changes from elsewhere. */
export function startOutbox(): void {
  if (hasStarted) return;
  hasStarted = true;
  window.addEventListener('online', () => void deliverPendingReferrals('online'));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void deliverPendingReferrals('visible');
  });
  if (typeof BroadcastChannel !== 'undefined') {
    new BroadcastChannel(OUTBOX_CHANNEL).addEventListener('message', () => void refreshOutbox());
  }
  void deliverPendingReferrals('start');
}

/** Whether a waiting referral is held up only by the connection (the screens say 'it will go when you are back online'). */
export function isWaitingForConnection(): boolean {
  return !isOnline.value;
}
