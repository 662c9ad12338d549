// Shared pieces for journeys: the built app on a free loopback port, and Debian's Chromium driven by playwright-core.
import { mkdirSync } from 'node:fs';
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

/** Serves the built app; `feed` replaces /feed.json (an object is sent as JSON, a string as it is). */
export function serveApp(options: { feed?: unknown; handle?: Handler } = {}): Promise<RunningServer> {
  const { feed, handle } = options;
  return startAppServer({
    root: E2E_DIST,
    handle: async (request, response) => {
      if (handle && (await handle(request, response))) return true;
      if (feed !== undefined && request.url?.split('?')[0] === '/feed.json') {
        const body = typeof feed === 'string' ? feed : JSON.stringify(feed);
        response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' }).end(body);
        return true;
      }
      return false;
    },
  });
}

export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: PHONE, locale: 'en-GB', timezoneId: 'Europe/London', ...options });
}

/** Collects what would tell a person something went wrong: page errors and console errors. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
