// Installable and offline: the manifest passes Chromium's checks; after one visit every screen works with no network,
// even from a cold start; the saved feed is only ever replaced by a good one; a redeploy never breaks an open tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, PHONE, launchBrowser, newContext, screenshot, serveApp, servePublishedFeed, waitForServiceWorker, watchErrors } from './harness';
import { E2E_DIST, TEST_TILE_URL } from './paths';
import { FEED_CACHE, TILE_CACHE } from '../../src/pwa/protocol';
import { minimalFeed } from '../unit/fixtures';

const ACTIVITY = '/activity/knit-and-natter-werneth';
const MONDAY_MORNING = new Date('2026-11-23T09:00:00Z');

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** Offline, tiles nobody looked at before cannot load: expected, and not a problem a person would notice. */
const watchProblems = (page: Page) => watchErrors(page, { expectedFailedLoads: /\/test-tiles\// });

async function feedIsSaved(page: Page): Promise<boolean> {
  return page.evaluate(async (cacheName) => {
    const cache = await caches.open(cacheName);
    return (await cache.keys()).some((request) => new URL(request.url).pathname === '/feed.json');
  }, FEED_CACHE);
}

/** The `generated` stamp of the feed the service worker would answer with now. */
async function savedFeedGenerated(page: Page): Promise<string | null> {
  return page.evaluate(async (cacheName) => {
    const saved = await (await caches.open(cacheName)).match('/feed.json', { ignoreSearch: true, ignoreVary: true });
    return saved ? ((await saved.json()) as { generated: string }).generated : null;
  }, FEED_CACHE);
}

const cardTitles = (page: Page) => page.locator('.card__title').allTextContents();

describe('installing', () => {
  it('passes Chromium’s installability checks with a complete manifest', async () => {
    const server = await serveApp();
    // Chromium answers 'in-incognito' for ordinary (incognito-like) contexts: installability needs a profile on disk.
    const profile = mkdtempSync(join(tmpdir(), 'tc-install-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true, viewport: PHONE });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(server.url);
      await page.locator('.card').first().waitFor();
      const cdp = await context.newCDPSession(page);
      await expect
        .poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors.map((e) => e.errorId), { timeout: 20_000 })
        .toEqual([]);

      const { errors, data } = await cdp.send('Page.getAppManifest');
      expect(errors).toEqual([]);
      const manifest = JSON.parse(data ?? '{}') as Record<string, unknown> & {
        icons: { src: string; sizes: string; purpose?: string }[];
        shortcuts: { url: string }[];
        screenshots: { src: string; sizes: string; form_factor: string }[];
      };
      expect(manifest).toMatchObject({ name: 'Thriving Communities', start_url: '/', scope: '/', display: 'standalone', lang: 'en', dir: 'ltr' });
      expect(manifest.theme_color).toBe('#1f5f5b');
      expect(manifest.background_color).toBe('#fbf8f3');
      expect(manifest.shortcuts.map((s) => s.url)).toEqual(['/favourites']);
      expect(manifest.icons.filter((i) => i.purpose === 'maskable').map((i) => i.sizes)).toContain('512x512');
      // Every PNG the manifest names is there and is the size it claims.
      for (const image of [...manifest.icons, ...manifest.screenshots].filter((i) => i.src.endsWith('.png'))) {
        const response = await page.request.get(server.url + image.src);
        expect(response.headers()['content-type'], image.src).toBe('image/png');
        const png = await response.body();
        expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, image.src).toBe(image.sizes);
      }
      expect(manifest.screenshots.map((s) => s.form_factor).sort()).toEqual(['narrow', 'wide']);
      await expect(page.locator('link[rel="apple-touch-icon"]').getAttribute('href')).resolves.toBe('/icons/apple-touch-icon.png');
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      await server.close();
    }
  });

  it('offers Install only once the browser offers it, and hands over to the browser’s own prompt', async () => {
    const server = await serveApp();
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.card').first().waitFor();
    const install = page.getByRole('button', { name: 'Install app' });
    await expect(install.count()).resolves.toBe(0);
    // What Chromium does when the app can be installed.
    await page.evaluate(() => {
      const event = new Event('beforeinstallprompt', { cancelable: true });
      Object.assign(event, {
        prompt: () => {
          (window as unknown as { promptShown: boolean }).promptShown = true;
          return Promise.resolve();
        },
        userChoice: Promise.resolve({ outcome: 'accepted' }),
      });
      window.dispatchEvent(event);
    });
    await install.click();
    await expect(page.evaluate(() => (window as unknown as { promptShown?: boolean }).promptShown)).resolves.toBe(true);
    await expect(install.count()).resolves.toBe(0);
    await context.close();
    await server.close();
  });

  it('tells iPhone Safari users how to add the app to the Home Screen, until they hide the tip', async () => {
    const server = await serveApp();
    const context = await newContext(browser, {
      userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    });
    const page = await context.newPage();
    await page.goto(server.url);
    const hint = page.getByText('tap the Share button, then ‘Add to Home Screen’');
    await hint.waitFor();
    await page.getByRole('button', { name: 'Hide this tip' }).click();
    await expect(hint.count()).resolves.toBe(0);
    await page.reload();
    await page.locator('.card').first().waitFor();
    await expect(hint.count()).resolves.toBe(0);
    await context.close();
    await server.close();
  });
});

describe('offline', () => {
  it('after one visit, browse, an activity page and favourites work offline: reloaded, and from a cold start', async () => {
    const server = await serveApp();
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.clock.setFixedTime(MONDAY_MORNING);
    const problems = watchProblems(page);
    await page.goto(server.url);
    // The first list is drawn a few cards per task: wait for the whole first page (the 'Show more' button comes last).
    await page.locator('.show-more').waitFor();
    const online = await cardTitles(page);
    await waitForServiceWorker(page);
    await expect.poll(() => feedIsSaved(page)).toBe(true);
    await expect(page.locator('.site-footer').textContent()).resolves.toContain('Listings updated 20 November 2026');
    // Look at the activity once online, so its map tiles are saved.
    await page.goto(server.url + ACTIVITY);
    await page.locator('.activity__map').scrollIntoViewIfNeeded();
    await page.locator('.activity .leaflet-tile-loaded').first().waitFor();
    await expect.poll(() => page.evaluate(async (name) => (await (await caches.open(name)).keys()).length, TILE_CACHE)).toBeGreaterThan(0);

    await context.setOffline(true);
    await page.goto(server.url);
    await expect.poll(() => cardTitles(page)).toEqual(online);
    await expect(page.getByRole('status').filter({ hasText: 'You are offline — showing saved information from 20 November 2026.' }).count()).resolves.toBe(1);
    await page.reload();
    await expect.poll(() => cardTitles(page)).toEqual(online);
    await screenshot(page, 'pwa-offline-phone');

    // No network at all: the server is gone, and a new tab starts cold.
    await server.close();
    const cold = await context.newPage();
    await cold.clock.setFixedTime(MONDAY_MORNING);
    const coldProblems = watchProblems(cold);
    const failedTiles: string[] = [];
    cold.on('requestfailed', (request) => {
      if (request.url().includes('/test-tiles/')) failedTiles.push(request.url());
    });
    await cold.goto(server.url + ACTIVITY);
    await expect.poll(() => cold.locator('h1').textContent()).toBe('Knit and Natter');
    await cold.locator('.activity__map').scrollIntoViewIfNeeded();
    await cold.locator('.activity .leaflet-tile-loaded').first().waitFor();
    expect(failedTiles).toEqual([]);
    await expect(cold.getByRole('link', { name: /Get directions/ }).textContent()).resolves.toContain('(needs internet)');
    await screenshot(cold, 'pwa-offline-activity-phone');

    await cold.goto(server.url + '/?view=map');
    await cold.locator('.leaflet-container').first().waitFor();
    await cold.goto(server.url + '/favourites');
    await expect.poll(() => cold.locator('h1').textContent()).toBe('Your favourites');
    await cold.goto(server.url + '/no-such-page');
    await expect.poll(() => cold.locator('h1').textContent()).toBe('Page not found');

    // Back online, the note goes.
    await context.setOffline(false);
    await expect.poll(() => cold.getByText('You are offline').count()).toBe(0);
    expect([...problems, ...coldProblems]).toEqual([]);
    await context.close();
  });
});

describe('the saved feed', () => {
  it('is replaced by a changed feed, shown once checked, and never by a broken one', async () => {
    const v1 = minimalFeed();
    const v2 = minimalFeed();
    v2.generated = '2026-11-27T09:00:00Z';
    v2.activities[0]!.name = 'Renamed in the new feed';
    const { server, publish, requests: feedRequests } = await servePublishedFeed(JSON.stringify(v1));
    const context = await newContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(server.url);
    await expect.poll(() => page.locator('.card').count()).toBe(3);
    await waitForServiceWorker(page);
    await expect.poll(() => feedIsSaved(page)).toBe(true);

    // A new feed is published: the next visit shows the saved one at once, then the new one once the worker has checked it.
    publish(JSON.stringify(v2));
    await page.reload();
    await expect.poll(() => cardTitles(page), { timeout: 15_000 }).toContain('Renamed in the new feed');
    await expect.poll(() => page.locator('.site-footer').textContent()).toContain('Listings updated 27 November 2026');

    // A broken publish: the worker fetches it, refuses it, and keeps the good copy.
    publish('{"format": "activity-feed", "version": 1, ');
    const before = feedRequests();
    await page.reload();
    await expect.poll(feedRequests).toBeGreaterThan(before);
    await expect.poll(() => cardTitles(page)).toContain('Renamed in the new feed');
    await page.waitForTimeout(500); // let the worker finish with the broken answer
    expect(await savedFeedGenerated(page)).toBe(v2.generated);

    // A publish with a feed's shape in which every listing is broken: the worker saves it (it checks only the shape), the
    // app finds nothing to show, keeps showing its last good copy and puts that back as the saved feed.
    const allBroken = minimalFeed();
    allBroken.generated = '2026-11-28T09:00:00Z';
    allBroken.activities = allBroken.activities.map((activity) => ({ ...activity, organisation: 'nobody' }));
    publish(JSON.stringify(allBroken));
    const beforeAllBroken = feedRequests();
    await page.reload();
    await expect.poll(feedRequests).toBeGreaterThan(beforeAllBroken);
    await expect.poll(() => savedFeedGenerated(page), { timeout: 15_000 }).toBe(v2.generated);
    await expect.poll(() => cardTitles(page)).toContain('Renamed in the new feed');
    await page.reload();
    await expect.poll(() => cardTitles(page)).toContain('Renamed in the new feed');
    await expect(page.getByText('could not be shown').count()).resolves.toBe(0);
    await page.waitForTimeout(500); // the worker fetches the broken file again and the page puts the good copy back again
    await expect.poll(() => savedFeedGenerated(page), { timeout: 15_000 }).toBe(v2.generated);
    await context.setOffline(true);
    await server.close();
    const cold = await context.newPage();
    await cold.goto(server.url);
    await expect.poll(() => cardTitles(cold)).toContain('Renamed in the new feed');
    await expect(cold.locator('.card').count()).resolves.toBe(3);
    await expect(cold.getByText('You are offline — showing saved information from 27 November 2026.').count()).resolves.toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('updates', () => {
  it('keeps an old tab working across a redeploy, online and offline, and switches only when the person presses Reload', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tc-deploy-'));
    cpSync(E2E_DIST, root, { recursive: true });
    const server = await serveApp({ root });
    // On a phone the map is a separate view, so its chunk is loaded only when asked for.
    const context = await newContext(browser);
    const page = await context.newPage();
    const problems = watchProblems(page);
    try {
      await page.goto(server.url);
      await page.locator('.card').first().waitFor();
      await waitForServiceWorker(page);
      await expect(page.locator('.site-footer').textContent()).resolves.toContain('App version 0.0.0');
      const oldEntry = await page.locator('script[type="module"]').getAttribute('src');
      // The map is not precached (src/pwa/sw.ts): the worker keeps its code once it has been opened.
      await page.getByRole('button', { name: 'Map', exact: true }).click();
      await page.locator('.leaflet-container').first().waitFor();
      await page.getByRole('button', { name: 'List', exact: true }).click();

      // A new version is deployed over the old one: every chunk gets a new name, the old files are gone.
      execFileSync('npx', ['vite', 'build', '--outDir', root, '--emptyOutDir', '--logLevel', 'error'], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, NODE_ENV: 'production', TILE_URL: TEST_TILE_URL, APP_VERSION: '2' },
      });
      const newIndex = readFileSync(join(root, 'index.html'), 'utf8');
      expect(newIndex).not.toContain(oldEntry!);

      // The old tab opens screens whose chunks it has not loaded yet (the activity page): the old worker still has them,
      // and the map it used before.
      await page.getByRole('button', { name: 'Map', exact: true }).click();
      await page.locator('.leaflet-container').first().waitFor();
      await page.getByRole('button', { name: 'List', exact: true }).click();
      await page.locator('.card a').first().click();
      await page.locator('.activity__map').scrollIntoViewIfNeeded();
      await page.locator('.activity .leaflet-container').waitFor();

      // The browser looks for a new worker (as it does on every visit, and the app every hour): it installs and waits.
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
      const ready = page.getByRole('status').filter({ hasText: 'A new version of this app is ready.' });
      await ready.waitFor({ timeout: 30_000 });
      await screenshot(page, 'pwa-update-ready-phone');

      // While it waits, the old version keeps working, even offline.
      await context.setOffline(true);
      await page.getByRole('link', { name: /^Favourites/ }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Your favourites');
      await context.setOffline(false);

      // It never reloads by itself.
      await page.evaluate(() => ((window as unknown as { oldPage: boolean }).oldPage = true));
      await page.waitForTimeout(1000);
      await expect(page.evaluate(() => (window as unknown as { oldPage?: boolean }).oldPage)).resolves.toBe(true);

      await page.getByRole('button', { name: 'Reload' }).click();
      await expect.poll(() => page.locator('.site-footer').textContent(), { timeout: 20_000 }).toContain('App version 2');
      await expect(page.evaluate(() => (window as unknown as { oldPage?: boolean }).oldPage)).resolves.toBeUndefined();
      await expect(page.locator('script[type="module"]').getAttribute('src')).resolves.not.toBe(oldEntry);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Your favourites');
      await expect(ready.count()).resolves.toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('offers the new version instead of a broken screen when a part of the app cannot be loaded', async () => {
    // An old page without a worker, after a deploy removed the map's chunk.
    const server = await serveApp({
      handle: (request, response) => {
        if (!/^\/assets\/MapView-.*\.js/.test(request.url ?? '')) return false;
        response.writeHead(404).end();
        return true;
      },
    });
    const context = await newContext(browser, { serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.card').first().waitFor();
    await page.getByRole('button', { name: 'Map', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'A new version of this app is ready.' }).waitFor();
    await expect(page.getByRole('button', { name: 'Reload' }).isVisible()).resolves.toBe(true);
    await context.close();
    await server.close();
  });
});

describe('the kill switch', () => {
  it('replaces a service worker gone bad with one that removes itself and its caches, and the app carries on from the network', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tc-kill-'));
    cpSync(E2E_DIST, root, { recursive: true });
    const server = await serveApp({ root });
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(server.url);
      await page.locator('.card').first().waitFor();
      await waitForServiceWorker(page);
      await expect.poll(() => feedIsSaved(page)).toBe(true);

      execFileSync('npx', ['vite', 'build', '--outDir', root, '--emptyOutDir', '--logLevel', 'error'], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, NODE_ENV: 'production', TILE_URL: TEST_TILE_URL, SW_KILL_SWITCH: '1' },
      });
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
      await expect.poll(() => page.evaluate(() => caches.keys()), { timeout: 20_000 }).toEqual([]);
      await page.reload();
      await page.locator('.card').first().waitFor();
      await expect.poll(() => page.evaluate(() => navigator.serviceWorker.getRegistrations().then((all) => all.filter((r) => r.active).length))).toBe(0);
      await expect(page.evaluate(() => navigator.serviceWorker.controller)).resolves.toBeNull();
    } finally {
      await context.close();
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('first screen weight', () => {
  it('keeps workbox-window and the registration code out of the JavaScript the first screen loads', () => {
    const index = readFileSync(join(E2E_DIST, 'index.html'), 'utf8');
    const firstScreen = [...index.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => readFileSync(join(E2E_DIST, match[1]!), 'utf8'));
    expect(firstScreen.length).toBeGreaterThan(0);
    for (const code of firstScreen) {
      expect(code).not.toContain('workbox:window');
      expect(code).not.toContain('SKIP_WAITING');
    }
    // The build injected the precache list into the worker: the shell and the entry chunk are in it.
    const worker = readFileSync(join(E2E_DIST, 'sw.js'), 'utf8');
    expect(worker).toContain('index.html');
    const entry = /src="\/(assets\/index-[\w-]+\.js)"/.exec(index)?.[1];
    expect(entry).toBeDefined();
    expect(worker).toContain(entry!);
  });
});
