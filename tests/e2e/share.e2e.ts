// Sharing, printing and posting, as a family member and a community centre use them: share or copy an activity's
// link, send a shortlist and save it on the other phone, print the list and posters (whose QR codes must scan back to
// the listing), download calendar files that give the app's own dates, and venue pages that pass axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import jsQR from 'jsqr';
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import { DESKTOP, launchBrowser, newContext, PHONE, screenshot, serveApp, watchErrors } from './harness';
import { FIXTURE_NOW, minimalFeed } from '../unit/fixtures';
import { nextOccurrences } from '../../src/feed/schedule';
import { checkFeed } from '../../src/feed/check';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const KNIT = 'knit-and-natter-werneth';
const feedJson = minimalFeed();
const feed = checkFeed(structuredClone(feedJson), { now: FIXTURE_NOW }).feed!;

let browser: Browser;
let server: Awaited<ReturnType<typeof serveApp>>;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await serveApp({ feed: feedJson });
});
afterAll(async () => {
  await server?.close();
  await browser?.close();
});

async function open(context: BrowserContext, path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  await page.clock.setFixedTime(FIXTURE_NOW);
  const errors = watchErrors(page);
  await page.goto(at(path));
  await page.locator('main h1').first().waitFor({ timeout: 30_000 });
  return { page, errors };
}

/** An address on the test server. */
function at(path: string): string {
  return new URL(path, server.url).href;
}

function origin(): string {
  return new URL(server.url).origin;
}

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** How many pages a PDF has: its page objects (not the /Pages tree node). */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/** The size of a PDF's first page in millimetres (PDF points are 1/72 inch). */
function pdfPageMillimetres(pdf: Buffer): [number, number] {
  const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
  if (!box) throw new Error('no MediaBox in the PDF');
  return [Math.round((Number(box[1]) * 25.4) / 72), Math.round((Number(box[2]) * 25.4) / 72)];
}

/** Reads the QR code on screen as a phone would: a screenshot of it, turned into pixels, decoded by jsQR. */
async function decodeQr(page: Page, selector: string): Promise<string | null> {
  const png = await page.locator(selector).screenshot();
  // Turn the PNG into pixels in a blank page (no app, no content policy), then decode them here in Node.
  const blank = await page.context().newPage();
  const pixels = await blank.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [image.naturalWidth, image.naturalHeight];
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, data: Array.from(data.data) };
  }, png.toString('base64'));
  await blank.close();
  return jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height)?.data ?? null;
}

describe('sharing an activity', { timeout: 120_000 }, () => {
  it('copies the listing’s own link where there is no share sheet, says so, and the link opens the listing on a first visit', async () => {
    const context = await newContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    const { page, errors } = await open(context, `/activity/${KNIT}`);
    await expect(page.evaluate(() => typeof navigator.share)).resolves.toBe('undefined');
    await page.getByRole('button', { name: 'Copy link' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Link copied' });
    await status.waitFor({ timeout: 10_000 });
    await expect(status.textContent()).resolves.toBe('Link copied. You can now paste it into a message.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${origin()}/activity/${KNIT}`);
    await screenshot(page, 'share-activity-copied');
    expect(await axeViolations(page)).toEqual([]);

    // The venue is a link to its page; directions hand its position to the maps app.
    await expect(page.getByRole('link', { name: 'Werneth Community Centre' }).getAttribute('href')).resolves.toBe('/venue/werneth-community-centre');
    await expect(page.getByRole('link', { name: /Get directions/ }).getAttribute('href')).resolves.toBe('https://www.google.com/maps/dir/?api=1&destination=53.536100,-2.132200');

    // Someone else opens the copied link on a phone that has never seen the app.
    const fresh = await newContext(browser);
    const other = await open(fresh, copied.slice(origin().length));
    await expect(other.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Knit and Natter');
    expect([...errors, ...other.errors]).toEqual([]);
    await fresh.close();
    await context.close();
  });

  it('hands the title, words and link to the phone’s share sheet where there is one', async () => {
    const context = await newContext(browser);
    await context.addInitScript(() => {
      const shared: ShareData[] = [];
      Object.assign(window, { sharedData: shared });
      Object.defineProperty(navigator, 'share', { value: (data: ShareData) => (shared.push(data), Promise.resolve()), configurable: true });
      Object.defineProperty(navigator, 'canShare', { value: () => true, configurable: true });
    });
    const { page, errors } = await open(context, `/activity/${KNIT}`);
    await expect(page.getByRole('button', { name: 'Copy link' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { sharedData: ShareData[] }).sharedData)).toEqual([
      { title: 'Knit and Natter', text: 'Have a look at this: Knit and Natter', url: `${origin()}/activity/${KNIT}` },
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('calendar files', { timeout: 120_000 }, () => {
  it('downloads the next session and the whole series, which a calendar library reads as the app’s own dates', async () => {
    const context = await newContext(browser, { acceptDownloads: true });
    const { page, errors } = await open(context, `/activity/${KNIT}`);
    const knit = feed.activities.find((a) => a.id === KNIT)!;
    const expected = nextOccurrences(knit.schedule, FIXTURE_NOW, 'Europe/London', 12).map((o) => o.start.toISOString());
    // The app shows the same next sessions.
    await expect(page.locator('.sessions').first().locator('li').first().textContent()).resolves.toBe('Tue 24 Nov, 10:00–12:00');

    const [nextDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Next session' }).click()]);
    expect(nextDownload.suggestedFilename()).toBe('knit-and-natter.ics');
    const nextText = readFileSync((await nextDownload.path())!, 'utf8');
    const nextEvents = new ICAL.Component(ICAL.parse(nextText)).getAllSubcomponents('vevent');
    expect(nextEvents).toHaveLength(1);
    expect(new ICAL.Event(nextEvents[0]!).startDate.toJSDate().toISOString()).toBe(expected[0]);

    const [seriesDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'All sessions' }).click()]);
    expect(seriesDownload.suggestedFilename()).toBe('knit-and-natter-all.ics');
    const seriesText = readFileSync((await seriesDownload.path())!, 'utf8');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(seriesText)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Knit and Natter');
    expect(event.location).toBe('Werneth Community Centre, 1 Example Street, Oldham, OL8 1AA');
    const iterator = event.iterator();
    const starts: string[] = [];
    for (let time = iterator.next(); time && starts.length < 12; time = iterator.next()) starts.push(time.toJSDate().toISOString());
    expect(starts).toEqual(expected);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a shortlist', { timeout: 120_000 }, () => {
  it('goes from one phone’s favourites to another’s in one link, is saved there in one tap, and prints as a clean list', { timeout: 120_000 }, async () => {
    // The daughter saves two groups and copies the list's link.
    const sender = await newContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    const { page, errors } = await open(sender, `/activity/${KNIT}`);
    await page.getByRole('button', { name: 'Save Knit and Natter' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Save Knit and Natter' }).getAttribute('aria-pressed')).toBe('true');
    // 'Saved to your favourites' is said once the save is on the device; the next page is a full load, which would cut
    // short a save still under way (the first one also fetches the database code).
    const savedSaid = () => page.locator('[role="status"][aria-live="polite"]').filter({ hasText: 'Saved to your favourites' }).count();
    await expect.poll(savedSaid).toBe(1);
    await page.goto(at(`/activity/memory-cafe-library`));
    await page.getByRole('button', { name: 'Save Memory Café' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Save Memory Café' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(savedSaid).toBe(1);
    await page.goto(at(`/favourites`));
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor({ timeout: 10_000 });
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${origin()}/shortlist?ids=memory-cafe-library,${KNIT}`);
    expect(errors).toEqual([]);
    await sender.close();

    // Her father opens it on his phone, where nothing is saved; one listing has since left the feed.
    const receiver = await newContext(browser);
    const opened = await open(receiver, `${link.slice(origin().length)},gone-from-the-feed`);
    const shortlist = opened.page;
    await expect(shortlist.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('A list of activities shared with you');
    await expect(shortlist.locator('.listing-summary h2').allTextContents()).resolves.toEqual(['Memory Café', 'Knit and Natter']);
    await expect(shortlist.getByRole('note').filter({ hasText: 'no longer listed' }).textContent()).resolves.toBe('1 activity in this link is no longer listed.');
    await expect(shortlist.locator('.listing-summary').nth(1).textContent()).resolves.toContain('Tue 24 Nov, 10:00–12:00');
    await screenshot(shortlist, 'share-shortlist-phone');
    expect(await axeViolations(shortlist)).toEqual([]);

    await shortlist.getByRole('button', { name: 'Save all 2 to my favourites' }).click();
    await shortlist.getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: 10_000 });
    await expect(shortlist.getByRole('button', { name: 'All saved in your favourites' }).isDisabled()).resolves.toBe(true);
    await shortlist.getByRole('link', { name: 'See your favourites' }).click();
    await shortlist.getByRole('heading', { name: 'Your favourites', level: 1 }).waitFor();
    await expect.poll(() => shortlist.locator('.fav-item .card__title').allTextContents().then((names) => names.sort())).toEqual(['Knit and Natter', 'Memory Café']);
    // And they stay after a reload: they are on the device, not in memory.
    await shortlist.reload();
    await expect.poll(() => shortlist.locator('.fav-item .card__title').allTextContents().then((names) => names.sort()), { timeout: 15_000 }).toEqual(['Knit and Natter', 'Memory Café']);

    // 'Print this list': on paper, no header, footer or buttons; the listings with their details.
    await shortlist.goBack();
    await shortlist.getByRole('button', { name: 'Print this list' }).waitFor();
    await shortlist.emulateMedia({ media: 'print' });
    await expect(shortlist.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(shortlist.locator('.site-footer').isVisible()).resolves.toBe(false);
    await expect(shortlist.getByRole('button', { name: 'Print this list' }).isVisible()).resolves.toBe(false);
    await expect(shortlist.locator('.listing-summary').first().isVisible()).resolves.toBe(true);
    await screenshot(shortlist, 'share-shortlist-print');
    const pdf = await shortlist.pdf({ format: 'A4', printBackground: true });
    expect(pdfPageCount(pdf)).toBe(1);
    expect(opened.errors).toEqual([]);
    await receiver.close();
  });

  it('says so when no listing of the link is left', async () => {
    const context = await newContext(browser);
    const { page, errors } = await open(context, '/shortlist?ids=gone-one,gone-two');
    await expect(page.getByText('None of the activities in this link are listed any more.').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('note').filter({ hasText: 'no longer listed' }).textContent()).resolves.toBe('2 activities in this link are no longer listed.');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('posters', { timeout: 120_000 }, () => {
  it('are two taps from the listing, print on one A4 or A5 page without the site around them, in two languages, with a QR code of the listing', { timeout: 150_000 }, async () => {
    const context = await newContext(browser, { viewport: DESKTOP });
    await context.addInitScript(() => {
      Object.assign(window, { printed: 0 });
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    const { page, errors } = await open(context, `/activity/${KNIT}`);
    // Tap 1: 'Print a poster'; tap 2: 'Print the poster'.
    await page.getByRole('link', { name: 'Print a poster' }).click();
    await page.getByRole('heading', { name: 'Poster: Knit and Natter', level: 1 }).waitFor();
    await page.locator('.poster .qr').waitFor();
    await page.getByRole('button', { name: 'Print the poster' }).click();
    await expect(page.evaluate(() => (window as unknown as { printed: number }).printed)).resolves.toBe(1);

    expect(await decodeQr(page, '.poster .qr')).toBe(`${origin()}/activity/${KNIT}`);
    await expect(page.locator('.poster').textContent()).resolves.toContain('Just come along. You do not need to book.');
    await expect(page.locator('.poster').textContent()).resolves.toContain('Every Tuesday and Thursday, 10:00–12:00');
    await screenshot(page, 'share-poster-a4-en');
    expect(await axeViolations(page)).toEqual([]);

    // A second language the centre chooses: Urdu beside English.
    await page.getByLabel('Second language').selectOption('ur');
    await page.waitForURL(/lang=ur/);
    const urdu = page.locator('.poster [lang="ur"]');
    await urdu.first().waitFor();
    await expect(page.locator('.poster .poster__language[lang="ur"] .poster__label').first().textContent()).resolves.toBe('کب');
    await expect(page.locator('.poster .poster__language[lang="ur"]').getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.locator('.poster .poster__language[lang="en"] .poster__label').first().textContent()).resolves.toBe('When');
    expect(await decodeQr(page, '.poster .qr')).toBe(`${origin()}/activity/${KNIT}`);

    // On paper (a window as wide as A4's printable width): no site around it, and nothing cut off at the foot.
    await page.setViewportSize({ width: 718, height: 1100 });
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.locator('.poster-controls').isVisible()).resolves.toBe(false);
    await expect(page.locator('.poster').evaluate((poster) => poster.scrollHeight <= poster.clientHeight + 1)).resolves.toBe(true);
    await page.screenshot({ path: await screenshot(page, 'share-poster-a4-ur-print'), fullPage: true });
    const a4 = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdfPageCount(a4)).toBe(1);
    expect(pdfPageMillimetres(a4)).toEqual([210, 297]);

    // Back to the screen to change the size (page.pdf prints with screen styles while 'screen' is emulated, so reset).
    await page.emulateMedia({ media: null });
    await page.getByLabel('A5').check();
    await page.waitForURL(/size=a5/);
    await page.locator('.poster--a5').waitFor();
    expect(await decodeQr(page, '.poster .qr')).toBe(`${origin()}/activity/${KNIT}`);
    await screenshot(page, 'share-poster-a5-ur');
    const a5 = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdfPageCount(a5)).toBe(1);
    expect(pdfPageMillimetres(a5)).toEqual([148, 210]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('for a venue lists all its activities with a QR code of the venue page, on one page', async () => {
    const context = await newContext(browser, { viewport: DESKTOP });
    const { page, errors } = await open(context, '/venue/werneth-community-centre');
    await page.getByRole('link', { name: 'Print a poster of everything here' }).click();
    await page.locator('.poster .qr').waitFor();
    expect(await decodeQr(page, '.poster .qr')).toBe(`${origin()}/venue/werneth-community-centre`);
    await expect(page.locator('.poster h2').first().textContent()).resolves.toBe("What's on at Werneth Community Centre");
    await expect(page.locator('.poster .poster__activity-name').allTextContents()).resolves.toEqual(['Knit and Natter']);
    await screenshot(page, 'share-poster-venue');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdfPageCount(pdf)).toBe(1);
    expect(pdfPageMillimetres(pdf)).toEqual([210, 297]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('venue pages', { timeout: 120_000 }, () => {
  for (const lang of ['en', 'ur'] as const) {
    for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
      it(`show the venue, its access and everything held there, and pass axe (${lang}, ${size})`, { timeout: 120_000 }, async () => {
        const context = await newContext(browser, { viewport });
        await context.addInitScript((code) => localStorage.setItem('tc.language', code), lang);
        const { page, errors } = await open(context, '/venue/werneth-community-centre');
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Werneth Community Centre');
        await expect(page.locator('.listing-summary h3').allTextContents()).resolves.toEqual(['Knit and Natter']);
        await expect(page.locator('a.external').first().getAttribute('href')).resolves.toContain('destination=53.536100,-2.132200');
        if (lang === 'en') {
          await expect(page.locator('.ticks li').allTextContents()).resolves.toEqual(['Step-free access', 'Accessible toilet']);
        }
        await screenshot(page, `share-venue-${lang}-${size}`);
        expect(await axeViolations(page)).toEqual([]);

        // The poster controls and the shortlist pass too, in the same language and size.
        await page.goto(at(`/poster/activity/${KNIT}?lang=ar`));
        await page.locator('.poster .qr').waitFor({ timeout: 30_000 });
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, `share-poster-controls-${lang}-${size}`);
        await page.goto(at(`/shortlist?ids=${KNIT},memory-cafe-library`));
        await page.locator('.listing-summary').first().waitFor({ timeout: 30_000 });
        expect(await axeViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }
});
