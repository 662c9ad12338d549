// A hub imports its listings (Open Referral UK, OpenActive, a spreadsheet) with `npm run feed:import`, publishes the
// result, and residents see them in the app: names, when the next session is, where, and the activity page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, serveApp, screenshot, watchErrors, DESKTOP } from './harness';
import { PROJECT_ROOT } from './paths';

const MONDAY_MORNING = new Date('2026-11-23T09:00:00Z');
let browser: Browser;
let folder = '';

function importFeed(from: string, ...inputs: string[]): unknown {
  const out = join(folder, `${from}.json`);
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/feed-import.ts', '--from', from, ...inputs, '--out', out, '--now', '2026-11-23'], { cwd: PROJECT_ROOT, stdio: 'pipe' });
  return JSON.parse(readFileSync(out, 'utf8')) as unknown;
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'import-e2e-'));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  rmSync(folder, { recursive: true, force: true });
});

/** The card with this title: what a resident reads on it. */
async function card(page: Page, title: string): Promise<{ when: string | null; where: string | null }> {
  const item = page.locator('.card').filter({ has: page.locator('.card__title', { hasText: title }) });
  await item.first().waitFor({ timeout: 30_000 });
  return { when: await item.locator('.card__when').textContent(), where: await item.locator('.card__where').textContent() };
}

async function browse(feed: unknown, viewport?: { width: number; height: number }) {
  const server = await serveApp({ feed });
  const context = await newContext(browser, viewport ? { viewport } : {});
  const page = await context.newPage();
  await page.clock.setFixedTime(MONDAY_MORNING);
  const errors = watchErrors(page);
  await page.goto(server.url + '/');
  await page.locator('.card__title').first().waitFor({ timeout: 30_000 });
  // The first list is drawn a few cards per task: the page is ready once it holds as many cards as it counts (or a page).
  await expect
    .poll(async () => (await page.locator('.card').count()) >= Math.min(30, Number((await page.locator('.result-count').textContent())?.replace(/\D/g, ''))))
    .toBe(true);
  return {
    page,
    errors,
    titles: () => page.locator('.card__title').allTextContents(),
    close: async () => {
      await context.close();
      await server.close();
    },
  };
}

describe('imported listings in the app', () => {
  it('shows Open Referral UK services (v1 and v3) with their next session and venue, and opens one', async () => {
    const feed = importFeed('oruk', 'tests/fixtures/import/oruk/services-v1.json', 'tests/fixtures/import/oruk/services-v3-page.json');
    const { page, errors, titles, close } = await browse(feed);
    expect((await titles()).sort()).toEqual(['Bereavement Support Group', "Carers' Coffee Morning", 'Chair Yoga', 'Knit and Natter', 'Online Poetry Circle', 'Repair Café']);
    expect(await card(page, 'Knit and Natter')).toEqual({ when: 'Next: Tomorrow, 10:00–12:00', where: 'The Werneth Hive' });
    expect(await card(page, "Carers' Coffee Morning")).toEqual({ when: 'Next: Wed 2 Dec, 10:30–12:00', where: 'Oldham Carers Centre' });
    expect(await card(page, 'Bereavement Support Group')).toEqual({ when: 'Next: Tue 8 Dec, 13:30–15:00', where: 'Oldham Library' });
    expect(await card(page, 'Online Poetry Circle')).toMatchObject({ when: 'Next: Thu 26 Nov, 19:00–20:30' });
    await screenshot(page, 'import-oruk-phone');

    await page.locator('.card__title a', { hasText: 'Bereavement Support Group' }).click();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 30_000 }).toBe('Bereavement Support Group');
    await expect(page.locator('.sessions:not(.sessions--rules) li').first().textContent()).resolves.toBe('Tue 8 Dec, 13:30–15:00');
    await expect(page.locator('.venue__name').textContent()).resolves.toBe('Oldham Library');
    await screenshot(page, 'import-oruk-activity-phone');
    expect(errors).toEqual([]);
    await close();
  });

  it('shows OpenActive sessions: series, one-off sessions joined to their series, and facility hire, without deleted items', async () => {
    const feed = importFeed('openactive', 'tests/fixtures/import/openactive');
    const { page, errors, titles, close } = await browse(feed, DESKTOP);
    expect((await titles()).sort()).toEqual(['Badminton Court Hire', 'Chair Based Exercise', 'Couch to 5K', 'Ladies Only Aqua Fit', 'Walking Football']);
    expect(await card(page, 'Walking Football')).toEqual({ when: 'Next: Wed 25 Nov, 18:00–19:00', where: 'Chadderton Wellbeing Centre' });
    expect(await card(page, 'Couch to 5K')).toEqual({ when: 'Next: Thu 26 Nov, 18:30–19:15', where: 'Alexandra Park bandstand' });
    expect(await card(page, 'Ladies Only Aqua Fit')).toEqual({ when: 'Next: Today, 19:30–20:15', where: 'Oldham Leisure Centre' });
    await screenshot(page, 'import-openactive-desktop');

    await page.locator('.card__title a', { hasText: 'Couch to 5K' }).click();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 30_000 }).toBe('Couch to 5K');
    await expect(page.locator('.sessions:not(.sessions--rules) li').allTextContents()).resolves.toEqual(['Thu 26 Nov, 18:30–19:15', 'Thu 3 Dec, 18:30–19:15']);
    expect(errors).toEqual([]);
    await close();
  });

  it('shows a spreadsheet’s rows, fortnightly and monthly ones included, and "by arrangement" for the phone befriending', async () => {
    const feed = importFeed('csv', 'scripts/import/templates/activities-example.csv');
    const { page, errors, titles, close } = await browse(feed);
    expect((await titles()).sort()).toEqual(["Carers' Cuppa", 'Chair Yoga', 'Knit and Natter', 'Phone Befriending', 'Sewing Circle', 'Walk and Talk', 'Winter Craft Fair']);
    expect(await card(page, 'Walk and Talk')).toEqual({ when: 'Next: Sat 5 Dec, 10:00–11:00', where: 'Alexandra Park gates' });
    expect(await card(page, "Carers' Cuppa")).toEqual({ when: 'Next: Tue 8 Dec, 13:30–15:00', where: 'Oldham Carers Centre' });
    expect(await card(page, 'Sewing Circle')).toEqual({ when: 'Next: Fri 27 Nov, 10:00–12:00', where: 'Oldham Library' });
    expect(await card(page, 'Phone Befriending')).toMatchObject({ when: 'Times by arrangement' });
    await screenshot(page, 'import-csv-phone');

    await page.locator('.card__title a', { hasText: 'Sewing Circle' }).click();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 30_000 }).toBe('Sewing Circle');
    await expect(page.getByText('Learn to mend, alter and make clothes on our machines.').first().isVisible()).resolves.toBe(true);
    await expect(page.locator('main').textContent()).resolves.not.toContain('<b>');

    // In Urdu the imported English text stays readable, marked as English inside the right-to-left page.
    await page.locator('#language-picker').focus(); // as a tap or Tab does: the picker lists the languages once reached
    await page.locator('#language-picker').selectOption('ur');
    await expect.poll(() => page.locator('html').getAttribute('dir'), { timeout: 30_000 }).toBe('rtl');
    await expect(page.locator('h1 [lang="en"]').textContent()).resolves.toBe('Sewing Circle');
    await screenshot(page, 'import-csv-activity-ur-phone');
    expect(errors).toEqual([]);
    await close();
  });
});
