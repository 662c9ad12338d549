// The receiver behind `npm start`, over real HTTP on 127.0.0.1: what it accepts and refuses (contract, size, type),
// deduplication by id (also after a restart), the data file and its permissions, CORS, and the faults tests inject.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppServer, type RunningServer } from '../../scripts/server/app-server';
import { createReferralReceiver, type ReceiverOptions, type ReferralReceiver } from '../../scripts/server/referrals';
import type { ReferralBody } from '../../src/referral/contract';

const ID = '0f8c2f9e-6a0e-4a4b-9a39-1f7c8a0e2b11';

function referral(id = ID): ReferralBody {
  return {
    id,
    createdAt: '2026-11-23T10:04:00Z',
    locale: 'ur',
    for: 'self',
    person: { name: 'Rani Begum', phone: '07700900982', preferredLanguage: 'ur', interpreter: true, over18: true },
    contact: { methods: ['phone'], bestTimes: ['morning'], canLeaveMessage: false },
    interests: [{ activityId: 'knit-and-natter-werneth', name: 'Knit and Natter' }],
    about: 'Company',
    consent: { shareWithHub: true, healthInformation: true, statement: 'I agree', at: '2026-11-23T10:03:40Z' },
    app: { version: '1.0.0', feedGenerated: '2026-11-20T09:00:00Z' },
  };
}

let dir: string;
let server: RunningServer;
let receiver: ReferralReceiver;

async function start(options: ReceiverOptions = {}): Promise<void> {
  receiver = createReferralReceiver({ dataFile: join(dir, 'nested', 'referrals.jsonl'), ...options });
  server = await startAppServer({ root: dir, referrals: receiver });
}

function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const id = (body as { id?: unknown } | null)?.id;
  return fetch(`${server.url}/api/referrals`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(typeof id === 'string' ? { 'Idempotency-Key': id } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tc-receiver-'));
  await start();
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('receiving referrals', () => {
  it('stores a valid referral as one JSON line in a file only its owner can read, and answers 201 with a reference', async () => {
    const response = await post(referral());
    expect(response.status).toBe(201);
    const { reference } = (await response.json()) as { reference: string };
    expect(reference).toMatch(/^OSP-\d{4,6}$/);
    const stored = await receiver.stored();
    expect(stored).toEqual([{ receivedAt: expect.any(String), reference, referral: referral() }]);
    expect(statSync(receiver.dataFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'nested')).mode & 0o777).toBe(0o700);
  });

  it('answers 409 with the first reference for a repeat, also after a restart, and stores it once', async () => {
    const first = (await (await post(referral())).json()) as { reference: string };
    const again = await post(referral());
    expect(again.status).toBe(409);
    await expect(again.json()).resolves.toMatchObject({ reference: first.reference });
    await server.close();
    await start();
    expect((await post(referral())).status).toBe(409);
    // Two copies at the same moment: one is stored.
    const other = referral('22222222-2222-4222-8222-222222222222');
    const statuses = (await Promise.all([post(other), post(other), post(other)])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409]);
    expect((await receiver.stored()).map((entry) => entry.referral.id)).toEqual([ID, other.id]);
  });

  it.each<[string, unknown, Record<string, string>, number]>([
    ['not JSON', '{"id":', {}, 400],
    ['no name', { ...referral(), person: { ...referral().person, name: '' } }, {}, 400],
    ['no consent to health information', { ...referral(), consent: { ...referral().consent, healthInformation: false } }, {}, 400],
    ['someone else without a referrer', { ...referral(), for: 'someone-else' }, {}, 400],
    ['an id that is not a UUID', { ...referral(), id: 'abc' }, {}, 400],
    ['an Idempotency-Key that is not the id', referral(), { 'Idempotency-Key': '33333333-3333-4333-8333-333333333333' }, 400],
    ['plain text', referral(), { 'Content-Type': 'text/plain' }, 415],
  ])('refuses %s', async (_, body, headers, status) => {
    const response = await post(body, headers);
    expect(response.status).toBe(status);
    expect(await receiver.stored()).toEqual([]);
  });

  it('says what is wrong, so the app can show it', async () => {
    const response = await post({ ...referral(), contact: { methods: [] } });
    expect(((await response.json()) as { message: string }).message).toContain('contact.methods');
  });

  it('refuses a body over the size limit with 413', async () => {
    const large = { ...referral(), about: 'x'.repeat(70 * 1024) };
    expect((await post(large)).status).toBe(413);
    await server.close();
    await start({ maxBytes: 1024 });
    expect((await post({ ...referral(), about: 'x'.repeat(2000) })).status).toBe(413);
    expect(await receiver.stored()).toEqual([]);
  });

  it('answers only POST and OPTIONS', async () => {
    const response = await fetch(`${server.url}/api/referrals`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST, OPTIONS');
  });
});

describe('CORS', () => {
  it('answers preflights for configured origins only, and refuses posts from any other origin', async () => {
    await server.close();
    await start({ allowedOrigins: ['https://hub.example.org'] });
    const preflight = await fetch(`${server.url}/api/referrals`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://hub.example.org', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://hub.example.org');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('Content-Type, Idempotency-Key');

    const allowed = await post(referral(), { Origin: 'https://hub.example.org' });
    expect(allowed.status).toBe(201);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://hub.example.org');

    const other = await fetch(`${server.url}/api/referrals`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect((await post(referral('44444444-4444-4444-8444-444444444444'), { Origin: 'https://evil.example' })).status).toBe(403);
    // The app's own origin needs no CORS.
    expect((await post(referral('55555555-5555-4555-8555-555555555555'), { Origin: server.url })).status).toBe(201);
    expect((await receiver.stored()).length).toBe(2);
  });
});

describe('faults for tests', () => {
  it('fails the next requests, then recovers; can store and still answer 500; can answer slowly', async () => {
    receiver.faults.status = 500;
    receiver.faults.times = 2;
    expect((await post(referral())).status).toBe(500);
    expect((await post(referral())).status).toBe(500);
    expect(await receiver.stored()).toEqual([]);
    expect((await post(referral())).status).toBe(201);

    const lost = referral('66666666-6666-4666-8666-666666666666');
    Object.assign(receiver.faults, { status: 503, afterStoring: true, times: 1 });
    expect((await post(lost)).status).toBe(503);
    expect((await post(lost)).status).toBe(409); // it was stored: the retry counts as delivered

    Object.assign(receiver.faults, { delayMs: 300, times: 1 });
    const started = Date.now();
    expect((await post(referral('77777777-7777-4777-8777-777777777777'))).status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(receiver.requestCount()).toBe(6);
  });
});
