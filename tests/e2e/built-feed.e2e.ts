// The sample town in built form (`npm run feed:build`; the app build writes dist/feed.json that way) shows the same
// listings, search results and activity pages as the plain feed, downloads a description only when its page opens,
// and keeps that page working offline. A built index the app cannot decode never replaces the one it showed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, screenshot, serveApp, servePublishedFeed, waitForServiceWorker, watchErrors } from './harness';
import type { RunningServer } from '../../scripts/server/app-server';
import { E2E_DIST } from './paths';
import type { BuiltIndex } from '../../src/feed/built';

const sample = JSON.parse(readFileSync('public/feed.json', 'utf8')) as { activities: { id: string; description?: unknown }[] };
const MONDAY_MORNING = new Date('2026-11-23T09:00:00Z');
const described = sample.activities.find((a) => a.description !== undefined)!;
const descriptionStart = (typeof described.description === 'string' ? described.description : (described.description as Record<string, string>).en!).slice(0, 40);

let browser: Browser;
let builtServer: RunningServer;
let plainServer: RunningServer;

beforeAll(async () => {
  browser = await launchBrowser();
  builtServer = await serveApp(); // dist/feed.json as the app build wrote it: the built index
  plainServer = await serveApp({ feed: sample }); // the same feed, plain
});
afterAll(async () => {
  await builtServer.close();
  await plainServer.close();
  await browser.close();
});

async function listShown(page: Page): Promise<{ count: string | null; cards: string[] }> {
  await page.locator('.card').first().waitFor({ timeout: 30_000 });
  // The first list is drawn a few cards per task: wait for the whole first page of it.
  const found = Number(/\d+/.exec((await page.locator('.result-count').textContent()) ?? '')?.[0]);
  await expect.poll(() => page.locator('.card').count()).toBe(Math.min(30, found));
  const cards = await page.locator('.card').evaluateAll((cards) => cards.map((card) => [card.querySelector('.card__title'), card.querySelector('.card__when')].map((el) => el?.textContent?.trim()).join(' | ')));
  return { count: await page.locator('.result-count').textContent(), cards };
}

async function browseAndSearch(server: RunningServer): Promise<{ list: Awaited<ReturnType<typeof listShown>>; searched: Awaited<ReturnType<typeof listShown>>; feedEncoding: string | undefined; feedStart: string }> {
  const context = await newContext(browser, { serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.clock.setFixedTime(MONDAY_MORNING);
  const errors = watchErrors(page);
  const feedResponse = page.waitForResponse((response) => new URL(response.url()).pathname === '/feed.json');
  await page.goto(server.url);
  const response = await feedResponse;
  const list = await listShown(page);
  await page.getByLabel('Search groups and activities').pressSequentially('walk');
  await expect.poll(() => page.locator('.result-count').textContent(), { timeout: 30_000 }).not.toBe(list.count);
  const searched = await listShown(page);
  expect(errors).toEqual([]);
  const result = { list, searched, feedEncoding: (await response.allHeaders())['content-encoding'], feedStart: (await response.text()).slice(0, 40) };
  await context.close();
  return result;
}

describe('the sample feed in built form', () => {
  it('shows the same list, next sessions and search results as the plain feed, downloading the brotli index', async () => {
    const built = await browseAndSearch(builtServer);
    const plain = await browseAndSearch(plainServer);
    expect(built.feedStart).toContain('"format":"activity-feed-built"');
    expect(built.feedEncoding).toBe('br');
    expect(plain.feedStart).not.toContain('activity-feed-built');
    expect(built.list.count).toMatch(/^\d+ activities$/);
    expect(built.list).toEqual(plain.list);
    expect(built.searched).toEqual(plain.searched);
    console.log(`built sample: ${built.list.count}; 'walk' finds ${built.searched.count}`);
  });

  it('fetches a description only on its activity page, and shows it offline once seen', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.clock.setFixedTime(MONDAY_MORNING);
    const errors = watchErrors(page, { expectedFailedLoads: /\/test-tiles\// });
    const shardRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/feed-details/')) shardRequests.push(request.url());
    });
    await page.goto(builtServer.url);
    await page.locator('.card').first().waitFor({ timeout: 30_000 });
    await waitForServiceWorker(page);
    expect(shardRequests).toEqual([]);

    await page.goto(`${builtServer.url}/activity/${described.id}`);
    const about = page.locator('.activity__about');
    await expect.poll(() => about.textContent(), { timeout: 30_000 }).toContain(descriptionStart);
    expect(shardRequests.length).toBeGreaterThan(0);
    await screenshot(page, 'built-feed-activity-phone');

    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => about.textContent(), { timeout: 30_000 }).toContain(descriptionStart);
    await context.setOffline(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps showing the last good index when a publish has the shape of one but does not decode, also offline', async () => {
    const good = readFileSync(join(E2E_DIST, 'feed.json'), 'utf8');
    const broken = JSON.parse(good) as BuiltIndex;
    broken.generated = '2026-11-28T09:00:00Z';
    const organisation = broken.activities.columns.organisation as { refs: number[] };
    organisation.refs = organisation.refs.map(() => 9_999); // every listing points at an organisation the index lacks
    const { server, publish, requests: feedRequests } = await servePublishedFeed(good);
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.clock.setFixedTime(MONDAY_MORNING);
    const errors = watchErrors(page, { expectedFailedLoads: /\/test-tiles\// });
    await page.goto(server.url);
    const { count } = await listShown(page);
    await waitForServiceWorker(page);
    // The copy is kept once the page is idle after showing it.
    await expect.poll(() => page.evaluate(async () => (await caches.keys()).includes('tc-feed-last-good-v1')), { timeout: 15_000 }).toBe(true);

    publish(JSON.stringify(broken));
    const before = feedRequests();
    await page.reload();
    await expect.poll(feedRequests).toBeGreaterThan(before);
    await page.waitForTimeout(1000); // the worker saves the new file (it has the right shape) and the page puts the good one back
    await page.reload();
    expect((await listShown(page)).count).toBe(count);
    await expect(page.getByText('could not be shown').count()).resolves.toBe(0);

    await context.setOffline(true);
    await server.close();
    const cold = await context.newPage();
    await cold.clock.setFixedTime(MONDAY_MORNING);
    await cold.goto(server.url);
    expect((await listShown(cold)).count).toBe(count);
    await context.setOffline(false);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
