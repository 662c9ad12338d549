// `npm run pwa:screenshots`: the web app manifest's screenshots (public/screenshots/, narrow 360×780 and wide 1280×800),
// taken from the built app with the sample feed, in Debian's Chromium. Uses the journeys' build and server (its map
// tiles are plain, as there is no internet here). Run it when the first screen changes, and commit the PNGs.
import { mkdirSync } from 'node:fs';
import buildForJourneys from '../tests/e2e/global-setup';
import { DESKTOP, PHONE, launchBrowser, newContext, serveApp } from '../tests/e2e/harness';

const OUT = new URL('../public/screenshots/', import.meta.url);
/** A Monday morning when the sample feed has sessions today and this week. */
const SHOWN_AT = new Date('2026-11-23T09:00:00Z');

buildForJourneys();
mkdirSync(OUT, { recursive: true });
const server = await serveApp();
const browser = await launchBrowser();
try {
  for (const [name, viewport] of [['narrow', PHONE], ['wide', DESKTOP]] as const) {
    // No service worker: nothing but the app itself in the picture.
    const context = await newContext(browser, { viewport, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.clock.setFixedTime(SHOWN_AT);
    await page.goto(server.url);
    await page.locator('.card').first().waitFor();
    if (name === 'wide') await page.locator('.leaflet-tile-loaded').first().waitFor();
    const path = new URL(`${name}.png`, OUT);
    await page.screenshot({ path: path.pathname, type: 'png' });
    console.log(`public/screenshots/${name}.png (${viewport.width}×${viewport.height})`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
