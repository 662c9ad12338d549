// Finding something near you: search, filters, place, sort, URL state, the map and the activity page, as Rani would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser, newContext, serveApp, screenshot, watchErrors, DESKTOP, PHONE } from './harness';
import type { RunningServer } from '../../scripts/server/app-server';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const MONDAY_MORNING = new Date('2026-11-23T09:00:00Z');

let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await serveApp();
});
afterAll(async () => {
  await server.close();
  await browser.close();
});

async function open(path: string, options: Parameters<typeof newContext>[1] = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  await page.clock.setFixedTime(MONDAY_MORNING);
  const errors = watchErrors(page);
  await page.goto(server.url + path);
  await page.locator('h1').first().waitFor();
  return { context, page, errors };
}

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const resultCount = (page: Page) => page.locator('.result-count').textContent();
const cardTitles = (page: Page) => page.locator('.card__title').allTextContents();

describe("Rani's journey", () => {
  it('finds a women-only stay and play with a creche near Werneth, sees when it is, and opens it', async () => {
    const { context, page, errors } = await open('/');
    await page.getByLabel('Search groups and activities').fill('stay and play');
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    await page.getByLabel('Women only').check();
    await page.getByLabel('Children welcome or creche').check();
    await page.getByRole('button', { name: 'Near: choose a place' }).click();
    await page.getByRole('combobox', { name: 'Area or postcode' }).fill('OL8');
    await page.getByRole('option', { name: /Werneth/ }).first().click();
    await expect.poll(() => page.getByRole('button', { name: 'Near: Werneth' }).count()).toBe(1);
    await expect.poll(() => page.locator('#browse-sort').inputValue()).toBe('distance');
    const first = page.locator('.card').first();
    await expect(first.locator('.card__title').textContent()).resolves.toBe("Women's Stay and Play with Creche");
    await expect(first.locator('.card__when').textContent()).resolves.toBe('Next: Thu 26 Nov, 10:00–11:30');
    await expect(first.locator('.card__distance').textContent()).resolves.toMatch(/^\d+(\.\d)? miles? away$/);
    await expect(first.getByText('Women only').count()).resolves.toBe(1);
    await expect(first.getByText('Children welcome').count()).resolves.toBe(1);
    expect(page.url()).toContain('women=1');
    expect(page.url()).toContain('near=werneth');
    await screenshot(page, 'browse-rani-phone');

    await first.getByRole('link').click();
    await expect.poll(() => page.title()).toContain("Women's Stay and Play with Creche");
    await expect.poll(() => page.locator('h1').evaluate((h) => h === document.activeElement)).toBe(true);
    await expect(page.locator('.sessions:not(.sessions--rules) li').count()).resolves.toBe(4);
    await expect(page.locator('.sessions:not(.sessions--rules) li').first().textContent()).resolves.toBe('Thu 26 Nov, 10:00–11:30');
    await expect(page.getByRole('link', { name: /Get directions/ }).getAttribute('href')).resolves.toMatch(/^https:\/\/www\.google\.com\/maps\/dir\/\?api=1&destination=53\.\d+,-2\.\d+$/);
    await screenshot(page, 'activity-stay-and-play-phone');

    await page.getByRole('link', { name: 'Back' }).click();
    await expect.poll(() => page.getByLabel('Search groups and activities').inputValue()).toBe('stay and play');
    await expect(page.locator('.card__title').first().textContent()).resolves.toBe("Women's Stay and Play with Creche");
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('search and filters', () => {
  it('searches as you type, ignoring case and accents, over names, venues and organisations', async () => {
    const { context, page } = await open('/');
    const all = await resultCount(page);
    await page.getByLabel('Search groups and activities').pressSequentially('KNIT');
    await expect.poll(() => cardTitles(page)).toContain('Knit and Natter');
    expect(await resultCount(page)).not.toBe(all);
    await page.getByLabel('Search groups and activities').fill('werneth hive');
    await expect.poll(() => cardTitles(page)).toContain('Knit and Natter');
    await page.getByLabel('Search groups and activities').fill('cafe');
    const titles = await cardTitles(page);
    expect(titles.some((title) => title.includes('Café'))).toBe(true);
    await context.close();
  });

  it('keeps search, filters, place and view in the URL, so a link restores them', async () => {
    const { context, page } = await open('/?q=walk&free=1&near=werneth&sort=distance');
    await expect(page.getByLabel('Search groups and activities').inputValue()).resolves.toBe('walk');
    await expect(page.getByRole('button', { name: 'Filters (1 on)' }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Near: Werneth' }).count()).resolves.toBe(1);
    const count = await resultCount(page);
    expect(count).toMatch(/^\d+ activit(y|ies)$/);
    await page.getByRole('button', { name: 'Filters (1 on)' }).click();
    await expect(page.getByLabel('Free only').isChecked()).resolves.toBe(true);
    await page.getByLabel('Free only').uncheck();
    await expect.poll(() => page.url()).not.toContain('free=1');
    await page.goBack();
    await expect.poll(() => page.url()).toContain('free=1');
    await expect.poll(() => resultCount(page)).toBe(count);
    await context.close();
  });

  it('filters by day, time, language, access and how to join, and clears them all', async () => {
    const { context, page } = await open('/');
    const all = await resultCount(page);
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    await page.getByLabel('Today').check();
    await page.getByLabel('Mornings (before 12pm)').check();
    await expect.poll(() => page.url()).toContain('day=today');
    for (const when of await page.locator('.card__when').allTextContents()) expect(when).toMatch(/^Next: Today, (0\d|1[01]):/);
    await page.getByLabel('Urdu').check();
    await page.getByLabel('Step-free access').check();
    await page.getByLabel('Just turn up (drop-in)').check();
    await expect.poll(() => page.url()).toMatch(/lang=ur.*access=step-free.*join=drop-in/);
    await page.getByRole('button', { name: 'Clear all filters' }).first().click();
    await expect.poll(() => resultCount(page)).toBe(all);
    await context.close();
  });

  it('suggests which filter to drop when nothing matches', async () => {
    const { context, page } = await open('/?q=boxercise&women=1');
    await expect(page.getByRole('heading', { name: 'No activities match your search' }).count()).resolves.toBe(1);
    await expect(page.getByText('Without “Women only” there is 1 activity.').count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Remove “Women only”' }).click();
    await expect.poll(() => cardTitles(page)).toEqual(['Boxercise for Beginners']);
    await context.close();
  });

  it('marks paused, cancelled and out-of-date listings instead of hiding them', async () => {
    const { context, page } = await open('/?q=chair+yoga');
    const card = page.locator('.card', { hasText: 'Chair Yoga' }).first();
    await expect(card.locator('.card__when').textContent()).resolves.toBe('This group has been cancelled');
    await page.getByLabel('Search groups and activities').fill('tiny tumblers');
    await expect.poll(() => page.locator('.card .badge', { hasText: 'Taking a break' }).count()).toBe(1);
    await page.getByLabel('Search groups and activities').fill('bingo and a brew');
    await expect.poll(() => page.locator('.card .badge', { hasText: 'May be out of date' }).count()).toBe(1);
    await page.locator('.card__title a').first().click();
    await expect.poll(() => page.getByText('This listing was last checked on 2 May 2026').count()).toBe(1);
    await context.close();
  });
});

describe('near me', () => {
  it('asks for the location only when pressed, then sorts by distance in miles', async () => {
    const context = await newContext(browser, { permissions: ['geolocation'], geolocation: { latitude: 53.5372, longitude: -2.1318 } });
    const page = await context.newPage();
    await page.clock.setFixedTime(MONDAY_MORNING);
    await page.addInitScript(() => {
      const original = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
      navigator.geolocation.getCurrentPosition = (...args) => {
        (window as unknown as { __asked: number }).__asked = ((window as unknown as { __asked?: number }).__asked ?? 0) + 1;
        original(...args);
      };
    });
    await page.goto(server.url);
    await page.locator('.card').first().waitFor();
    const asked = await page.evaluate(() => (window as unknown as { __asked?: number }).__asked ?? 0);
    expect(asked).toBe(0);
    await page.getByRole('button', { name: 'Near: choose a place' }).click();
    await page.getByRole('button', { name: 'Use my location' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Near: your location' }).count()).toBe(1);
    expect(page.url()).toContain('near=here');
    expect(page.url()).not.toMatch(/53\.5|2\.13/);
    const distances = await page.locator('.card__distance').allTextContents();
    expect(distances.length).toBeGreaterThan(5);
    const miles = distances.map((d) => Number(d.replace(/[^\d.]/g, '')));
    expect([...miles].sort((a, b) => a - b)).toEqual(miles);
    await context.close();
  });

  it('explains a refusal and keeps working', async () => {
    const { context, page, errors } = await open('/');
    await page.getByRole('button', { name: 'Near: choose a place' }).click();
    await page.getByRole('button', { name: 'Use my location' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('permission was not given');
    await page.getByRole('combobox', { name: 'Area or postcode' }).fill('Chadd');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: 'Near: Chadderton' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the map', () => {
  it('shows the same filtered set as the list, clustered, and a marker opens the activity', async () => {
    const { context, page, errors } = await open('/?q=knit');
    const listed = Number(/\d+/.exec((await resultCount(page)) ?? '')?.[0]);
    await expect.poll(() => page.locator('.card').count()).toBe(listed);
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await expect.poll(() => page.url()).toContain('view=map');
    await page.locator('.leaflet-container').waitFor();
    await expect.poll(() => page.locator('.leaflet-tile-loaded').count()).toBeGreaterThan(0);
    const counted = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.map-badge[data-count]')]
        .map((el) => Number(el.dataset.count))
        .reduce((a, b) => a + b, 0),
    );
    expect(counted).toBe(listed);
    await screenshot(page, 'browse-map-phone');
    // Narrow to one: the map follows the list.
    await page.getByRole('button', { name: 'List', exact: true }).click();
    await page.getByLabel('Search groups and activities').fill('knit werneth hive');
    await expect.poll(() => page.locator('.card').count()).toBe(1);
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await expect.poll(() => page.locator('.map-badge[data-count]').count()).toBe(1);
    await page.locator('.map-badge--point').first().click();
    await page.locator('.map-popup a').first().click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Knit and Natter');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('never traps keyboard focus: Tab goes through the map and out the other side', async () => {
    const { context, page } = await open('/?q=walk&view=map');
    await page.locator('.map-badge').first().waitFor();
    await page.locator('.leaflet-container').focus();
    const insideMap = () => page.evaluate(() => document.activeElement?.closest('.leaflet-container') !== null);
    let steps = 0;
    while ((await insideMap()) && steps < 60) {
      await page.keyboard.press('Tab');
      steps += 1;
    }
    expect(await insideMap()).toBe(false);
    await page.locator('.leaflet-container').focus();
    await page.keyboard.press('Shift+Tab');
    expect(await insideMap()).toBe(false);
    await context.close();
  });

  it('sits beside the list on a wide screen', async () => {
    const { context, page } = await open('/', { viewport: DESKTOP });
    await page.locator('.leaflet-container').waitFor();
    const list = await page.locator('.browse__list').boundingBox();
    const map = await page.locator('.browse__map').boundingBox();
    expect(list && map && map.x > list.x + list.width - 1).toBe(true);
    await expect(page.getByRole('button', { name: 'Map', exact: true }).count()).resolves.toBe(0);
    await screenshot(page, 'browse-desktop');
    await context.close();
  });
});

describe('activity page', () => {
  it('opens directly from a shared link on a first visit, with everything needed to go', async () => {
    const { context, page, errors } = await open('/activity/knit-and-natter-werneth');
    await expect(page.locator('h1').textContent()).resolves.toBe('Knit and Natter');
    // The title is set by an effect after the heading is drawn.
    await expect.poll(() => page.title()).toBe('Knit and Natter – Thriving Communities');
    await expect(page.getByText('Every Tuesday, 10:00–12:00').count()).resolves.toBe(1);
    await expect(page.locator('.venue').textContent()).resolves.toContain('OL8');
    await expect(page.getByRole('link', { name: '0161 000 0000' }).getAttribute('href')).resolves.toBe('tel:01610000000');
    await expect(page.getByText('Step-free access').count()).resolves.toBeGreaterThan(0);
    // The venue's map is drawn only as it comes near the screen.
    await expect(page.locator('.activity__map .leaflet-container').count()).resolves.toBe(0);
    await page.locator('.activity__map').scrollIntoViewIfNeeded();
    await page.locator('.activity__map .leaflet-container').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('gives an unknown id a helpful page with a search', async () => {
    const { context, page } = await open('/activity/knitting-club-that-closed');
    await expect(page.locator('h1').textContent()).resolves.toBe('We could not find that activity');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.url()).toContain('q=knitting%20club%20that%20closed');
    await page.getByLabel('Search groups and activities').fill('knit');
    await expect.poll(() => cardTitles(page)).toContain('Knit and Natter');
    await context.close();
  });
});

describe('keyboard only', () => {
  it('search → filter → open activity → back', async () => {
    const { context, page } = await open('/');
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Enter');
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'browse-search');
    }
    expect(reached).toBe(true);
    await page.keyboard.type('natter');
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.classList.contains('filters-toggle'))) break;
    }
    await page.keyboard.press('Enter');
    // The panel opens (its code may take a moment the first time), then Tab moves into it.
    await page.locator('#filter-free').waitFor();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.id === 'filter-free')) break;
    }
    await page.keyboard.press('Space');
    await expect.poll(() => page.url()).toContain('free=1');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.checked)).toBe(true);
    // On to the first result with Tab alone.
    let title: string | null = null;
    for (let i = 0; i < 80 && title === null; i++) {
      await page.keyboard.press('Tab');
      title = await page.evaluate(() => (document.activeElement?.closest('.card__title') ? document.activeElement.textContent : null));
    }
    expect(title).not.toBeNull();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe(title);
    // Focus is on the new page's heading; the Back link is just before it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.keyboard.press('Shift+Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Back');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('Search groups and activities').inputValue()).toBe('natter');
    expect(page.url()).toContain('free=1');
    await context.close();
  });
});

describe('accessibility (axe, WCAG 2.2 A and AA)', () => {
  for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    it(`browse list, filters open and map at ${size} size`, async () => {
      const { context, page } = await open('/', { viewport });
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Filters', exact: true }).click();
      await page.getByRole('button', { name: 'Near: choose a place' }).click();
      await page.getByRole('combobox', { name: 'Area or postcode' }).fill('we');
      expect(await axeViolations(page)).toEqual([]);
      if (size === 'phone') await page.getByRole('button', { name: 'Map', exact: true }).click();
      await page.locator('.leaflet-container').waitFor();
      await page.locator('.leaflet-marker-icon').first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });

    it(`activity page at ${size} size`, async () => {
      const { context, page } = await open('/activity/stay-and-play-werneth-women', { viewport });
      await page.locator('.activity__map').scrollIntoViewIfNeeded();
      await page.locator('.leaflet-container').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }
});
