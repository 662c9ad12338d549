// The size budgets of issue 9, measured one way for both the tests (tests/e2e/first-screen.e2e.ts asserts them) and
// `npm run bench` (prints them): first-screen JavaScript ≤ 50 kB brotli, all JavaScript ≤ 150 kB brotli, a first
// visit to the sample town ≤ 150 kB compressed in all. Brotli at quality 11 is what scripts/vite/precompress.ts writes
// and the server sends; 1 kB = 1000 bytes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { brotli } from '../vite/precompress';
import { startAppServer, type RunningServer } from '../server/app-server';

export const BUDGETS = { firstScreen: 50_000, allJavaScript: 150_000, firstVisit: 150_000 } as const;

export const PHONE = { width: 360, height: 780 } as const;

export interface FileSize {
  path: string;
  bytes: number;
  /** How the server sent it (first visit only): 'br', 'gzip' or 'none'. */
  encoding?: string;
}

export interface Measured {
  total: number;
  files: FileSize[];
}

export function isScript(path: string): boolean {
  return /\.m?js$/.test(path);
}

/** The locale strings: JSON files under /assets/ (src/i18n/strings-files.ts). */
export function isStringsFile(path: string): boolean {
  return /^\/assets\/.+\.json$/.test(path);
}

export function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

function brotliBytes(dist: string, path: string): number {
  return brotli(readFileSync(join(dist, path))).length;
}

function measured(files: FileSize[]): Measured {
  return { total: files.reduce((sum, { bytes }) => sum + bytes, 0), files };
}

/** Every file under a folder, as a URL path ('/assets/x.js'), leaving out the precompressed copies. */
function filesUnder(root: string, folder = ''): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return filesUnder(root, path);
    return /\.(?:br|gz)$/.test(path) ? [] : [path];
  });
}

/**
 * Every JavaScript file the build emits, brotli. The service worker (sw.js) counts: it is JavaScript the phone
 * downloads and parses on every deploy. The strings are JSON files, not JavaScript, and are not counted here.
 */
export function measureAllJavaScript(dist: string): Measured {
  return measured(filesUnder(dist).filter(isScript).map((path) => ({ path, bytes: brotliBytes(dist, path) })).sort((a, b) => b.bytes - a.bytes));
}

export interface FirstScreen extends Measured {
  /** Every path the page fetched until the list was drawn and a second had passed (to check what was left out). */
  fetched: string[];
  /** Scripts and strings fetched after the list was drawn. */
  after: string[];
}

/**
 * What a phone with no service worker fetches before the first card of the list is drawn: the entry and the chunks it
 * preloads, any worker script, and the language's strings (JSON, but nothing can be drawn without them). The moment is
 * taken in the page, so no request is misplaced.
 */
export async function measureFirstScreen(browser: Browser, url: string, dist: string): Promise<FirstScreen> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB', timezoneId: 'Europe/London', serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('.card')) return;
        (window as unknown as { firstCardAt: number }).firstCardAt = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(url);
    await page.locator('.card').first().waitFor({ timeout: 30_000 });
    const beforeList = await page.evaluate(() => {
      const firstCardAt = (window as unknown as { firstCardAt: number }).firstCardAt;
      return performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime < firstCardAt)
        .map((entry) => new URL(entry.name).pathname);
    });
    await page.waitForTimeout(1000);
    const counted = (path: string) => isScript(path) || isStringsFile(path);
    const files = [...new Set(beforeList.filter(counted))].map((path) => ({ path, bytes: brotliBytes(dist, path) }));
    return { ...measured(files), fetched, after: [...new Set(fetched.filter((path) => counted(path) && !beforeList.includes(path)))] };
  } finally {
    await context.close();
  }
}

/** Wraps a request so the body bytes it is answered with (as sent: compressed when the browser takes it) are counted. */
function countAnswer(request: IncomingMessage, response: ServerResponse, answers: FileSize[]): void {
  const answer: FileSize = { path: new URL(request.url ?? '/', 'http://localhost').pathname, bytes: 0, encoding: 'none' };
  const { write, writeHead } = response;
  response.writeHead = ((...args: unknown[]) => {
    const headers = args.find((arg) => typeof arg === 'object' && arg !== null) as Record<string, string> | undefined;
    answer.encoding = headers?.['Content-Encoding'] ?? 'none';
    return (writeHead as (...all: unknown[]) => ServerResponse).apply(response, args);
  }) as typeof writeHead;
  response.write = ((...args: unknown[]) => {
    if (typeof args[0] === 'string' || Buffer.isBuffer(args[0])) answer.bytes += Buffer.byteLength(args[0]);
    return (write as (...all: unknown[]) => boolean).apply(response, args);
  }) as typeof write;
  response.on('finish', () => answers.push(answer));
}

/**
 * A first visit on a phone with the service worker allowed, counted at the server: the body bytes of every answer to
 * the page and to its worker, from the first request until the worker has installed (its precache), taken over, and
 * nothing has been asked for 2 seconds. Files a later request found in the HTTP cache cost nothing, as on a phone.
 * `serve` starts the server with the counting handler (the tests add their own test tiles and such).
 */
export async function measureFirstVisit(
  browser: Browser,
  serve: (handle: (request: IncomingMessage, response: ServerResponse) => boolean) => Promise<RunningServer>,
): Promise<Measured & { errors: string[] }> {
  const answers: FileSize[] = [];
  const server = await serve((request, response) => {
    countAnswer(request, response, answers);
    return false;
  });
  const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB', timezoneId: 'Europe/London' });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await page.locator('.card').first().waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), undefined, { timeout: 30_000 });
    let count = -1;
    while (count !== answers.length) {
      count = answers.length;
      await page.waitForTimeout(2000);
    }
    return { ...measured([...answers].sort((a, b) => b.bytes - a.bytes)), errors };
  } finally {
    await context.close();
    await server.close();
  }
}

function describe(label: string, figure: Measured, budget: number): string {
  const verdict = figure.total <= budget ? 'within' : `OVER by ${kB(figure.total - budget)}`;
  const files = figure.files.map(({ path, bytes, encoding }) => `    ${kB(bytes).padStart(9)}  ${path}${encoding && encoding !== 'none' ? ` (${encoding})` : ''}`);
  return [`${label}: ${kB(figure.total)} (budget ${kB(budget)}: ${verdict})`, ...files].join('\n');
}

/** `npm run bench`: measures the built app in `dist` (served as `npm start` serves it) and prints the three budgets. */
export async function printSizeBudgets(dist: string): Promise<void> {
  console.log('\nSize budgets (issue 9; brotli quality 11, 1 kB = 1000 bytes; first visit = bytes sent by the server):\n');
  if (!existsSync(join(dist, 'index.html'))) {
    console.log(`(no build in ${dist}, so no figures)`);
    return;
  }
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic'] });
  } catch (error) {
    console.log(`(no Chromium, so only the static figure) ${String(error).split('\n')[0]}`);
    console.log(describe('all JavaScript', measureAllJavaScript(dist), BUDGETS.allJavaScript));
    return;
  }
  try {
    const server = await startAppServer({ root: dist });
    try {
      const firstScreen = await measureFirstScreen(browser, server.url, dist);
      console.log(describe('first-screen JavaScript and strings (phone, no service worker)', firstScreen, BUDGETS.firstScreen));
      console.log(`    after the list is drawn: ${firstScreen.after.join(' ') || 'nothing'}`);
    } finally {
      await server.close();
    }
    console.log(describe('all JavaScript (sw.js included)', measureAllJavaScript(dist), BUDGETS.allJavaScript));
    console.log(describe('first visit to the sample town (page + service worker precache)', await measureFirstVisit(browser, (handle) => startAppServer({ root: dist, handle })), BUDGETS.firstVisit));
  } finally {
    await browser.close();
  }
}
