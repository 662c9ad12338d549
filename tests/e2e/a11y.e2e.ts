// Accessibility on every screen and state: axe (WCAG 2.2 A and AA) on each state of the table below, in English and
// Urdu, on a 360 px phone and a desktop; reflow at 320 px and with text at 200 %; reduced motion; a visible focus
// indicator on everything Tab reaches. A new screen or state is one more line in STATES.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { DESKTOP, launchBrowser, newContext, PHONE, screenshot, serveApp } from './harness';
import { createReferralReceiver, type ReferralReceiver } from '../../scripts/server/referrals';
import type { RunningServer } from '../../scripts/server/app-server';
import { DRAFT_KEY } from '../../src/referral/answers';
import type { Answers } from '../../src/referral/types';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const MONDAY_MORNING = new Date('2026-11-23T09:00:00Z');
const KNIT = 'knit-and-natter-werneth';
const WAIT = { timeout: 30_000 };

let browser: Browser;
let server: RunningServer;
let receiver: ReferralReceiver;
const dataDir = mkdtempSync(join(tmpdir(), 'tc-a11y-'));

beforeAll(async () => {
  browser = await launchBrowser();
  receiver = createReferralReceiver({ dataFile: join(dataDir, 'referrals.jsonl') });
  server = await serveApp({ handle: receiver.handle });
});
afterAll(async () => {
  await server.close();
  await browser.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every answer given, for someone else (so the permission and helper pages are in the journey too). */
const COMPLETE: Answers = {
  for: 'someone-else',
  hasPermission: true,
  referrer: { name: 'Sam Jones', relationship: 'friend', phone: '07700 900123', email: '' },
  name: 'Rani Begum',
  postcode: 'OL8 1AA',
  methods: ['phone'],
  phone: '07700 900982',
  email: '',
  bestTimes: ['morning'],
  canLeaveMessage: 'no',
  preferredLanguage: 'ur',
  otherLanguage: '',
  interpreter: 'yes',
  offered: [{ activityId: KNIT, name: 'Knit and Natter' }],
  chosen: [KNIT],
  about: 'Company, and a reason to get out.',
  needs: '',
  meetsMinimumAge: 'yes',
  consentShare: true,
  consentHealth: true,
  consentStatement: 'I agree (test)',
  consentAt: '2026-11-20T09:00:00.000Z',
  id: '',
};

/** What each question page looks like before it is answered: Continue then shows that page's errors. */
const UNANSWERED: Record<string, Partial<Answers>> = {
  who: { for: '' },
  permission: { hasPermission: false },
  helper: { referrer: { name: '', relationship: '', phone: '', email: '' } },
  name: { name: '' },
  contact: { methods: [] },
  times: { bestTimes: [], canLeaveMessage: '' },
  language: { preferredLanguage: '', interpreter: '' },
  help: { chosen: [], about: '' },
  age: { meetsMinimumAge: '' },
  consent: { consentShare: false, consentHealth: false },
};
/** 'Is there anything we should know?' is optional, so it has no empty-answer error. */
const QUESTIONS = ['who', 'permission', 'helper', 'name', 'contact', 'times', 'language', 'help', 'needs', 'age', 'consent'];

interface Session {
  page: Page;
  lang: 'en' | 'ur';
  /** The confirmation's address once this session has sent a referral. */
  sentPath?: string;
}

/** Loads a path afresh and waits for its heading (and for `ready`, when given: the part of the state that arrives later). */
async function open(session: Session, path: string, ready?: string): Promise<void> {
  await session.page.goto(server.url + path);
  await session.page.locator('main h1').first().waitFor(WAIT);
  if (ready) await session.page.locator(ready).first().waitFor(WAIT);
}

/** Opens a referral page with these answers already saved on the device (as if typed before). */
async function withAnswers(session: Session, answers: Answers, path: string, ready?: string): Promise<void> {
  if (!session.page.url().startsWith(server.url)) await session.page.goto(server.url + '/');
  await session.page.evaluate(([key, value]) => localStorage.setItem(key, value), [DRAFT_KEY, JSON.stringify(answers)] as const);
  await open(session, path, ready);
}

async function pressContinue(session: Session): Promise<void> {
  await session.page.locator('form.referral__form button[type="submit"]').click();
  await session.page.locator('.error-summary').waitFor(WAIT);
}

async function clearAnswers(session: Session): Promise<void> {
  await session.page.evaluate((key) => localStorage.removeItem(key), DRAFT_KEY);
}

/**
 * A state: its name, how to bring the page to it, and optionally the part of the page it changes. axe scans the whole
 * page unless a part is given; a part is given only where the same page was scanned whole in an earlier state (the
 * browse list), because axe's time grows with the page and the list would otherwise be scanned six times over.
 */
type State = readonly [name: string, reach: (session: Session) => Promise<void>, part?: string];

/** Every screen and state a person can meet, each brought about from wherever the page was before. One line each. */
const STATES: readonly State[] = [
  ['browse: list', (s) => open(s, '/', '.card')],
  ['browse: filters open', async (s) => { await open(s, '/', '.card'); await s.page.locator('.filters-toggle').click(); await s.page.locator('#browse-filters fieldset').first().waitFor(WAIT); }, '.browse__controls'],
  ['browse: place picker with suggestions', async (s) => { await open(s, '/', '.card'); await s.page.locator('.near-toggle').click(); await s.page.locator('.near__combo input').fill('we'); await s.page.locator('.near__options [role="option"]').first().waitFor(WAIT); }, '.browse__controls'],
  ['browse: place chosen, nearest first', (s) => open(s, '/?near=werneth&sort=distance', '.card__distance'), '.browse__controls, .browse__bar, .card-list > li:nth-child(-n+3)'],
  ['browse: map', (s) => open(s, '/?view=map', '.leaflet-marker-icon'), '.browse__bar, .browse__map'],
  ['browse: no results', (s) => open(s, '/?q=zzzzqqqq', '.empty-state')],
  ['browse: no results, a filter to remove', (s) => open(s, '/?q=knit&online=1', '.empty-state button')],
  [
    'activity',
    async (s) => {
      await open(s, `/activity/${KNIT}`);
      // The map is drawn as it comes near the screen, as a person scrolling down would find it.
      await s.page.locator('.activity__map').scrollIntoViewIfNeeded();
      await s.page.locator('.activity__map .leaflet-container').waitFor(WAIT);
    },
  ],
  ['activity: cancelled', (s) => open(s, '/activity/chair-yoga-waterhead')],
  ['activity: paused', (s) => open(s, '/activity/hollinwood-digital-help')],
  ['activity: not found', (s) => open(s, '/activity/no-such-activity')],
  ['favourites: empty', (s) => open(s, '/favourites')],
  ['favourites: with items', async (s) => { await open(s, `/activity/${KNIT}`, '.fav-toggle__button'); await s.page.locator('.fav-toggle__button').click(); await s.page.locator('.fav-toggle__button[aria-pressed="true"]').waitFor(WAIT); await open(s, '/favourites', '.card'); }],
  ['refer: start', async (s) => { await clearAnswers(s); await open(s, '/refer', '.button--start'); }],
  ['refer: start with saved answers', (s) => withAnswers(s, COMPLETE, '/refer', '.referral__resume')],
  ...QUESTIONS.map((step): State => [`refer: ${step}`, (s) => withAnswers(s, COMPLETE, `/refer/${step}`, 'form.referral__form')]),
  ...Object.entries(UNANSWERED).map(([step, empty]): State => [`refer: ${step}, errors`, async (s) => { await withAnswers(s, { ...COMPLETE, ...empty }, `/refer/${step}`, 'form.referral__form'); await pressContinue(s); }]),
  ['refer: under the minimum age', (s) => withAnswers(s, { ...COMPLETE, meetsMinimumAge: 'no' }, '/refer/too-young')],
  ['refer: delete my answers?', (s) => withAnswers(s, COMPLETE, '/refer/delete?from=name')],
  ['refer: check your answers', (s) => withAnswers(s, COMPLETE, '/refer/check', '.summary-list')],
  ['refer: confirmation', async (s) => {
    if (!s.sentPath) {
      await withAnswers(s, COMPLETE, '/refer/check', '.summary-list');
      await s.page.locator('.referral--check button.button').click();
      await s.page.waitForURL(/\/refer\/sent\//, WAIT);
      s.sentPath = new URL(s.page.url()).pathname;
    }
    await open(s, s.sentPath);
  }],
  ['venue', (s) => open(s, '/venue/werneth-hive')],
  ['shortlist shared with me', (s) => open(s, `/shortlist?ids=${KNIT},stay-and-play-werneth-women`)],
  ['poster: activity', (s) => open(s, `/poster/activity/${KNIT}`)],
  ['poster: venue', (s) => open(s, '/poster/venue/werneth-hive')],
  ['my referrals', (s) => open(s, '/my-referrals')],
  ['not found', (s) => open(s, '/no-such-page')],
  // The notice stays until the connection comes back, which the loop below does after the scan.
  ['offline notice', async (s) => { await open(s, '/', '.card'); await s.page.context().setOffline(true); await s.page.locator('.notice--offline').waitFor(WAIT); }, '.site-header, .pwa-status'],
];

/** A11Y_STATES=<regular expression> runs only the states whose names match, while working on one screen. */
const onlyStates = process.env.A11Y_STATES ? new RegExp(process.env.A11Y_STATES) : null;

async function axeViolations(page: Page, part?: string): Promise<string[]> {
  // Only violations are collected in full: passes and 'incomplete' for every node would double the time on this machine.
  // options() replaces the whole options object, so it comes before withTags() (which adds runOnly to it).
  const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(WCAG_TAGS);
  for (const selector of part?.split(',') ?? []) builder.include(selector.trim());
  const result = await builder.analyze();
  return result.violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('axe (WCAG 2.2 A and AA) on every screen and state', () => {
  for (const lang of ['en', 'ur'] as const) {
    for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
      it(`${lang}, ${size} (${viewport.width}×${viewport.height})`, async () => {
        const context = await newContext(browser, { viewport });
        await context.addInitScript((code) => localStorage.setItem('tc.language', code), lang);
        const page = await context.newPage();
        await page.clock.setFixedTime(MONDAY_MORNING);
        const session: Session = { page, lang };
        const violations: string[] = [];
        const timings: string[] = [];
        const started = Date.now();
        for (const [name, reach, part] of STATES.filter(([name]) => !onlyStates || onlyStates.test(name))) {
          const stateStarted = Date.now();
          try {
            await reach(session);
          } catch (error) {
            throw new Error(`${lang} ${size}: could not reach "${name}"`, { cause: error });
          }
          await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(lang);
          const reached = Date.now();
          violations.push(...(await axeViolations(page, part)).map((v) => `${name}: ${v}`));
          if (name === 'offline notice') await context.setOffline(false);
          timings.push(`${name} ${reached - stateStarted}+${Date.now() - reached}`);
        }
        console.log(`axe ${lang} ${size}: ${timings.length} states in ${((Date.now() - started) / 1000).toFixed(1)} s (ms to reach + ms of axe: ${timings.join(', ')})`);
        expect(violations).toEqual([]);
        await context.close();
      }, 600_000);
    }
  }
});

/** The main screens, for reflow and focus: browse (list and map), an activity, favourites, and asking for support. */
const MAIN_ROUTES = ['/', '/?view=map', `/activity/${KNIT}`, '/favourites', '/refer', '/refer/who', '/my-referrals'];

/** What a person zoomed in would lose: a page that scrolls sideways, things off the side, text cut off by its box. */
async function reflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth > width + 1) problems.push(`the page scrolls sideways (${root.scrollWidth} px wide in ${width} px)`);
    for (const element of document.querySelectorAll<HTMLElement>('header *, main *, footer *')) {
      // Map tiles and panes are meant to extend past the map's edges; hidden-but-read text is 1 px by design.
      if (element.closest('.leaflet-container, .visually-hidden, .map-sr-only')) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(element);
      const name = `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}`;
      if (box.left < -1 || box.right > width + 1) problems.push(`${name} goes off the screen (${Math.round(box.left)} to ${Math.round(box.right)} of ${width} px)`);
      const isClipping = /hidden|clip/.test(`${style.overflowX} ${style.overflowY}`);
      if (isClipping && (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1)) problems.push(`${name} cuts off its content`);
    }
    return [...new Set(problems)].slice(0, 10);
  });
}

describe('reflow', () => {
  for (const lang of ['en', 'ur'] as const) {
    it(`${lang}: every main screen fits 320 px with nothing off the side or cut off (WCAG 1.4.10)`, async () => {
      const context = await newContext(browser, { viewport: { width: 320, height: 640 } });
      await context.addInitScript((code) => localStorage.setItem('tc.language', code), lang);
      const page = await context.newPage();
      await page.clock.setFixedTime(MONDAY_MORNING);
      const problems: string[] = [];
      for (const path of MAIN_ROUTES) {
        await open({ page, lang }, path, path.includes('map') ? '.leaflet-marker-icon' : undefined);
        // The filter panel is the widest thing on the first screen: open it too.
        if (path === '/') await page.locator('.filters-toggle').click();
        problems.push(...(await reflowProblems(page)).map((problem) => `${path}: ${problem}`));
      }
      await screenshot(page, `a11y-reflow-320-${lang}`);
      expect(problems).toEqual([]);
      await context.close();
    }, 120_000);
  }

  it('text at 200 % on a 1280 px screen: nothing off the side or cut off (WCAG 1.4.4)', async () => {
    const context = await newContext(browser, { viewport: DESKTOP });
    const page = await context.newPage();
    await page.clock.setFixedTime(MONDAY_MORNING);
    // The browser's own text-size setting (Chromium's default font size, 16 px → 32 px), as a person would set it. Every
    // size in our CSS is in rem or em (src/app/styles.css), so all text doubles; an injected `html { font-size: 200% }`
    // would do the same but is an inline style, which the app's Content-Security-Policy (rightly) refuses. Page zoom
    // is not used: it amounts to a narrower viewport, which the 320 px test covers.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    const problems: string[] = [];
    for (const path of MAIN_ROUTES) {
      await open({ page, lang: 'en' }, path, path.includes('map') ? '.leaflet-marker-icon' : undefined);
      await expect(page.locator('main h1').first().evaluate((h1) => parseFloat(getComputedStyle(h1).fontSize))).resolves.toBeGreaterThanOrEqual(50);
      problems.push(...(await reflowProblems(page)).map((problem) => `${path}: ${problem}`));
      if (path === '/') await screenshot(page, 'a11y-text-200-desktop');
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});

/** The longest transition or animation on any element, in seconds, and what reduced motion should switch off. */
async function motion(page: Page): Promise<{ longest: number; smoothScrolling: number; fadeAnimated: boolean; zoomAnimated: number }> {
  return page.evaluate(() => {
    const seconds = (value: string) => Math.max(0, ...value.split(',').map((part) => (part.trim().endsWith('ms') ? parseFloat(part) / 1000 : parseFloat(part))));
    let longest = 0;
    let smoothScrolling = 0;
    for (const element of [document.documentElement, ...document.querySelectorAll('body *')]) {
      const style = getComputedStyle(element);
      longest = Math.max(longest, seconds(style.transitionDuration), seconds(style.animationDuration));
      if (style.scrollBehavior === 'smooth') smoothScrolling += 1;
    }
    return {
      longest,
      smoothScrolling,
      fadeAnimated: document.querySelector('.leaflet-container.leaflet-fade-anim') !== null,
      // Leaflet makes its zoom-animation proxy, and marks markers to glide when zooming, only with zoomAnimation and
      // markerZoomAnimation on (tile containers carry the class either way, so they are not counted).
      zoomAnimated: document.querySelectorAll('.leaflet-proxy, .leaflet-marker-icon.leaflet-zoom-animated').length,
    };
  });
}

describe('reduced motion', () => {
  it('with prefers-reduced-motion: no transitions or animations, no smooth scrolling, and a map that jumps instead of gliding', async () => {
    const measured: Record<string, Awaited<ReturnType<typeof motion>>> = {};
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      const context = await newContext(browser, { viewport: PHONE, reducedMotion });
      const page = await context.newPage();
      await page.clock.setFixedTime(MONDAY_MORNING);
      await open({ page, lang: 'en' }, '/?view=map', '.leaflet-marker-icon');
      measured[reducedMotion] = await motion(page);
      await context.close();
    }
    // Leaflet animates zoom and fades when nobody asks otherwise: this is what the reduced-motion run must not do.
    expect(measured['no-preference']!.fadeAnimated).toBe(true);
    expect(measured['no-preference']!.zoomAnimated).toBeGreaterThan(0);
    expect(measured.reduce).toEqual({ longest: expect.any(Number), smoothScrolling: 0, fadeAnimated: false, zoomAnimated: 0 });
    expect(measured.reduce!.longest).toBeLessThanOrEqual(0.001);
  }, 120_000);
});

describe('focus is always visible', () => {
  const FOCUS_ROUTES = ['/', `/activity/${KNIT}`, '/favourites', '/refer', '/refer/who', '/refer/name', '/my-referrals'];
  /** Enough Tab presses to pass the header, the controls and the first few results of each screen. */
  const MAX_STOPS = 45;
  for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    it(`${size}: every element Tab reaches shows a focus ring, on screen and not under anything`, async () => {
      const context = await newContext(browser, { viewport });
      const page = await context.newPage();
      await page.clock.setFixedTime(MONDAY_MORNING);
      const problems: string[] = [];
      let stops = 0;
      for (const path of FOCUS_ROUTES) {
        await withAnswers({ page, lang: 'en' }, COMPLETE, path);
        const seen = new Set<string>();
        for (let i = 0; i < MAX_STOPS; i++) {
          await page.keyboard.press('Tab');
          const focus = await page.evaluate(() => {
            const element = document.activeElement as HTMLElement | null;
            if (!element || element === document.body) return null;
            const style = getComputedStyle(element);
            // A link that wraps onto two lines: its first line box, where the ring starts and the pointer would go.
            const box = element.getClientRects()[0] ?? element.getBoundingClientRect();
            const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${(element.textContent ?? '').trim().slice(0, 30) || element.getAttribute('aria-label') || ''}"`;
            const hasRing = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
            const isOnScreen = box.top >= -1 && box.left >= -1 && box.bottom <= window.innerHeight + 1 && box.right <= window.innerWidth + 1;
            const where = `at ${Math.round(box.left)},${Math.round(box.top)} to ${Math.round(box.right)},${Math.round(box.bottom)} in ${window.innerWidth}×${window.innerHeight}`;
            // Whatever is drawn at the element's centre must be the element itself (or inside it): nothing sticky on top.
            const atCentre = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
            const isUncovered = atCentre !== null && (element === atCentre || element.contains(atCentre) || (element instanceof HTMLInputElement && element.labels?.[0]?.contains(atCentre) === true));
            return { name, where, covering: atCentre?.outerHTML.slice(0, 80), key: `${name}@${Math.round(box.top + window.scrollY)},${Math.round(box.left)}`, hasRing, isOnScreen, isUncovered };
          });
          if (!focus) continue;
          if (seen.has(focus.key)) break; // back round to the start of the page
          seen.add(focus.key);
          stops += 1;
          if (!focus.hasRing) problems.push(`${path}: ${focus.name} has no visible focus indicator`);
          if (!focus.isOnScreen) problems.push(`${path}: ${focus.name} is focused off screen (${focus.where})`);
          else if (!focus.isUncovered) problems.push(`${path}: ${focus.name} is hidden under ${focus.covering}`);
        }
      }
      console.log(`focus ${size}: ${stops} focus stops checked on ${FOCUS_ROUTES.length} screens`);
      expect(problems).toEqual([]);
      await context.close();
    }, 180_000);
  }
});
