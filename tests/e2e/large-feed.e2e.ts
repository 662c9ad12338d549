// A region-wide feed of 10,000 listings still loads, searches and maps in a real browser (figures printed, not asserted).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, serveApp, watchErrors } from './harness';
import { generateFeed } from '../../scripts/bench/generate-feed';
import type { RunningServer } from '../../scripts/server/app-server';

let browser: Browser;
let server: RunningServer;
const feed = generateFeed(10_000, 7);

beforeAll(async () => {
  browser = await launchBrowser();
  server = await serveApp({ feed });
});
afterAll(async () => {
  await server.close();
  await browser.close();
});

describe('a 10,000-listing feed', () => {
  it('loads, searches as you type and shows the map', async () => {
    const context = await newContext(browser, { serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const started = Date.now();
    await page.goto(server.url);
    await expect.poll(() => page.locator('.result-count').textContent(), { timeout: 30_000 }).toBe('10,000 activities');
    console.log(`10,000 listings: first list shown after ${Date.now() - started} ms`);
    // Only a page of cards is in the document, however long the list.
    expect(await page.locator('.card').count()).toBe(30);
    await page.getByLabel('Search groups and activities').pressSequentially('knit');
    await expect.poll(() => page.locator('.result-count').textContent()).not.toBe('10,000 activities');
    const titles = await page.locator('.card__title').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await page.locator('.map-badge').first().waitFor();
    const shown = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.map-badge[data-count]')].reduce((sum, el) => sum + Number(el.dataset.count), 0));
    expect(shown).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
