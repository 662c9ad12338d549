// A region-wide feed still loads, searches and maps in a real browser: 10,000 listings plain, and 100,000 in built
// form (`npm run feed:build`), whose searches and map clusters are worked out in the browse worker (src/browse/remote.ts).
// Figures are printed, not asserted: load time, and the page's long tasks (main-thread work over 50 ms, measured with
// PerformanceObserver('longtask')), which are what a frozen page is made of.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, serveApp, watchErrors } from './harness';
import { generateFeed } from '../../scripts/bench/generate-feed';
import { buildFeed } from '../../scripts/build-feed/build';
import { writeBuiltFiles } from '../../scripts/build-feed/write';
import { serveStatic } from '../../scripts/server/static';
import { checkFeed } from '../../src/feed/check';
import { filterActivities, prepareBrowse } from '../../src/browse/filter';
import { emptyQuery } from '../../src/browse/query';
import type { RunningServer } from '../../scripts/server/app-server';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** Collects the page's long tasks from its first moment. */
async function watchLongTasks(page: Page): Promise<() => Promise<{ count: number; total: number; longest: number }>> {
  await page.addInitScript(() => {
    const tasks: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  return async () => {
    const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
    return { count: tasks.length, total: Math.round(tasks.reduce((a, b) => a + b, 0)), longest: Math.round(Math.max(0, ...tasks)) };
  };
}

const describeTasks = ({ count, total, longest }: { count: number; total: number; longest: number }): string => `${count} long tasks, ${total} ms in all, longest ${longest} ms`;

/** How the list counts its results ('2,345 activities'), for the listings a search for `words` finds in `feed`. */
function countFound(feed: unknown, words: string): string {
  const checked = checkFeed(feed, { now: new Date() }).feed!;
  const found = filterActivities(prepareBrowse(checked, new Date()), { ...emptyQuery, q: words }, { feed: checked, now: new Date(), position: null }).length;
  return `${found.toLocaleString('en-GB')} activities`;
}

/**
 * Opens the app, waits for the whole list, searches as someone types and opens the map; prints what it took. A feed
 * searched in the browse worker (`inWorker`) must have started it; a smaller one must not.
 */
async function openSearchAndMap(server: RunningServer, label: string, expectedCount: string, found: string, inWorker: boolean): Promise<void> {
  const context = await newContext(browser, { serviceWorkers: 'block' });
  const page = await context.newPage();
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
  const errors = watchErrors(page);
  const longTasks = await watchLongTasks(page);
  const started = Date.now();
  await page.goto(server.url);
  await expect.poll(() => page.locator('.result-count').textContent(), { timeout: 120_000, interval: 250 }).toBe(expectedCount);
  console.log(`${label}: first list shown after ${Date.now() - started} ms; while loading: ${describeTasks(await longTasks())}`);
  // Only a page of cards is in the document, however long the list.
  await expect.poll(() => page.locator('.card').count()).toBe(30);
  const typingStarted = Date.now();
  await page.getByLabel('Search groups and activities').pressSequentially('knit', { delay: 50 });
  await expect.poll(() => page.locator('.result-count').textContent(), { timeout: 60_000 }).toBe(found);
  console.log(`${label}: typing 'knit' (50 ms between keys) to its results: ${Date.now() - typingStarted} ms; ${describeTasks(await longTasks())}`);
  const titles = await page.locator('.card__title').allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  const mapStarted = Date.now();
  await page.getByRole('button', { name: 'Map', exact: true }).click();
  await page.locator('.map-badge').first().waitFor({ timeout: 60_000 });
  // The clusters' badges (with their counts) can follow the first badge drawn by a moment: wait for them.
  const clustered = () => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.map-badge[data-count]')].reduce((sum, el) => sum + Number(el.dataset.count), 0));
  await expect.poll(clustered, { timeout: 60_000 }).toBeGreaterThan(0);
  const shown = await clustered();
  console.log(`${label}: map with ${shown} listings in its clusters after ${Date.now() - mapStarted} ms; ${describeTasks(await longTasks())}`);
  expect(errors).toEqual([]);
  expect(workers).toEqual(inWorker ? [expect.stringMatching(/^\/assets\/browse-worker-[\w-]+\.js$/)] : []);
  await context.close();
}

describe('a 10,000-listing plain feed', () => {
  it('loads, searches as you type and shows the map', async () => {
    const feed = generateFeed(10_000, 7);
    const server = await serveApp({ feed });
    try {
      await openSearchAndMap(server, '10,000 listings, plain feed', '10,000 activities', countFound(feed, 'knit'), false);
    } finally {
      await server.close();
    }
  }, 240_000);
});

describe('a 100,000-listing feed in built form', () => {
  it('opens, searches and shows the map', async () => {
    const out = mkdtempSync(join(tmpdir(), 'large-built-feed-'));
    const buildStarted = Date.now();
    const feed = generateFeed(100_000, 7);
    const { files } = buildFeed(feed, { now: new Date() });
    // Uncompressed: over loopback brotli would only add minutes to the test (npm run bench gives the compressed sizes).
    const written = writeBuiltFiles(out, files!, { compress: false });
    console.log(`100,000 listings: built in ${Date.now() - buildStarted} ms; index ${(written[0]!.raw / 1e6).toFixed(1)} MB`);
    const server = await serveApp({
      handle: (request, response) => {
        const path = request.url?.split('?')[0] ?? '';
        if (path !== '/feed.json' && !path.startsWith('/feed-details/')) return false;
        if (path === '/feed.json') request.url = '/index.json';
        return serveStatic(out, request, response);
      },
    });
    try {
      await openSearchAndMap(server, '100,000 listings, built', '100,000 activities', countFound(feed, 'knit'), true);
    } finally {
      await server.close();
    }
  }, 600_000);
});
