// The outbox against fake-indexeddb (through the real database module, schema version 2): one delivery per the
// contract, backoff with jitter, the state machine pending → delivered / refused / retried, personal data removed on
// delivery, and the lease that keeps two senders (tabs, the service worker) from sending one referral at once.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDatabase, outboxConnection } from '../../src/storage/db';
import {
  BACKOFF_CAP_MS,
  claim,
  deliverPending,
  LEASE_MS,
  postReferral,
  putWaiting,
  readOutbox,
  retryDelay,
  settle,
  type WaitingRecord,
} from '../../src/referral/outbox-core';
import { deliverFromWorker } from '../../src/referral/worker-delivery';
import { emptyAnswers } from '../../src/referral/answers';
import type { ReferralBody } from '../../src/referral/contract';

const NOW = Date.parse('2026-11-20T09:00:00Z');

function body(id: string): ReferralBody {
  return {
    id,
    createdAt: '2026-11-20T09:00:00.000Z',
    locale: 'en',
    for: 'self',
    person: { name: 'Rani Begum', phone: '07700900982' },
    contact: { methods: ['phone'], bestTimes: ['morning'], canLeaveMessage: false },
    interests: [{ activityId: 'knit-and-natter-werneth', name: 'Knit and Natter' }],
    about: 'Company',
    consent: { shareWithHub: true, healthInformation: true, statement: 'I agree', at: '2026-11-20T09:00:00.000Z' },
  };
}

function waiting(id: string): WaitingRecord {
  return {
    id,
    status: 'pending',
    endpoint: 'https://hub.example.org/api/referrals',
    body: body(id),
    draft: { ...emptyAnswers(), name: 'Rani Begum' },
    createdAt: '2026-11-20T09:00:00.000Z',
    interests: [{ activityId: 'knit-and-natter-werneth', name: 'Knit and Natter' }],
    attempts: 0,
    nextAttemptAt: 0,
    lastProblem: null,
    refusal: null,
    leaseOwner: null,
    leaseUntil: 0,
  };
}

const ID_A = '11111111-1111-4111-8111-111111111111';
const ID_B = '22222222-2222-4222-8222-222222222222';

type Answer = { status: number; body?: unknown } | 'network-error';

/** A fetch that answers from a script and records each request. */
function scriptedFetch(...answers: Answer[]) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetcher = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ url: String(url), init: init ?? {} });
    const answer = answers.shift() ?? { status: 201, body: { reference: 'OSP-1' } };
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status });
  });
  return { fetcher: fetcher as unknown as typeof fetch, requests };
}

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
});
afterEach(async () => {
  await closeDatabase();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('backoff', () => {
  it('doubles from 5 s with jitter between half and all of it, up to 15 minutes', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 1))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 0))).toEqual([2_500, 5_000, 10_000, 20_000]);
    expect(retryDelay(30, 1)).toBe(BACKOFF_CAP_MS);
    expect(retryDelay(30, 0)).toBe(BACKOFF_CAP_MS / 2);
  });
});

describe('one delivery attempt', () => {
  it('POSTs JSON with the Idempotency-Key, without cookies', async () => {
    const { fetcher, requests } = scriptedFetch({ status: 201, body: { reference: 'OSP-1234' } });
    await expect(postReferral('https://hub.example.org/api/referrals', body(ID_A), fetcher)).resolves.toEqual({ kind: 'delivered', reference: 'OSP-1234' });
    const [request] = requests;
    expect(request!.init.method).toBe('POST');
    expect(request!.init.headers).toEqual({ 'Content-Type': 'application/json', 'Idempotency-Key': ID_A });
    expect(request!.init.credentials).toBe('omit');
    expect(JSON.parse(String(request!.init.body))).toEqual(body(ID_A));
  });

  it.each<[string, Answer, unknown]>([
    ['204 without a body', { status: 204 }, { kind: 'delivered', reference: null }],
    ['409 (already received)', { status: 409, body: { reference: 'OSP-9' } }, { kind: 'delivered', reference: 'OSP-9' }],
    ['422', { status: 422, body: { message: 'person.name: Invalid' } }, { kind: 'refused', status: 422, message: 'person.name: Invalid' }],
    ['413', { status: 413, body: { error: 'too large' } }, { kind: 'refused', status: 413, message: 'too large' }],
    ['429 (later)', { status: 429 }, { kind: 'retry', problem: 'server' }],
    ['500', { status: 500 }, { kind: 'retry', problem: 'server' }],
    ['503', { status: 503 }, { kind: 'retry', problem: 'server' }],
    ['no network', 'network-error', { kind: 'retry', problem: 'network' }],
  ])('%s', async (_, answer, outcome) => {
    const { fetcher } = scriptedFetch(answer);
    await expect(postReferral('/api/referrals', body(ID_A), fetcher)).resolves.toEqual(outcome);
  });

  it('gives up waiting after the timeout and retries later', async () => {
    vi.useFakeTimers();
    const fetcher = ((_url: string, init: RequestInit) =>
      new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as unknown as typeof fetch;
    const attempt = postReferral('/api/referrals', body(ID_A), fetcher, 15_000);
    await vi.advanceTimersByTimeAsync(14_999);
    let isSettled = false;
    void attempt.then(() => (isSettled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(isSettled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(attempt).resolves.toEqual({ kind: 'retry', problem: 'timeout' });
  });
});

describe('the outbox state machine', () => {
  it('is written before any network, retries with backoff, and on delivery keeps only the reference, date and activity names', async () => {
    const db = await outboxConnection();
    await putWaiting(db, waiting(ID_A));
    expect(await readOutbox(db)).toEqual([waiting(ID_A)]);

    let now = NOW;
    const { fetcher, requests } = scriptedFetch({ status: 500 }, 'network-error', { status: 201, body: { reference: 'OSP-4821' } });
    const options = { owner: 'tab-1', fetcher, force: false, now: () => now, random: () => 1 };

    expect(await deliverPending(db, options)).toEqual({ delivered: 0, refused: 0, waiting: 1, nextAttemptAt: NOW + 5_000 });
    expect(await readOutbox(db)).toEqual([{ ...waiting(ID_A), attempts: 1, lastProblem: 'server', nextAttemptAt: NOW + 5_000 }]);

    // Not due yet: the timer's run leaves it alone (no request); a forced run (reconnecting, starting) would not.
    now += 4_000;
    expect((await deliverPending(db, options)).waiting).toBe(1);
    expect(requests).toHaveLength(1);

    now += 1_000;
    expect(await deliverPending(db, options)).toMatchObject({ waiting: 1, nextAttemptAt: now + 10_000 });
    expect((await readOutbox(db))[0]).toMatchObject({ attempts: 2, lastProblem: 'network' });

    expect(await deliverPending(db, { ...options, force: true })).toEqual({ delivered: 1, refused: 0, waiting: 0, nextAttemptAt: null });
    expect(requests).toHaveLength(3);
    const stored = await readOutbox(db);
    expect(stored).toEqual([
      { id: ID_A, status: 'delivered', createdAt: '2026-11-20T09:00:00.000Z', deliveredAt: new Date(now).toISOString(), reference: 'OSP-4821', interests: [{ activityId: 'knit-and-natter-werneth', name: 'Knit and Natter' }] },
    ]);
    expect(JSON.stringify(stored)).not.toMatch(/Rani|07700|Company/);

    // Nothing more to send, and Send pressed again (after a crash, say) does not bring the personal data back.
    expect(await deliverPending(db, options)).toEqual({ delivered: 0, refused: 0, waiting: 0, nextAttemptAt: null });
    expect(await putWaiting(db, waiting(ID_A))).toBe(false);
    expect((await readOutbox(db))[0]?.status).toBe('delivered');
  });

  it('keeps a refused referral with its answers, not retried, and accepts the corrected one under the same id', async () => {
    const db = await outboxConnection();
    await putWaiting(db, waiting(ID_A));
    const { fetcher, requests } = scriptedFetch({ status: 400, body: { message: 'person.phone: Invalid' } });
    expect(await deliverPending(db, { owner: 'tab-1', fetcher, force: true })).toMatchObject({ refused: 1, waiting: 0 });
    expect((await readOutbox(db))[0]).toMatchObject({ status: 'refused', refusal: { status: 400, message: 'person.phone: Invalid' }, draft: { name: 'Rani Begum' } });
    await deliverPending(db, { owner: 'tab-1', fetcher, force: true });
    expect(requests).toHaveLength(1);
    expect(await putWaiting(db, { ...waiting(ID_A), body: { ...body(ID_A), about: 'Corrected' } })).toBe(true);
    expect((await readOutbox(db))[0]).toMatchObject({ status: 'pending', body: { about: 'Corrected' } });
  });

  it('lets one sender at a time hold a referral, and another take over once the lease has run out', async () => {
    const db = await outboxConnection();
    await putWaiting(db, waiting(ID_A));
    expect(await claim(db, ID_A, 'tab-1', NOW, true)).toMatchObject({ leaseOwner: 'tab-1', leaseUntil: NOW + LEASE_MS });
    expect(await claim(db, ID_A, 'worker', NOW + 1_000, true)).toBeNull();
    // The holder's late failure is recorded; another's is ignored.
    expect(await settle(db, ID_A, 'worker', { kind: 'retry', problem: 'server' }, NOW + 2_000, 0)).toMatchObject({ attempts: 0, leaseOwner: 'tab-1' });
    // The tab crashed: after the lease another sender may go.
    expect(await claim(db, ID_A, 'worker', NOW + LEASE_MS + 1, true)).toMatchObject({ leaseOwner: 'worker' });
    // Delivery is recorded whoever learns of it (it is true whoever sent it).
    expect(await settle(db, ID_A, 'tab-1', { kind: 'delivered', reference: 'OSP-7' }, NOW + LEASE_MS + 2, 0)).toMatchObject({ status: 'delivered', reference: 'OSP-7' });
    expect(await claim(db, ID_A, 'worker', NOW + LEASE_MS + 3, true)).toBeNull();
  });

  it('two senders at once (two tabs, or a tab and the worker) send each referral once', async () => {
    const db = await outboxConnection();
    await putWaiting(db, waiting(ID_A));
    await putWaiting(db, waiting(ID_B));
    const seen: string[] = [];
    const slowFetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      seen.push(JSON.parse(String(init?.body)).id as string);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return new Response(JSON.stringify({ reference: `OSP-${seen.length}` }), { status: 201 });
    }) as typeof fetch;
    const reports = await Promise.all([
      deliverPending(db, { owner: 'tab-1', fetcher: slowFetch, force: true }),
      deliverPending(db, { owner: 'tab-2', fetcher: slowFetch, force: true }),
      deliverFromWorker(indexedDB, slowFetch).catch(() => null),
    ]);
    expect(seen.sort()).toEqual([ID_A, ID_B]);
    expect(reports.reduce((sum, report) => sum + (report?.delivered ?? 0), 0)).toBe(2);
    expect((await readOutbox(db)).map((record) => record.status)).toEqual(['delivered', 'delivered']);
  });

  it('runs the retry timer with fake timers: a 500, then delivered once the backoff has passed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(NOW);
    const db = await outboxConnection();
    await putWaiting(db, waiting(ID_A));
    const { fetcher, requests } = scriptedFetch({ status: 503 }, { status: 201, body: { reference: 'OSP-2' } });
    const run = () => deliverPending(db, { owner: 'tab-1', fetcher, force: false, random: () => 0 });
    const first = await run();
    expect(first.nextAttemptAt).toBe(NOW + 2_500);
    // What the page does: wait for the earliest due time, then run again.
    let second: Awaited<ReturnType<typeof run>> | null = null;
    setTimeout(() => void run().then((report) => (second = report)), first.nextAttemptAt! - Date.now());
    await vi.advanceTimersByTimeAsync(2_499);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(second).toMatchObject({ delivered: 1 }));
    expect(requests).toHaveLength(2);
  });
});

describe('the service worker', () => {
  it('does nothing when the app has never created its database, and never creates one', async () => {
    const { fetcher, requests } = scriptedFetch();
    await expect(deliverFromWorker(indexedDB, fetcher)).resolves.toBeNull();
    expect(requests).toHaveLength(0);
    expect((await indexedDB.databases()).map((db) => db.name)).toEqual([]);
  });

  it('delivers what waits, and fails the sync (so the browser retries it) while something still waits', async () => {
    const db = await outboxConnection();
    await putWaiting(db, waiting(ID_A));
    await expect(deliverFromWorker(indexedDB, scriptedFetch({ status: 500 }).fetcher)).rejects.toThrow('still waiting');
    await expect(deliverFromWorker(indexedDB, scriptedFetch({ status: 201, body: { reference: 'OSP-3' } }).fetcher)).resolves.toMatchObject({ delivered: 1 });
    expect((await readOutbox(db))[0]).toMatchObject({ status: 'delivered', reference: 'OSP-3' });
  });
});
