// The first screen: the feed loads and lists its activities; broken feeds and broken records are explained, never fatal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { E2E_DIST } from './paths';
import { launchBrowser, newContext, serveApp, screenshot, watchErrors, DESKTOP } from './harness';
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

describe('first-screen weight', () => {
  it('needs at most 60 kB gzip of JavaScript on a phone, and no map code', async () => {
    const server = await serveApp();
    const context = await newContext(browser, { serviceWorkers: 'block' });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.endsWith('.js')) scripts.push(path);
    });
    await page.goto(server.url);
    await page.locator('.card').first().waitFor();
    // What the first screen needs: the entry with the chunks it preloads, and the language file. Favourites, the
    // service worker's registration and the like load after the first screen is drawn and are not counted.
    const html = readFileSync(join(E2E_DIST, 'index.html'), 'utf8');
    const needed = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    needed.push(...scripts.filter((path) => /\/assets\/en-[\w-]+\.js$/.test(path)));
    expect(needed.every((path) => scripts.includes(path))).toBe(true);
    const gzipBytes = needed.reduce((sum, path) => sum + gzipSync(readFileSync(join(E2E_DIST, path)), { level: 9 }).length, 0);
    console.log(`first screen: ${needed.join(' ')}: ${(gzipBytes / 1000).toFixed(1)} kB gzip; loaded after it: ${scripts.filter((p) => !needed.includes(p)).join(' ')}`);
    expect(scripts.some((path) => /MapView|leaflet/i.test(path))).toBe(false);
    expect(gzipBytes).toBeLessThanOrEqual(60_000);
    await context.close();
    await server.close();
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
