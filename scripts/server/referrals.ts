// The referral receiver behind `npm start`: POST/OPTIONS /api/referrals, per ../shared/referral-api.md. It checks each
// body against the contract (src/referral/contract.ts), limits its size, deduplicates by id (409 for a repeat), appends
// each new referral as one JSON line to a local file readable only by its owner, and answers with a reference.
// Tests control `faults` to make it fail or answer slowly.
import { randomInt } from 'node:crypto';
import { appendFile, mkdir, open, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, resolve } from 'node:path';
import * as v from 'valibot';
import { ReferralBodySchema, type ReferralBody } from '../../src/referral/contract';

export const REFERRALS_PATH = '/api/referrals';
export const DEFAULT_DATA_FILE = '.data/referrals.jsonl';
export const DEFAULT_MAX_BYTES = 64 * 1024;

/** What tests switch on to see the app cope: every field is read per request, so a test can change them at any time. */
export interface ReceiverFaults {
  /** Answer this status (e.g. 500) instead of storing; with `afterStoring`, store first and then answer it (a lost answer). */
  status?: number;
  afterStoring?: boolean;
  /** How many requests the fault applies to (then it clears itself); unset means every request. */
  times?: number;
  /** Wait this long before answering. */
  delayMs?: number;
}

export interface ReceiverOptions {
  /** The JSON-lines file; default `.data/referrals.jsonl` (or REFERRALS_FILE). */
  dataFile?: string;
  /** Origins other than the app's own that may send (CORS), e.g. a hub's own copy of the app. */
  allowedOrigins?: readonly string[];
  maxBytes?: number;
  faults?: ReceiverFaults;
  /** The start of each reference, e.g. 'OSP' for 'OSP-4821'. */
  referencePrefix?: string;
}

export interface StoredReferral {
  receivedAt: string;
  reference: string;
  referral: ReferralBody;
}

export interface ReferralReceiver {
  /** Answers /api/referrals; returns false for any other request. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  /** Changed by tests while the server runs. */
  faults: ReceiverFaults;
  dataFile: string;
  /** Every referral in the data file, in the order received. */
  stored(): Promise<StoredReferral[]>;
  /** How many POSTs arrived (accepted, repeated, refused or failed). */
  requestCount(): number;
}

class TooLarge extends Error {}

function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      reject(new TooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new TooLarge());
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolveBody(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

async function readStored(dataFile: string): Promise<StoredReferral[]> {
  let text: string;
  try {
    text = await readFile(dataFile, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as StoredReferral);
}

export function createReferralReceiver(options: ReceiverOptions = {}): ReferralReceiver {
  const dataFile = resolve(options.dataFile ?? process.env.REFERRALS_FILE ?? DEFAULT_DATA_FILE);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const allowedOrigins = new Set(options.allowedOrigins ?? []);
  const prefix = options.referencePrefix ?? 'OSP';
  const faults: ReceiverFaults = options.faults ?? {};
  let requests = 0;

  // id → reference of every referral in the file; read once, then kept up to date in memory (one process writes it).
  let known: Promise<Map<string, string>> | null = null;
  const knownIds = () => {
    known ??= (async () => {
      await mkdir(dirname(dataFile), { recursive: true, mode: 0o700 });
      // Created readable by its owner only: it holds people's names, contact details and health information.
      await (await open(dataFile, 'a', 0o600)).close();
      return new Map((await readStored(dataFile)).map((entry) => [entry.referral.id, entry.reference]));
    })();
    return known;
  };

  function newReference(ids: Map<string, string>): string {
    const used = new Set(ids.values());
    for (;;) {
      const reference = `${prefix}-${randomInt(1000, 1_000_000)}`;
      if (!used.has(reference)) return reference;
    }
  }

  function corsHeaders(request: IncomingMessage): Record<string, string> | null {
    const origin = request.headers.origin;
    if (origin === undefined) return {};
    const host = request.headers.host;
    const isSameOrigin = host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
    if (isSameOrigin) return {};
    if (!allowedOrigins.has(origin)) return null;
    return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  }

  function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = body === null ? '' : JSON.stringify(body);
    response.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': String(Buffer.byteLength(text)) });
    response.end(text);
  }

  function takeFault(): ReceiverFaults | null {
    if (faults.status === undefined && faults.delayMs === undefined) return null;
    const taken = { ...faults };
    if (faults.times !== undefined) {
      faults.times -= 1;
      if (faults.times <= 0) {
        delete faults.status;
        delete faults.afterStoring;
        delete faults.delayMs;
        delete faults.times;
      }
    }
    return taken;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== REFERRALS_PATH) return false;
    const cors = corsHeaders(request);
    if (request.method === 'OPTIONS') {
      if (cors === null) {
        send(response, 403, { error: 'origin not allowed' });
        return true;
      }
      response.writeHead(204, {
        ...cors,
        'Access-Control-Allow-Methods': 'POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
        'Access-Control-Max-Age': '600',
      });
      response.end();
      return true;
    }
    if (request.method !== 'POST') {
      send(response, 405, { error: 'use POST' }, { Allow: 'POST, OPTIONS' });
      return true;
    }
    requests += 1;
    if (cors === null) {
      send(response, 403, { error: 'origin not allowed' });
      return true;
    }
    const fault = takeFault();
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault?.status !== undefined && !fault.afterStoring) {
      send(response, fault.status, { error: 'injected failure' }, cors);
      return true;
    }
    if (!String(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      send(response, 415, { error: 'send application/json' }, cors);
      return true;
    }
    let raw: Buffer;
    try {
      raw = await readBody(request, maxBytes);
    } catch (error) {
      if (error instanceof TooLarge) {
        send(response, 413, { error: `the referral is larger than ${maxBytes} bytes` }, { ...cors, Connection: 'close' });
        return true;
      }
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      send(response, 400, { error: 'not JSON' }, cors);
      return true;
    }
    const checked = v.safeParse(ReferralBodySchema, json);
    if (!checked.success) {
      const issues = checked.issues.slice(0, 5).map((issue) => `${v.getDotPath(issue) ?? '(body)'}: ${issue.message}`);
      send(response, 400, { error: 'invalid referral', message: issues.join('; '), issues }, cors);
      return true;
    }
    const referral = checked.output;
    const key = request.headers['idempotency-key'];
    if (key !== undefined && key !== referral.id) {
      send(response, 400, { error: 'Idempotency-Key must be the referral id', message: 'Idempotency-Key must be the referral id' }, cors);
      return true;
    }
    const ids = await knownIds();
    const earlier = ids.get(referral.id);
    if (earlier !== undefined) {
      send(response, 409, { error: 'already received', reference: earlier }, cors);
      return true;
    }
    // Claimed in memory before the write, so two copies arriving together store one.
    const reference = newReference(ids);
    ids.set(referral.id, reference);
    const entry: StoredReferral = { receivedAt: new Date().toISOString(), reference, referral };
    try {
      await appendFile(dataFile, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    } catch (error) {
      ids.delete(referral.id);
      throw error;
    }
    if (fault?.status !== undefined) {
      send(response, fault.status, { error: 'injected failure after storing' }, cors);
      return true;
    }
    send(response, 201, { reference }, cors);
    return true;
  }

  return {
    handle,
    faults,
    dataFile,
    stored: () => readStored(dataFile),
    requestCount: () => requests,
  };
}
