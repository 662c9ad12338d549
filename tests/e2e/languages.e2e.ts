// Every resident's language: each main screen in all eight languages at 360 px, right-to-left for Urdu and Arabic,
// only the chosen locale downloaded, switching offline, and a referral filled in Urdu sent with locale "ur".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser, newContext, screenshot, serveApp, waitForServiceWorker, DESKTOP } from './harness';
import { createReferralReceiver, type ReferralReceiver } from '../../scripts/server/referrals';
import type { RunningServer } from '../../scripts/server/app-server';
import { languages } from '../../src/i18n/languages';
import { DRAFT_KEY } from '../../src/referral/answers';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const MONDAY_MORNING = new Date('2026-11-23T09:00:00Z');
const SCREENS = ['/', '/?view=map', '/activity/knit-and-natter-werneth', '/favourites', '/refer'];

type Tree = { [key: string]: string | Tree };
function message(code: string, path: string): string {
  // The referral journey's and the sharing strings live beside the main file (locales/referral/, locales/share/),
  // loaded with their screens.
  const [first, ...rest] = path.split('.');
  const isNamespace = first === 'referral' || first === 'share';
  const file = isNamespace ? `locales/${first}/${code}.json` : `locales/${code}.json`;
  let node: string | Tree = JSON.parse(readFileSync(file, 'utf8')) as Tree;
  for (const part of isNamespace ? rest : [first!, ...rest]) node = (node as Tree)[part]!;
  return node as string;
}

let browser: Browser;
let server: RunningServer;
let receiver: ReferralReceiver;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tc-languages-'));
  receiver = createReferralReceiver({ dataFile: join(dataDir, 'referrals.jsonl') });
  browser = await launchBrowser();
  server = await serveApp({ handle: receiver.handle });
});
afterAll(async () => {
  await server.close();
  await browser.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function openIn(code: string, options: Parameters<typeof newContext>[1] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, options);
  await context.addInitScript((lang) => localStorage.setItem('tc.language', lang), code);
  const page = await context.newPage();
  await page.clock.setFixedTime(MONDAY_MORNING);
  return { context, page };
}

/** What a person would notice: text wider than the screen, or a translation key shown instead of words. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) problems.push(`page is ${document.documentElement.scrollWidth}px wide on a ${width}px screen`);
    for (const element of document.querySelectorAll<HTMLElement>('main *, header *')) {
      if (element.closest('.leaflet-container')) continue;
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 1 && getComputedStyle(element).position !== 'fixed') problems.push(`${element.tagName}.${element.className} sticks out`);
    }
    const text = document.body.innerText;
    const keys = text.match(/\b(app|browse|activity|favourites|referral|pwa|map|schedule|when|nav|language|notFound)\.[a-zA-Z]+[\w.]*/g);
    if (keys) problems.push(`untranslated keys: ${[...new Set(keys)].slice(0, 5).join(', ')}`);
    return problems.slice(0, 10);
  });
}

describe('each language at 360 px', () => {
  for (const { code, dir } of languages) {
    it(`${code}: every main screen renders in ${code}, ${dir}, with nothing wider than the screen`, async () => {
      const { context, page } = await openIn(code);
      for (const path of SCREENS) {
        await page.goto(server.url + path);
        await page.locator('main h1').first().waitFor();
        if (path.includes('map')) await page.locator('.leaflet-container').waitFor();
        await expect(page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).resolves.toEqual([code, dir]);
        expect(await layoutProblems(page), `${code} ${path}`).toEqual([]);
        if (path === '/' || path.startsWith('/activity')) await screenshot(page, `lang-${code}-${path === '/' ? 'browse' : 'activity'}-phone`);
      }
      await context.close();
    });
  }
});

describe('right to left', () => {
  for (const code of ['ur', 'ar']) {
    it(`${code}: mirrored layout, English feed text isolated left to right, and no axe violations`, async () => {
      const { context, page } = await openIn(code);
      await page.goto(`${server.url}/activity/knit-and-natter-werneth`);
      await page.locator('main h1').waitFor();
      // The back link sits at the right edge of a right-to-left page.
      const back = await page.locator('.back-link').boundingBox();
      expect(back!.x + back!.width).toBeGreaterThan(300);
      const postcode = page.locator('.venue__line', { hasText: 'OL8' });
      await expect(postcode.getAttribute('dir')).resolves.toBe('ltr');
      await expect(postcode.getAttribute('lang')).resolves.toBe('en');
      const violations = [];
      for (const path of ['/', '/activity/knit-and-natter-werneth', '/refer']) {
        await page.goto(server.url + path);
        await page.locator('main h1').first().waitFor();
        const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        violations.push(...result.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
      }
      expect(violations).toEqual([]);
      await page.setViewportSize(DESKTOP);
      await page.goto(server.url);
      await page.locator('.leaflet-container').waitFor();
      await screenshot(page, `lang-${code}-browse-desktop`);
      await context.close();
    });
  }
});

describe('choosing a language', () => {
  it("follows the browser's preferred language on a first visit, then remembers the person's choice", async () => {
    const context = await newContext(browser, { locale: 'ur-PK' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('main h1').waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('ur');
    const picker = page.getByRole('combobox', { name: message('ur', 'language.label') });
    await picker.focus(); // as a tap or Tab does: the picker lists the languages once reached
    await picker.selectOption('pl');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('pl');
    await expect(page.locator('main h1').textContent()).resolves.toBe(message('pl', 'browse.title'));
    await page.reload();
    await page.locator('main h1').waitFor();
    await expect(page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).resolves.toEqual(['pl', 'ltr']);
    await context.close();
  });

  it('the picker offers every language once reached, by keyboard or by a tap, without changing its width', async () => {
    const { context, page } = await openIn('en', { serviceWorkers: 'block' });
    await page.goto(server.url);
    await page.locator('.card').first().waitFor();
    const picker = page.locator('select#language-picker');
    const optionNames = () => picker.locator('option').allTextContents();
    // Before anyone reaches it, only the language in use is laid out (the others' scripts would slow the first paint).
    await expect(optionNames()).resolves.toEqual(['English']);
    const width = (await picker.boundingBox())!.width;
    for (let presses = 0; presses < 30 && (await page.evaluate(() => document.activeElement?.id)) !== 'language-picker'; presses++) await page.keyboard.press('Tab');
    await expect(optionNames()).resolves.toEqual(languages.map((l) => l.nativeName));
    expect((await picker.boundingBox())!.width).toBeCloseTo(width, 0);
    // The next language down the list is Urdu: the arrow key moves to it as on any list of choices.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ur', 'rtl']);
    await expect(page.locator('main h1').textContent()).resolves.toBe(message('ur', 'browse.title'));
    await expect(page.locator('.site-header nav a').allTextContents()).resolves.toContain(message('ur', 'nav.browse'));
    await expect(page.locator('.language-picker label').textContent()).resolves.toBe(message('ur', 'language.label'));
    // Still on the picker, as before the change: the next key press goes on from there.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('language-picker');

    await page.reload(); // in English again: the test's set-up chooses it at every load
    await page.locator('.card').first().waitFor();
    await expect(optionNames()).resolves.toEqual(['English']);
    // A finger or a mouse presses it before it takes focus (Safari builds its list of choices then).
    await picker.dispatchEvent('pointerdown');
    await expect(optionNames()).resolves.toEqual(languages.map((l) => l.nativeName));
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.not.toBe('language-picker');
    await context.close();
  });

  it('downloads only the chosen language', async () => {
    const { context, page } = await openIn('bn', { serviceWorkers: 'block' });
    const localeRequests: string[] = [];
    const codes = languages.map((l) => l.code).join('|');
    page.on('request', (request) => {
      const match = new RegExp(`/assets/(${codes})-[\\w-]+\\.json$`).exec(new URL(request.url()).pathname);
      if (match) localeRequests.push(match[1]!);
    });
    await page.goto(server.url);
    await page.locator('.card').first().waitFor();
    expect(localeRequests).toEqual(['bn']);
    await context.close();
  });

  it('opened on a shared activity: fetches that page’s strings in the chosen language alongside the feed, each file once', async () => {
    const { context, page } = await openIn('ur', { serviceWorkers: 'block' });
    const localeRequests: string[] = [];
    const codes = languages.map((l) => l.code).join('|');
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (new RegExp(`/assets/(${codes})-[\\w-]+\\.json$`).test(path)) localeRequests.push(path);
    });
    await page.goto(`${server.url}/activity/knit-and-natter-werneth`);
    await page.locator('main h1').waitFor();
    await expect.poll(() => page.getByRole('heading', { name: message('ur', 'share.calendar.title') }).count()).toBe(1);
    // The app's own strings and the sharing strings the page needs: Urdu only, and no file asked for twice (the early
    // download is the one the page uses).
    expect(localeRequests.map((path) => path.replace(/^\/assets\/(\w+)-.*$/, '$1'))).toEqual(['ur', 'ur']);
    expect(new Set(localeRequests).size).toBe(2);
    await context.close();
  });

  it('switches offline to a language used before; one never used stays unavailable until back online', async () => {
    // Only the reader's language is downloaded on a first visit (the size budget); others are kept once used.
    const { context, page } = await openIn('en');
    await page.goto(server.url);
    await page.locator('.card').first().waitFor();
    await waitForServiceWorker(page);
    const picker = page.locator('select#language-picker'); // its name changes with the language
    await picker.focus(); // as a tap or Tab does: the picker lists the languages once reached
    await picker.selectOption('ar');
    await expect.poll(() => page.locator('main h1').textContent()).toBe(message('ar', 'browse.title'));
    await picker.selectOption('en');
    await expect.poll(() => page.locator('main h1').textContent()).toBe(message('en', 'browse.title'));
    await page.reload();
    await page.locator('.card').first().waitFor();
    await context.setOffline(true);
    await picker.focus();
    await picker.selectOption('ar');
    await expect.poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    await expect(page.locator('main h1').textContent()).resolves.toBe(message('ar', 'browse.title'));
    await picker.selectOption('pl');
    await expect.poll(() => page.getByText(message('ar', 'language.failed')).count()).toBe(1);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('ar');
    await context.close();
  });
});

describe('a referral in Urdu', () => {
  it('is delivered with locale "ur"', async () => {
    const { context, page } = await openIn('ur');
    await page.goto(`${server.url}/refer`);
    await page.locator('main h1').waitFor();
    const draft = {
      for: 'self', hasPermission: false, referrer: { name: '', relationship: '', phone: '', email: '' },
      name: 'رانی', postcode: '', methods: ['phone'], phone: '07700 900982', email: '', bestTimes: ['morning'],
      canLeaveMessage: 'no', preferredLanguage: 'ur', otherLanguage: '', interpreter: 'yes',
      offered: [{ activityId: 'knit-and-natter-werneth', name: 'Knit and Natter' }], chosen: ['knit-and-natter-werneth'],
      about: 'ملنا جلنا', needs: '', meetsMinimumAge: 'yes', consentShare: true, consentHealth: true,
      consentStatement: message('ur', 'referral.consent.share'), consentAt: '2026-11-23T09:00:00.000Z', id: '',
    };
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [DRAFT_KEY, JSON.stringify(draft)] as const);
    await page.goto(`${server.url}/refer/check`);
    await page.getByRole('button', { name: message('ur', 'referral.check.send') }).click();
    await page.waitForURL(/\/refer\/sent\//);
    await expect.poll(async () => (await receiver.stored()).map((entry) => entry.referral.locale)).toContain('ur');
    await context.close();
  });
});
