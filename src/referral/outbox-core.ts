// The outbox's core, shared by pages and the service worker (so no DOM here: typed for both): the records, the
// IndexedDB operations on the 'outbox' store (declared in src/storage/db.ts, version 2), one delivery per the contract
// (referral-api.md), backoff, and the lease that stops two tabs, or a tab and the worker, sending the same one at once.
import type { Answers, Interest } from './types';
import type { ReferralBody } from './contract';

export const OUTBOX_STORE = 'outbox';
/** Background Sync tag the page registers and the service worker answers. */
export const OUTBOX_SYNC_TAG = 'tc-referral-outbox';
/** Pages and the worker say 'the outbox changed' here, so every open screen shows the latest state. */
export const OUTBOX_CHANNEL = 'tc-outbox';

/** Waits longer than this for an answer and the attempt counts as a timeout (then retried; the receiver deduplicates). */
export const REQUEST_TIMEOUT_MS = 15_000;
/** A claimed referral is left alone by others this long, which must outlast one request (where Web Locks are missing,
 *  this is also how long a sender that died mid-request holds it up). */
export const LEASE_MS = 20_000;
/** The Web Lock held while delivering: released by the browser the moment its holder closes or crashes. */
export const DELIVERY_LOCK = 'tc-referral-delivery';
export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_CAP_MS = 15 * 60_000;

export type RetryProblem = 'network' | 'timeout' | 'server';

/** A referral waiting to go, or refused by the receiver (kept, with its answers, so the person can correct it). */
export interface WaitingRecord {
  id: string;
  status: 'pending' | 'refused';
  /** The absolute endpoint the person agreed to send to, fixed when they pressed Send. */
  endpoint: string;
  body: ReferralBody;
  /** The answers as they were, so a refused referral can be corrected. */
  draft: Answers;
  createdAt: string;
  interests: Interest[];
  attempts: number;
  /** Epoch ms; the retry timer waits for it (reconnecting, starting, becoming visible do not). */
  nextAttemptAt: number;
  lastProblem: RetryProblem | null;
  refusal: { status: number; message: string } | null;
  leaseOwner: string | null;
  leaseUntil: number;
}

/** What stays on the device after delivery: no personal data. */
export interface DeliveredRecord {
  id: string;
  status: 'delivered';
  createdAt: string;
  deliveredAt: string;
  reference: string | null;
  interests: Interest[];
}

export type OutboxRecord = WaitingRecord | DeliveredRecord;

export type Outcome =
  | { kind: 'delivered'; reference: string | null }
  | { kind: 'refused'; status: number; message: string }
  | { kind: 'retry'; problem: RetryProblem };

/** Exponential backoff with jitter: attempt 1 waits 2.5–5 s, then 5–10 s, 10–20 s … up to 7.5–15 minutes. */
export function retryDelay(attempts: number, random: number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling * (0.5 + random / 2));
}

function referenceOf(value: unknown): string | null {
  const reference = (value as { reference?: unknown } | null)?.reference;
  return typeof reference === 'string' && reference.length > 0 && reference.length <= 60 ? reference : null;
}

async function jsonOf(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch {
    return null;
  }
}

/** One attempt, per the contract: 2xx and 409 delivered, other 4xx refused, 5xx / timeout / no network retried. */
export async function postReferral(endpoint: string, body: ReferralBody, fetcher: typeof fetch, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Outcome> {
  const controller = new AbortController();
  let hasTimedOut = false;
  const timer = setTimeout(() => {
    hasTimedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await fetcher(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': body.id },
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      signal: controller.signal,
    });
    const answer = await jsonOf(response);
    if (response.ok || response.status === 409) return { kind: 'delivered', reference: referenceOf(answer) };
    // 408 and 429 say 'later', not 'wrong': retried like a server error.
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
      const message = (answer as { message?: unknown; error?: unknown } | null)?.message ?? (answer as { error?: unknown } | null)?.error;
      return { kind: 'refused', status: response.status, message: typeof message === 'string' ? message.slice(0, 300) : '' };
    }
    return { kind: 'retry', problem: 'server' };
  } catch {
    return { kind: 'retry', problem: hasTimedOut ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}

// ---- IndexedDB, raw: the worker opens the same database without Dexie. Every write is a strict-durability
// transaction, so a referral the person has sent is on disk before anything goes over the network.

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function finished(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new DOMException('Transaction aborted', 'AbortError'));
  });
}

/** Reads and maybe rewrites one record in a single readwrite transaction: IndexedDB runs these one at a time across
 *  every tab and the worker, which is what makes claiming a lease safe. */
async function change<T>(db: IDBDatabase, id: string, decide: (record: OutboxRecord | undefined) => { write?: OutboxRecord; remove?: boolean; result: T }): Promise<T> {
  const transaction = db.transaction(OUTBOX_STORE, 'readwrite', { durability: 'strict' });
  const store = transaction.objectStore(OUTBOX_STORE);
  const isComplete = finished(transaction);
  const record = (await done(store.get(id))) as OutboxRecord | undefined;
  const decision = decide(record);
  if (decision.write) store.put(decision.write);
  else if (decision.remove) store.delete(id);
  await isComplete;
  return decision.result;
}

export async function readOutbox(db: IDBDatabase): Promise<OutboxRecord[]> {
  const transaction = db.transaction(OUTBOX_STORE, 'readonly');
  return (await done(transaction.objectStore(OUTBOX_STORE).getAll())) as OutboxRecord[];
}

/** Writes a newly sent (or corrected) referral; one already waiting or delivered with this id is left as it is. */
export function putWaiting(db: IDBDatabase, record: WaitingRecord): Promise<boolean> {
  return change(db, record.id, (existing) => (existing && existing.status !== 'refused' ? { result: false } : { write: record, result: true }));
}

export function removeRecord(db: IDBDatabase, id: string): Promise<void> {
  return change(db, id, () => ({ remove: true, result: undefined }));
}

/**
 * Takes a referral for delivery, unless it is not waiting, someone else holds it, or (without `force`) it is not due.
 * `isSoleSender`: the caller holds the delivery Web Lock, so any other lease was left by a sender that has gone.
 */
export function claim(db: IDBDatabase, id: string, owner: string, now: number, force: boolean, isSoleSender = false): Promise<WaitingRecord | null> {
  return change(db, id, (record) => {
    if (!record || record.status !== 'pending') return { result: null };
    if (!isSoleSender && record.leaseOwner !== null && record.leaseOwner !== owner && record.leaseUntil > now) return { result: null };
    if (!force && record.nextAttemptAt > now) return { result: null };
    const claimed: WaitingRecord = { ...record, leaseOwner: owner, leaseUntil: now + LEASE_MS };
    return { write: claimed, result: claimed };
  });
}

/** Records an attempt's outcome. Delivery is always recorded (it is the truth whoever learnt it); the rest only by the
 *  lease holder. Delivery replaces the record with one that holds no personal data. */
export function settle(db: IDBDatabase, id: string, owner: string, outcome: Outcome, now: number, random: number): Promise<OutboxRecord | null> {
  return change(db, id, (record) => {
    if (!record) return { result: null };
    if (outcome.kind === 'delivered') {
      if (record.status === 'delivered') return { result: record };
      const delivered: DeliveredRecord = {
        id: record.id,
        status: 'delivered',
        createdAt: record.createdAt,
        deliveredAt: new Date(now).toISOString(),
        reference: outcome.reference,
        interests: record.interests.map(({ activityId, name }) => ({ activityId, name })),
      };
      return { write: delivered, result: delivered };
    }
    if (record.status !== 'pending' || record.leaseOwner !== owner) return { result: record };
    const released = { ...record, leaseOwner: null, leaseUntil: 0 };
    if (outcome.kind === 'refused') {
      const refused: WaitingRecord = { ...released, status: 'refused', refusal: { status: outcome.status, message: outcome.message } };
      return { write: refused, result: refused };
    }
    const attempts = record.attempts + 1;
    const retry: WaitingRecord = { ...released, attempts, lastProblem: outcome.problem, nextAttemptAt: now + retryDelay(attempts, random) };
    return { write: retry, result: retry };
  });
}

export interface DeliveryOptions {
  owner: string;
  fetcher: typeof fetch;
  /** Attempt even those whose backoff has not run out (reconnecting, starting, becoming visible, Background Sync). */
  force: boolean;
  now?: () => number;
  random?: () => number;
  timeoutMs?: number;
}

export interface DeliveryReport {
  delivered: number;
  refused: number;
  /** Still waiting after this run (retried later). */
  waiting: number;
  /** The earliest time a waiting referral is due, or null when none waits. */
  nextAttemptAt: number | null;
}

/** How long a sender that found another one delivering waits before looking again. */
const BUSY_RECHECK_MS = 3_000;

/**
 * Tries every waiting referral once, one at a time. Where the browser has Web Locks (pages and workers alike), only one
 * sender at a time runs this, and one that finds another at work leaves it to them; the per-record lease is what keeps
 * senders apart without them.
 */
export async function deliverPending(db: IDBDatabase, options: DeliveryOptions): Promise<DeliveryReport> {
  const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
  if (!locks) return deliverEach(db, options, false);
  const report = await locks.request(DELIVERY_LOCK, { ifAvailable: true }, (lock) => (lock ? deliverEach(db, options, true) : null));
  if (report) return report;
  const waiting = (await readOutbox(db)).filter((record) => record.status === 'pending').length;
  const now = (options.now ?? Date.now)();
  return { delivered: 0, refused: 0, waiting, nextAttemptAt: waiting > 0 ? now + BUSY_RECHECK_MS : null };
}

async function deliverEach(db: IDBDatabase, options: DeliveryOptions, isSoleSender: boolean): Promise<DeliveryReport> {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const report: DeliveryReport = { delivered: 0, refused: 0, waiting: 0, nextAttemptAt: null };
  const noteWaiting = (at: number) => {
    report.waiting += 1;
    report.nextAttemptAt = report.nextAttemptAt === null ? at : Math.min(report.nextAttemptAt, at);
  };
  for (const record of await readOutbox(db)) {
    if (record.status !== 'pending') continue;
    const claimed = await claim(db, record.id, options.owner, now(), options.force, isSoleSender);
    if (!claimed) {
      // Held by another tab or the worker, or not due yet: look again when its lease or backoff runs out.
      noteWaiting(Math.max(record.nextAttemptAt, record.leaseUntil, now() + 1000));
      continue;
    }
    const outcome = await postReferral(claimed.endpoint, claimed.body, options.fetcher, options.timeoutMs);
    const settled = await settle(db, claimed.id, options.owner, outcome, now(), random());
    if (settled?.status === 'delivered') report.delivered += 1;
    else if (settled?.status === 'refused') report.refused += 1;
    else if (settled?.status === 'pending') noteWaiting(settled.nextAttemptAt);
  }
  return report;
}

/** Tells every open page (and the worker) that the outbox changed. */
export function announceOutboxChange(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(OUTBOX_CHANNEL);
  channel.postMessage({ type: 'changed' });
  channel.close();
}
