// The first screen: the feed loads and lists its activities; broken feeds and broken records are explained, never fatal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_DIST } from './paths';
import { launchBrowser, newContext, serveApp, screenshot, watchErrors, DESKTOP } from './harness';
import { BUDGETS, isStringsFile, kB, measureAllJavaScript, measureFirstScreen, measureFirstVisit, type FileSize } from '../../scripts/bench/sizes';
import { minimalFeed } from '../unit/fixtures';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('first screen with the sample feed', () => {
  it('lists activities with their next session and says the data is a sample', async () => {
    const server = await serveApp();
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.url);
    await expect.poll(() => page.locator('.card').count()).toBeGreaterThan(10);
    await expect(page.getByRole('note').filter({ hasText: 'Sample data' }).isVisible()).resolves.toBe(true);
    const sample = JSON.parse(readFileSync('public/feed.json', 'utf8')) as { activities: unknown[] };
    await expect(page.locator('.result-count').textContent()).resolves.toBe(`${sample.activities.length} activities`);
    const firstWhen = await page.locator('.card__when').first().textContent();
    expect(firstWhen).toMatch(/^(Next: .+\d\d:\d\d|Times by arrangement|No dates coming up)/);
    await expect(page.title()).resolves.toContain('Find groups and activities');
    await screenshot(page, 'first-screen-phone');
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'first-screen-desktop');
    expect(errors).toEqual([]);
    await context.close();
    await server.close();
  });
});

// The feed is the first screen's longest wait; the built page starts its download itself (scripts/vite/feed-preload.ts)
// instead of waiting for the code to arrive and ask, and the app then uses that one download.
describe('the feed download', () => {
  it('starts from the page itself, before the code runs, and happens once', async () => {
    const server = await serveApp();
    const context = await newContext(browser, { serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const feedRequests: string[] = [];
    cdp.on('Network.requestWillBeSent', (event) => {
      if (new URL(event.request.url).pathname === '/feed.json') feedRequests.push(event.initiator.type);
    });
    await cdp.send('Network.enable');
    await page.goto(server.url);
    await expect.poll(() => page.locator('.card').count()).toBeGreaterThan(10);
    expect(feedRequests).toEqual(['parser']);
    await context.close();
    await server.close();
  });
});

// Layout shift (issue 9): Lighthouse found 0.057 on most screens. The cause was the header's 'Install app' button, which
// appears whenever Chromium offers installation (in Lighthouse's run, just after the first paint) and pushed the page
// down by a row. The offer is made here the way Chromium makes it, once the screen has its content.
describe('a still first screen', () => {
  const screens = [
    ['browse', '/', '.card'],
    ['an activity', '/activity/knit-and-natter-werneth', '.activity h1'],
  ] as const;

  it.each(screens)('%s: layout shift stays under 0.01 while it loads, the install offer included', async (_name, path, content) => {
    const server = await serveApp();
    const context = await newContext(browser, { serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const shifts: number[] = ((window as unknown as { layoutShifts: number[] }).layoutShifts = []);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          const shift = entry as PerformanceEntry & { value: number; hadRecentInput: boolean };
          if (!shift.hadRecentInput) shifts.push(shift.value);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(server.url + path);
    await page.locator(content).first().waitFor();
    await page.evaluate(() => {
      const offer = new Event('beforeinstallprompt', { cancelable: true });
      Object.assign(offer, { prompt: () => Promise.resolve(), userChoice: Promise.resolve({ outcome: 'dismissed' }) });
      window.dispatchEvent(offer);
    });
    await page.getByRole('button', { name: 'Install app' }).waitFor();
    // Two frames: the button has been laid out and any shift it caused has been reported.
    await page.evaluate(() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))));
    const shifts = await page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts);
    expect(shifts.reduce((sum, value) => sum + value, 0)).toBeLessThan(0.01);
    await context.close();
    await server.close();
  });
});

// Size budgets (issue 9), measured by scripts/bench/sizes.ts (which `npm run bench` prints too). Sizes are brotli at
// quality 11, as scripts/vite/precompress.ts writes the files the server sends; 1 kB = 1000 bytes.
describe('size budgets', () => {
  const listed = (files: FileSize[]) => files.map(({ path, bytes, encoding }) => `${path} ${kB(bytes)}${encoding && encoding !== 'none' ? ` (${encoding})` : ''}`).join(', ');

  it('first screen: at most 50 kB brotli of JavaScript (and strings) on a phone before the list is drawn, no map code', async () => {
    const server = await serveApp();
    const firstScreen = await measureFirstScreen(browser, server.url, E2E_DIST);
    await server.close();
    console.log(`first screen: ${kB(firstScreen.total)} brotli (budget 50 kB): ${listed(firstScreen.files)}; after the list is drawn: ${firstScreen.after.join(' ') || 'nothing'}`);
    const html = readFileSync(join(E2E_DIST, 'index.html'), 'utf8');
    const entryAndPreloads = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    const counted = firstScreen.files.map(({ path }) => path);
    expect(entryAndPreloads.length).toBeGreaterThan(0);
    expect(entryAndPreloads.filter((path) => !counted.includes(path))).toEqual([]);
    expect(counted.filter(isStringsFile)).toHaveLength(1);
    expect(firstScreen.fetched.some((path) => /MapView|leaflet/i.test(path))).toBe(false);
    // Nothing saved on this device: the database code (Dexie) is not downloaded at all.
    expect(firstScreen.fetched.some((path) => /\/assets\/db-/.test(path))).toBe(false);
    expect(firstScreen.total).toBeLessThanOrEqual(BUDGETS.firstScreen);
  });

  it('all JavaScript the build emits, the service worker included: at most 150 kB brotli', () => {
    const all = measureAllJavaScript(E2E_DIST);
    console.log(`all JavaScript: ${kB(all.total)} brotli in ${all.files.length} files (budget 150 kB): ${listed(all.files)}`);
    expect(all.files.map(({ path }) => path)).toContain('/sw.js');
    expect(all.total).toBeLessThanOrEqual(BUDGETS.allJavaScript);
  });

  it('a first visit to the sample town: at most 150 kB compressed in all, the service worker downloads included', async () => {
    const visit = await measureFirstVisit(browser, (handle) => serveApp({ handle }));
    console.log(`first visit: ${kB(visit.total)} in ${visit.files.length} answers (budget 150 kB): ${listed(visit.files)}`);
    // What makes the app work offline after this one visit is among it: the feed, the precached shell, the strings.
    const paths = visit.files.map(({ path }) => path);
    expect(paths).toContain('/feed.json');
    expect(paths).toContain('/index.html');
    expect(paths.filter(isStringsFile).length).toBeGreaterThan(0);
    expect(visit.files.find(({ path }) => path === '/feed.json')?.encoding).toBe('br');
    expect(visit.errors).toEqual([]);
    expect(visit.total).toBeLessThanOrEqual(BUDGETS.firstVisit);
  });
});

describe('bad feeds', () => {
  it('skips an invalid record, says how many, and still shows the rest', async () => {
    const feed = minimalFeed();
    const broken = structuredClone(feed.activities[0]!) as Record<string, unknown>;
    broken.id = 'broken-one';
    broken.venue = 'no-such-venue';
    feed.activities.push(broken as never);
    const server = await serveApp({ feed });
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await expect.poll(() => page.locator('.card').count()).toBe(feed.activities.length - 1);
    await expect(page.getByText('1 listing could not be shown').isVisible()).resolves.toBe(true);
    await context.close();
    await server.close();
  });

  it('shows hostile feed text as text and never runs it', async () => {
    const feed = minimalFeed();
    (feed.activities[0] as { name: unknown }).name = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const server = await serveApp({ feed });
    const context = await newContext(browser);
    const page = await context.newPage();
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    await page.goto(server.url);
    await expect.poll(() => page.locator('.card').count()).toBe(feed.activities.length);
    await expect(page.locator('.card__title').first().textContent()).resolves.toContain('<script>');
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    expect(dialogs).toBe(0);
    await context.close();
    await server.close();
  });

  it('explains a feed that is not JSON and loads it when retried', async () => {
    let requests = 0;
    const good = JSON.stringify(minimalFeed());
    const server = await serveApp({
      handle: (request, response) => {
        if (!request.url?.startsWith('/feed.json')) return false;
        requests += 1;
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(requests === 1 ? '{"format": "activity-feed", ' : good);
        return true;
      },
    });
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('The activity list is damaged');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => page.locator('.card').count()).toBe(3);
    await context.close();
    await server.close();
  });
});
