// No leaks: browse → map → an activity → Back, 50 times, on a phone. After a warm-up the number of DOM nodes (attached
// or not, as long as something still holds them), JavaScript event listeners and documents stays flat, and no Leaflet
// map, pane or marker survives on the list screen. Figures come from the DevTools protocol after a forced garbage
// collection, and are printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchBrowser, newContext, serveApp, watchErrors, DESKTOP, PHONE } from './harness';
import type { RunningServer } from '../../scripts/server/app-server';

const CYCLES = 50;
const WARM_UP = 5;

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

interface Counts {
  nodes: number;
  jsEventListeners: number;
  documents: number;
  /** Leaflet's elements still in the page: containers, panes, markers, tiles, popups. */
  leafletElements: number;
}

async function measure(page: Page, cdp: CDPSession): Promise<Counts> {
  // Leaflet takes a closing popup away 200 ms after its map is removed (its fade: DivOverlay's onRemove), and until then
  // that timer holds the popup, and through its listeners the list screen that was left, in memory. A round that comes
  // back within 200 ms counted those 141 nodes and 38 listeners as kept (a heap snapshot showed the timer holding
  // them), one run in five on a desktop. Let such timers run out first.
  await page.waitForTimeout(300);
  // Twice: the first collection can leave objects whose finalisers free more.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const counters = (await cdp.send('Memory.getDOMCounters')) as { documents: number; nodes: number; jsEventListeners: number };
  const leafletElements = await page.evaluate(() => document.querySelectorAll('[class*="leaflet-"]').length);
  return { nodes: counters.nodes, jsEventListeners: counters.jsEventListeners, documents: counters.documents, leafletElements };
}

const mapButton = (page: Page) => page.getByRole('button', { name: 'Map', exact: true });
const listButton = (page: Page) => page.getByRole('button', { name: 'List', exact: true });

/** One round trip, ending where it started: on a phone the list with no map on screen, on a desktop list and map. */
async function cycle(page: Page, phone: boolean): Promise<void> {
  if (phone) await mapButton(page).click();
  await page.locator('.map-badge--point').first().waitFor({ timeout: 30_000 });
  await page.locator('.map-badge--point').first().click();
  // The app moves focus into the card as the popup opens; Enter follows the link wherever the popup's pan has put it
  // (a click aimed while the map still pans can land on the map, which closes the popup).
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.map-popup a') !== null), { timeout: 30_000 }).toBe(true);
  await page.keyboard.press('Enter');
  // 'main h1' also matches the list's own heading: wait for the route to change before looking for the page's title.
  await page.waitForURL(/\/activity\//, { timeout: 30_000 });
  await page.locator('.activity h1, main h1').first().waitFor();
  await expect.poll(() => page.url()).toContain('/activity/');
  await page.goBack();
  await page.locator('.map-badge--point').first().waitFor({ timeout: 30_000 });
  if (phone) {
    await listButton(page).click();
    await expect.poll(() => page.locator('.leaflet-container').count(), { timeout: 30_000 }).toBe(0);
  }
  await page.locator('.card').first().waitFor();
}

describe('memory', () => {
  it.each([
    ['a phone (List/Map switch)', PHONE],
    ['a desktop (list and map side by side)', DESKTOP],
  ])(`stays flat over ${CYCLES} rounds of browse → map → activity → Back on %s`, { timeout: 900_000 }, async (_, viewport) => {
    const phone = viewport === PHONE;
    const context = await newContext(browser, { viewport });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const cdp = await context.newCDPSession(page);
    // One listing, so its marker is never inside a cluster (clusters are exercised in browse.e2e.ts): each round
    // still builds and removes a whole map, its tiles, controls, marker and card, and the activity page's own map.
    await page.goto(`${server.url}/?q=knit+werneth+hive`);
    await page.locator('.card').first().waitFor({ timeout: 30_000 });

    let warm: Counts | null = null;
    for (let round = 1; round <= CYCLES; round++) {
      await cycle(page, phone);
      if (round === WARM_UP) warm = await measure(page, cdp);
    }
    const end = await measure(page, cdp);
    console.log(`leaks (${phone ? 'phone' : 'desktop'}): after round ${WARM_UP}`, warm, `after round ${CYCLES}`, end);

    expect(warm).not.toBeNull();
    const start = warm!;
    // On a phone nothing of Leaflet is left on the list screen; on a desktop, only the one map on screen.
    if (phone) expect(end.leafletElements).toBe(0);
    else expect(end.leafletElements - start.leafletElements).toBeLessThanOrEqual(10); // tiles may differ by a few
    // Once in a few runs one extra document is counted at the end (not yet collected; not identified). A leak of one
    // per round would be 45.
    expect(end.documents - start.documents).toBeLessThanOrEqual(1);
    // A few nodes and listeners come and go with the screen's state (a status line, a focus ring); a leak of one map,
    // marker set or activity page per round would add thousands of nodes and dozens of listeners over 45 rounds.
    expect(end.nodes - start.nodes).toBeLessThanOrEqual(Math.max(100, start.nodes * 0.05));
    expect(end.jsEventListeners - start.jsEventListeners).toBeLessThanOrEqual(20);
    expect(errors).toEqual([]);
    await context.close();
  });
});
