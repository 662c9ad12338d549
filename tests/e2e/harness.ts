// Shared pieces for journeys: the built app on a free loopback port, and Debian's Chromium driven by playwright-core.
import { mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { startAppServer, type RunningServer } from '../../scripts/server/app-server';
import { ARTIFACTS, E2E_DIST } from './paths';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const PHONE = { width: 360, height: 780 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

export type Handler = (request: IncomingMessage, response: ServerResponse) => boolean | Promise<boolean>;

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A 256×256 tile of one colour, made here because the machine has no internet for real tiles. */
function plainTile(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(256, 0);
  header.writeUInt32BE(256, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(256 * 3, Buffer.from([0xe8, 0xe4, 0xd8]))]);
  const pixels = Buffer.concat(Array.from({ length: 256 }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

export const TILE_PNG = plainTile();

/** Serves the built app; `feed` replaces /feed.json (an object is sent as JSON, a string as it is). Tiles come from /test-tiles/. */
export function serveApp(options: { feed?: unknown; handle?: Handler; root?: string } = {}): Promise<RunningServer> {
  const { feed, handle, root = E2E_DIST } = options;
  return startAppServer({
    root,
    handle: async (request, response) => {
      if (handle && (await handle(request, response))) return true;
      if (request.url?.startsWith('/test-tiles/')) {
        response.writeHead(200, { 'Content-Type': 'image/png', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'max-age=86400' }).end(TILE_PNG);
        return true;
      }
      if (feed !== undefined && request.url?.split('?')[0] === '/feed.json') {
        const body = typeof feed === 'string' ? feed : JSON.stringify(feed);
        response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' }).end(body);
        return true;
      }
      return false;
    },
  });
}

/** A hub publishing its feed over time: `publish` changes what /feed.json answers, `requests` counts how often it was asked. */
export interface PublishedFeed {
  server: RunningServer;
  publish(body: string): void;
  requests(): number;
}

/** Serves the built app with a /feed.json that the test republishes (no-cache, as a hub's host would send it). */
export async function servePublishedFeed(first: string): Promise<PublishedFeed> {
  let body = first;
  let requests = 0;
  const server = await serveApp({
    handle: (request, response) => {
      if (request.url?.split('?')[0] !== '/feed.json') return false;
      requests += 1;
      response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' }).end(body);
      return true;
    },
  });
  const publish = (next: string): void => {
    body = next;
  };
  return { server, publish, requests: () => requests };
}

/** Waits until a service worker controls the page (the first one takes over the page that installed it). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), undefined, { timeout: 30_000 });
}

export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: PHONE, locale: 'en-GB', timezoneId: 'Europe/London', ...options });
}

/**
 * Collects what would tell a person something went wrong: page errors and console errors. Offline journeys may pass
 * `expectedFailedLoads`: requests to matching URLs that fail (map tiles nobody looked at before) are not counted.
 * Content-Security-Policy and Trusted Types violations count too: Chromium logs most of them as console errors, and
 * an init script turns every `securitypolicyviolation` event into one, so none goes unnoticed.
 */
export function watchErrors(page: Page, options: { expectedFailedLoads?: RegExp } = {}): string[] {
  const errors: string[] = [];
  void page
    .addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`securitypolicyviolation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`);
      });
    })
    .catch(() => undefined);
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const isExpected = options.expectedFailedLoads?.test(message.location().url) && message.text().startsWith('Failed to load resource');
    if (!isExpected) errors.push(`console: ${message.text()}`);
  });
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
