// Favourites as a person uses them: save from a card and from an activity page, find them again after a reload and a
// browser restart, keep one whose listing has gone, and carry on browsing when the browser will not store anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { CHROMIUM_ARGS, DESKTOP, launchBrowser, newContext, PHONE, screenshot, serveApp, watchErrors } from './harness';
import { E2E_DIST } from './paths';
import { FIXTURE_NOW, minimalFeed } from '../unit/fixtures';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// Friday 20 November 2026: Knit and Natter next meets on Tuesday 24th, the Memory Café on Wednesday 2 December.
const KNIT_NEXT = 'Next: Tue 24 Nov, 10:00–12:00';
const CAFE_NEXT = 'Next: Wed 2 Dec, 13:30–15:00';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A Chromium profile on disk, so closing it and launching it again is a real browser restart. */
function launchProfile(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: PHONE,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    // Offline use is the service worker's own journey; here every load must come from the server.
    serviceWorkers: 'block',
  });
}

async function openPage(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  await page.clock.setFixedTime(FIXTURE_NOW);
  const errors = watchErrors(page);
  await page.goto(url);
  await page.locator('h1').first().waitFor();
  return { page, errors };
}

const navLink = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Favourites/ });
const savedItems = (page: Page) => page.locator('.fav-item');
const itemNamed = (page: Page, name: string) => savedItems(page).filter({ has: page.getByRole('heading', { name, exact: true }) });

async function savedTitles(page: Page): Promise<string[]> {
  await page.getByRole('heading', { name: 'Your favourites', level: 1 }).waitFor();
  await expect.poll(() => page.locator('.favourites .status').count()).toBe(0);
  return (await savedItems(page).locator('.card__title').allTextContents()).sort();
}

describe('saving favourites', () => {
  it('saves from a card and from the activity page, counts them, lists their next sessions, and keeps them after a reload and a restart', async () => {
    const server = await serveApp({ feed: minimalFeed() });
    const profile = mkdtempSync(join(tmpdir(), 'tc-favourites-'));
    let context = await launchProfile(profile);
    try {
      await Promise.all(context.pages().map((p) => p.close()));
      const { page, errors } = await openPage(context, server.url);
      await expect.poll(() => navLink(page).textContent()).toBe('Favourites');

      // From a card, in one tap.
      const knitToggle = page.getByRole('button', { name: 'Save Knit and Natter' });
      await expect(knitToggle.getAttribute('aria-pressed')).resolves.toBe('false');
      await knitToggle.click();
      await expect.poll(() => knitToggle.getAttribute('aria-pressed')).toBe('true');
      await expect(knitToggle.textContent()).resolves.toBe('Saved');
      await expect.poll(() => page.locator('[role="status"][aria-live="polite"]').filter({ hasText: 'Saved to your favourites' }).count()).toBe(1);
      await expect.poll(() => navLink(page).textContent()).toBe('Favourites (1)');
      await screenshot(page, 'favourites-card-saved-phone');

      // From the activity page, next to its title.
      await page.getByRole('link', { name: 'Memory Café' }).click();
      await page.getByRole('heading', { name: 'Memory Café', level: 1 }).waitFor();
      // The router keeps the list on screen until the page's lazily loaded parts (its map) have arrived.
      await expect.poll(() => page.locator('.browse').count()).toBe(0);
      const cafeToggle = page.locator('article.activity').getByRole('button', { name: 'Save Memory Café' });
      await cafeToggle.click();
      await expect.poll(() => cafeToggle.getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => navLink(page).textContent()).toBe('Favourites (2)');
      await screenshot(page, 'favourites-activity-saved-phone');

      // The Favourites screen: each with its next session, linking to its page.
      await navLink(page).click();
      await expect.poll(() => page.title()).toContain('Your favourites');
      await expect(page.locator('h1').evaluate((h) => h === document.activeElement)).resolves.toBe(true);
      expect(await savedTitles(page)).toEqual(['Knit and Natter', 'Memory Café']);
      await expect(itemNamed(page, 'Knit and Natter').locator('.card__when').textContent()).resolves.toBe(KNIT_NEXT);
      await expect(itemNamed(page, 'Memory Café').locator('.card__when').textContent()).resolves.toBe(CAFE_NEXT);
      await expect(itemNamed(page, 'Knit and Natter').getByRole('link', { name: 'Knit and Natter' }).getAttribute('href')).resolves.toBe('/activity/knit-and-natter-werneth');
      expect(await page.getByText('No longer listed').count()).toBe(0);

      // A reload.
      await page.reload();
      expect(await savedTitles(page)).toEqual(['Knit and Natter', 'Memory Café']);

      // Every window closed, then a new one in the same browser.
      await page.close();
      const second = await openPage(context, `${server.url}/favourites`);
      expect(await savedTitles(second.page)).toEqual(['Knit and Natter', 'Memory Café']);
      await expect.poll(() => navLink(second.page).textContent()).toBe('Favourites (2)');

      // The whole browser quit and started again on the same profile.
      await context.close();
      context = await launchProfile(profile);
      await Promise.all(context.pages().map((p) => p.close()));
      const third = await openPage(context, `${server.url}/favourites`);
      expect(await savedTitles(third.page)).toEqual(['Knit and Natter', 'Memory Café']);
      await expect.poll(() => navLink(third.page).textContent()).toBe('Favourites (2)');

      // Removing one, from the Favourites screen.
      await third.page.getByRole('button', { name: 'Remove Knit and Natter from your favourites' }).click();
      await expect.poll(() => savedItems(third.page).count()).toBe(1);
      await expect.poll(() => navLink(third.page).textContent()).toBe('Favourites (1)');
      await expect.poll(() => third.page.locator('[role="status"][aria-live="polite"]').textContent()).toBe('Removed from your favourites');
      await expect(third.page.locator('h1').evaluate((h) => h === document.activeElement)).resolves.toBe(true);
      await third.page.reload();
      expect(await savedTitles(third.page)).toEqual(['Memory Café']);

      expect([...errors, ...second.errors, ...third.errors]).toEqual([]);
    } finally {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

describe('a favourite whose listing has gone', () => {
  it("stays, marked 'No longer listed', with the details and next session it was saved with", async () => {
    let feed = minimalFeed();
    const server = await serveApp({
      handle: (request, response) => {
        if (request.url?.split('?')[0] !== '/feed.json') return false;
        response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(feed));
        return true;
      },
    });
    const context = await newContext(browser, { serviceWorkers: 'block' });
    try {
      const { page, errors } = await openPage(context, server.url);
      await page.getByRole('button', { name: 'Save Memory Café' }).click();
      await page.getByRole('button', { name: 'Save Knit and Natter' }).click();
      await expect.poll(() => navLink(page).textContent()).toBe('Favourites (2)');

      // The hub publishes a feed without the Memory Café.
      feed = minimalFeed();
      feed.activities = feed.activities.filter((activity) => activity.id !== 'memory-cafe-library');
      await page.goto(`${server.url}/favourites`);
      expect(await savedTitles(page)).toEqual(['Knit and Natter', 'Memory Café']);

      const gone = itemNamed(page, 'Memory Café');
      await expect(gone.getByRole('note').textContent()).resolves.toBe('No longer listed — this group may have finished');
      await expect(gone.getByRole('link').count()).resolves.toBe(0);
      await expect(gone.locator('.card__when').textContent()).resolves.toBe(CAFE_NEXT);
      await expect(gone.locator('.card__where').textContent()).resolves.toBe('Oldham Library');
      await expect(gone.getByText('A friendly afternoon for people living with dementia').count()).resolves.toBe(1);
      await expect(gone.locator('.sessions').textContent()).resolves.toContain('Wednesday');
      await expect(gone.getByText('Run by Age UK Oldham').count()).resolves.toBe(1);
      const listed = itemNamed(page, 'Knit and Natter');
      await expect(listed.getByText('No longer listed').count()).resolves.toBe(0);
      await expect(listed.locator('.card__when').textContent()).resolves.toBe(KNIT_NEXT);

      await screenshot(page, 'favourites-filled-phone');
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize(DESKTOP);
      await screenshot(page, 'favourites-filled-desktop');
      expect(await axeViolations(page)).toEqual([]);

      // It can still be removed.
      await gone.getByRole('button', { name: 'Remove Memory Café from your favourites' }).click();
      await expect.poll(() => savedItems(page).count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});

describe('the empty Favourites screen', () => {
  it('explains how to save and links to the activities, and passes axe', async () => {
    const server = await serveApp({ feed: minimalFeed() });
    const context = await newContext(browser, { serviceWorkers: 'block' });
    try {
      const { page, errors } = await openPage(context, `${server.url}/favourites`);
      await page.getByRole('heading', { name: 'You have not saved any activities yet' }).waitFor();
      await expect(navLink(page).textContent()).resolves.toBe('Favourites');
      await screenshot(page, 'favourites-empty-phone');
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize(DESKTOP);
      await screenshot(page, 'favourites-empty-desktop');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Find activities' }).last().click();
      await expect.poll(() => page.locator('.card').count()).toBe(3);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});

describe('a save on a slow connection', () => {
  it("is kept when the page is reloaded while the database code is still on its way: 'Saved' means saved", async () => {
    const server = await serveApp({ feed: minimalFeed() });
    const context = await newContext(browser, { serviceWorkers: 'block' });
    try {
      const { page, errors } = await openPage(context, server.url);
      // The first save downloads the database code; on patchy signal that can take as long as it likes.
      await page.route(/\/assets\/db-[\w-]+\.js$/, () => undefined);
      const toggle = page.getByRole('button', { name: 'Save Knit and Natter' });
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
      await expect(toggle.textContent()).resolves.toBe('Saved');

      // The person reloads (or the phone closes the tab) before the database has it; then the signal comes back.
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      await page.reload();
      await page.locator('.card').first().waitFor();
      await expect.poll(() => navLink(page).textContent()).toBe('Favourites (1)');
      await expect.poll(() => page.getByRole('button', { name: 'Save Knit and Natter' }).getAttribute('aria-pressed')).toBe('true');
      await navLink(page).click();
      expect(await savedTitles(page)).toEqual(['Knit and Natter']);
      // Now in the database: nothing is left waiting on the device.
      await expect(page.evaluate(() => localStorage.getItem('tc.favourites.pending'))).resolves.toBeNull();
      await page.reload();
      expect(await savedTitles(page)).toEqual(['Knit and Natter']);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});

describe('when the browser will not store anything', () => {
  it('says favourites cannot be kept on this device, and browsing still works', async () => {
    const server = await serveApp({ feed: minimalFeed() });
    const context = await newContext(browser, { serviceWorkers: 'block' });
    // As in some private modes: opening any database throws.
    await context.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
    });
    try {
      const { page, errors } = await openPage(context, server.url);
      await expect.poll(() => page.locator('.card').count()).toBe(3);
      // Nothing saved yet, so the database is not even opened (src/favourites/saved-flag.ts) until the first save.
      await expect.poll(() => navLink(page).textContent()).toBe('Favourites');

      const toggle = page.getByRole('button', { name: 'Save Knit and Natter' });
      await toggle.click();
      const alert = page.locator('.card').first().getByRole('alert');
      await expect.poll(() => alert.textContent()).toMatch(/^We could not save this on your device: this browser is not letting the app keep anything here/);
      await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
      await screenshot(page, 'favourites-unavailable-card-phone');

      await page.getByRole('link', { name: 'Knit and Natter' }).click();
      await page.getByRole('heading', { name: 'Knit and Natter', level: 1 }).waitFor();
      await expect(page.locator('.sessions li').first().textContent()).resolves.toBe('Tue 24 Nov, 10:00–12:00');

      await navLink(page).click();
      await page.getByRole('heading', { name: 'Favourites cannot be kept on this device' }).waitFor();
      await screenshot(page, 'favourites-unavailable-phone');
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});

describe('the first screen', () => {
  it('does not load the database code before it has rendered', () => {
    const html = readFileSync(join(E2E_DIST, 'index.html'), 'utf8');
    const firstLoad = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
    expect(firstLoad.length).toBeGreaterThan(0);
    for (const file of firstLoad) expect(readFileSync(join(E2E_DIST, file), 'utf8')).not.toContain('Dexie');
  });
});
