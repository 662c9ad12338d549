// Asking for support, end to end in Chromium against the real receiver (scripts/server/referrals.ts): the whole journey
// for each 'who is it for' path, every validation error, answers kept across a reload, the keyboard alone, sending
// offline and then online, no endpoint, and a seeded randomised run of sends, reloads, network switches and receiver
// failures after which every referral has arrived exactly once and the device holds no personal data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { DESKTOP, launchBrowser, newContext, PHONE, screenshot, serveApp, waitForServiceWorker } from './harness';
import { createReferralReceiver, type ReferralReceiver } from '../../scripts/server/referrals';
import type { RunningServer } from '../../scripts/server/app-server';
import { FIXTURE_NOW, minimalFeed, type FeedJson } from '../unit/fixtures';
import { DRAFT_KEY } from '../../src/referral/answers';
// The same seeded generator as the bench feeds, so a failing run can be repeated with REFERRAL_SEED.
import { prng } from '../../scripts/bench/generate-feed';
import type { Answers } from '../../src/referral/types';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const KNIT = 'knit-and-natter-werneth';

let browser: Browser;
const dataDir = mkdtempSync(join(tmpdir(), 'tc-referrals-'));

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The fixture feed, with Knit and Natter joined by self-referral. */
function referralFeed(change: (feed: FeedJson) => void = () => {}): FeedJson {
  const feed = minimalFeed();
  feed.activities[0]!.howToJoin = 'self-refer';
  change(feed);
  return feed;
}

let serverCount = 0;
async function start(feed: FeedJson = referralFeed()): Promise<{ server: RunningServer; receiver: ReferralReceiver }> {
  serverCount += 1;
  const receiver = createReferralReceiver({ dataFile: join(dataDir, `referrals-${serverCount}.jsonl`) });
  const server = await serveApp({ feed, handle: receiver.handle });
  return { server, receiver };
}

async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.clock.setFixedTime(FIXTURE_NOW);
  await page.goto(url);
  await page.locator('h1').first().waitFor();
  return page;
}

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const heading = (page: Page) => page.locator('main h1');
async function expectHeading(page: Page, text: string | RegExp): Promise<void> {
  await expect.poll(() => heading(page).textContent()).toMatch(text instanceof RegExp ? text : new RegExp(`^${escapeRegExp(text)}$`));
}
const continueButton = (page: Page) => page.getByRole('button', { name: 'Continue' });
const radio = (page: Page, name: string) => page.getByRole('radio', { name, exact: true });
const checkbox = (page: Page, name: string | RegExp) => page.getByRole('checkbox', { name });

/** Everything the app keeps in this origin's storage: the outbox records and localStorage. */
async function deviceStorage(page: Page): Promise<{ outbox: Record<string, unknown>[]; local: Record<string, string> }> {
  return page.evaluate(async () => {
    const local: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      local[key] = localStorage.getItem(key) ?? '';
    }
    const outbox = await new Promise<Record<string, unknown>[]>((resolve) => {
      const request = indexedDB.open('thriving-communities');
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onerror = () => resolve([]);
      request.onsuccess = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains('outbox')) {
          db.close();
          resolve([]);
          return;
        }
        const all = db.transaction('outbox').objectStore('outbox').getAll();
        all.onsuccess = () => {
          db.close();
          resolve(all.result as Record<string, unknown>[]);
        };
      };
    });
    return { outbox, local };
  });
}

async function expectNoPersonalData(page: Page, personal: readonly string[]): Promise<void> {
  const stored = JSON.stringify(await deviceStorage(page));
  for (const text of personal) expect(stored, `device storage still holds "${text}"`).not.toContain(text);
}

interface Person {
  name: string;
  phone: string;
  email: string;
}

/** Answers every question after 'who' (and the helper page) for a person, checking axe on each page. */
async function answerAboutPerson(page: Page, person: Person, options: { violations: string[]; shots?: string }): Promise<void> {
  const check = async (label: string) => {
    options.violations.push(...(await axeViolations(page)).map((v) => `${label}: ${v}`));
    if (options.shots) await screenshot(page, `${options.shots}-${label}`);
  };
  await expectHeading(page, /full name\?$/);
  await check('name');
  await page.getByRole('textbox', { name: /full name/ }).fill(person.name);
  await page.getByRole('textbox', { name: 'Postcode (optional)' }).fill('ol8 1aa');
  await continueButton(page).click();

  await expectHeading(page, /^How can the team contact/);
  await checkbox(page, 'Phone call').check();
  await checkbox(page, 'Email').check();
  await page.getByRole('textbox', { name: 'Phone number' }).fill(person.phone);
  await page.getByRole('textbox', { name: 'Email address' }).fill(person.email);
  await check('contact');
  await continueButton(page).click();

  await expectHeading(page, 'When is the best time to get in touch?');
  await checkbox(page, /^Morning/).check();
  await radio(page, 'No').check();
  await check('times');
  await continueButton(page).click();

  await expectHeading(page, /^Which language would/);
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ur');
  await radio(page, 'Yes').check();
  await check('language');
  await continueButton(page).click();

  await expectHeading(page, 'What would help?');
  await check('help');
  await page.getByRole('textbox', { name: 'In your own words' }).fill('I would like to meet people nearby.');
  await continueButton(page).click();

  await expectHeading(page, 'Is there anything we should know?');
  await check('needs');
  await page.getByRole('textbox', { name: 'Is there anything we should know?' }).fill('I come with a pushchair.');
  await continueButton(page).click();

  await expectHeading(page, /18 or over\?$/);
  await check('age');
  await radio(page, 'Yes').check();
  await continueButton(page).click();

  await expectHeading(page, 'Sharing your details');
  await check('consent');
  await checkbox(page, /^I agree to share these details/).check();
  await checkbox(page, /^I agree that these details may include information about health/).check();
  await continueButton(page).click();

  await expectHeading(page, 'Check your answers before sending');
  await check('check');
}

async function sendAndConfirm(page: Page, receiver: ReferralReceiver): Promise<string> {
  await page.getByRole('button', { name: 'Send request' }).click();
  await expectHeading(page, 'Request sent');
  const reference = (await page.locator('.panel__reference strong').textContent()) ?? '';
  expect(reference).toMatch(/^OSP-\d+$/);
  const stored = await receiver.stored();
  expect(stored.map((entry) => entry.reference)).toContain(reference);
  return reference;
}

describe('asking to join from an activity (for me)', () => {
  it('pre-fills the activity, asks one thing per page, sends once, confirms with the reference and keeps no personal data', async () => {
    const { server, receiver } = await start();
    const context = await newContext(browser);
    const page = await openPage(context, `${server.url}/activity/${KNIT}`);
    const violations: string[] = [];
    // Phone and email stay on offer next to the new button.
    await expect.poll(() => page.getByRole('link', { name: '0161 000 0000' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Ask to join' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'referral-activity-ask-phone');
    await page.getByRole('link', { name: 'Ask to join' }).click();
    await expectHeading(page, 'Ask for support');
    await expect(page.locator('.referral__joining').textContent()).resolves.toContain('Knit and Natter');
    violations.push(...(await axeViolations(page)));
    await screenshot(page, 'referral-start-phone');
    await page.getByRole('link', { name: 'Start now' }).click();

    await expectHeading(page, 'Who is this request for?');
    await expect(page.title()).resolves.toBe('Who is this request for? – Thriving Communities');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Who is this request for?');
    violations.push(...(await axeViolations(page)));
    await screenshot(page, 'referral-who-phone');
    await radio(page, 'Me').check();
    await continueButton(page).click();

    const person = { name: 'Rani Begum', phone: '07700 900982', email: 'rani@example.com' };
    await answerAboutPerson(page, person, { violations, shots: 'referral-self' });
    // The activity they came from is ticked on 'what would help', and shown on the check page.
    const groups = page.locator('.summary-list__row').filter({ hasText: 'Groups' });
    await expect(groups.locator('.summary-list__value').textContent()).resolves.toBe('Knit and Natter');
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'referral-check-desktop');
    await page.setViewportSize(PHONE);

    const reference = await sendAndConfirm(page, receiver);
    violations.push(...(await axeViolations(page)));
    await screenshot(page, 'referral-sent-phone');
    await expect(page.getByText('will get in touch within 5 working days').count()).resolves.toBe(1);

    const stored = await receiver.stored();
    expect(stored).toHaveLength(1);
    const body = stored[0]!.referral;
    expect(body).toMatchObject({
      for: 'self',
      locale: 'en',
      person: { name: 'Rani Begum', phone: '07700900982', email: 'rani@example.com', postcode: 'OL8 1AA', preferredLanguage: 'ur', interpreter: true, over18: true },
      contact: { methods: ['phone', 'email'], bestTimes: ['morning'], canLeaveMessage: false },
      interests: [{ activityId: KNIT, name: 'Knit and Natter' }],
      about: 'I would like to meet people nearby.',
      needs: 'I come with a pushchair.',
      consent: { shareWithHub: true, healthInformation: true },
    });
    expect(body.referrer).toBeUndefined();
    expect(body.consent.statement).toContain('information about health');
    // The data file is readable by its owner only.
    expect(statSync(receiver.dataFile).mode & 0o777).toBe(0o600);

    await expectNoPersonalData(page, ['Rani', '07700', 'rani@example.com', 'pushchair', 'meet people']);
    const { outbox } = await deviceStorage(page);
    expect(outbox).toEqual([expect.objectContaining({ status: 'delivered', reference, interests: [{ activityId: KNIT, name: 'Knit and Natter' }] })]);

    await page.getByRole('link', { name: 'See all your requests' }).click();
    await expectHeading(page, 'My referrals');
    await expect(page.locator('.referral-item').textContent()).resolves.toContain(reference);
    violations.push(...(await axeViolations(page)));
    await screenshot(page, 'referral-mine-phone');
    expect(violations).toEqual([]);
    await context.close();
    await server.close();
  });
});

describe('other people', () => {
  it('for someone else: asks that they agreed and about the referrer, and sends the referrer', async () => {
    const { server, receiver } = await start();
    const context = await newContext(browser);
    const page = await openPage(context, `${server.url}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Ask for support' }).click();
    await expectHeading(page, 'Ask for support');
    await page.getByRole('link', { name: 'Start now' }).click();
    await radio(page, 'Someone else, with their permission').check();
    await continueButton(page).click();
    const violations: string[] = [];
    await expectHeading(page, 'Have they agreed to this?');
    violations.push(...(await axeViolations(page)));
    await screenshot(page, 'referral-permission-phone');
    await checkbox(page, /have agreed/).check();
    await continueButton(page).click();
    await expectHeading(page, 'About you');
    await page.getByRole('textbox', { name: 'Full name' }).fill('Aisha Khan');
    await page.getByRole('textbox', { name: 'How do you know them?' }).fill('sister');
    await page.getByRole('textbox', { name: 'Phone number' }).fill('0161 496 0000');
    violations.push(...(await axeViolations(page)));
    await continueButton(page).click();
    await answerAboutPerson(page, { name: 'Rani Begum', phone: '+44 7700 900982', email: 'rani@example.com' }, { violations });
    await expect(page.locator('.summary-list').textContent()).resolves.toContain('Aisha Khan');
    await sendAndConfirm(page, receiver);
    const [entry] = await receiver.stored();
    expect(entry!.referral).toMatchObject({ for: 'someone-else', referrer: { name: 'Aisha Khan', relationship: 'sister', phone: '01614960000' }, person: { name: 'Rani Begum', phone: '07700900982' } });
    expect(entry!.referral.interests).toEqual([]);
    await expectNoPersonalData(page, ['Rani', 'Aisha', '07700', '0161496']);
    expect(violations).toEqual([]);
    await context.close();
    await server.close();
  });

  it('helped: asks about the helper (contact optional) and sends it as "helped", using only the keyboard', async () => {
    const { server, receiver } = await start();
    const context = await newContext(browser);
    const page = await openPage(context, `${server.url}/refer`);
    const tabTo = async (target: Locator) => {
      for (let i = 0; i < 60; i++) {
        if (await target.evaluate((el) => el === document.activeElement)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error('could not reach the control with Tab');
    };
    const submit = async () => {
      await tabTo(continueButton(page));
      await page.keyboard.press('Enter');
    };
    await tabTo(page.getByRole('link', { name: 'Start now' }));
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Who is this request for?');
    await tabTo(radio(page, 'Me'));
    // Arrow keys move through a radio group and choose as they go.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(radio(page, 'Me, and someone is helping me fill this in').isChecked()).resolves.toBe(true);
    await submit();
    await expectHeading(page, 'About the person helping');
    await tabTo(page.getByRole('textbox', { name: 'Full name' }));
    await page.keyboard.type('Sam Jones');
    await page.keyboard.press('Tab');
    await page.keyboard.type('support worker');
    await submit();
    await expectHeading(page, 'What is your full name?');
    await tabTo(page.getByRole('textbox', { name: /full name/ }));
    await page.keyboard.type('Rani Begum');
    await submit();
    await expectHeading(page, 'How can the team contact you?');
    await tabTo(checkbox(page, 'Text message'));
    await page.keyboard.press('Space');
    await tabTo(page.getByRole('textbox', { name: 'Phone number' }));
    await page.keyboard.type('07700900982');
    await submit();
    await expectHeading(page, 'When is the best time to get in touch?');
    await tabTo(checkbox(page, /^Evening/));
    await page.keyboard.press('Space');
    await tabTo(radio(page, 'Yes'));
    await page.keyboard.press('Space');
    await submit();
    await expectHeading(page, 'Which language would you like to speak?');
    await tabTo(page.getByRole('combobox', { name: 'Language', exact: true }));
    await page.keyboard.press('ArrowDown'); // English
    await tabTo(radio(page, 'Yes'));
    await page.keyboard.press('ArrowDown'); // No
    await submit();
    await expectHeading(page, 'What would help?');
    await tabTo(page.getByRole('textbox', { name: 'In your own words' }));
    await page.keyboard.type('Someone to talk to.');
    await submit();
    await expectHeading(page, 'Is there anything we should know?');
    await submit();
    await expectHeading(page, 'Are you 18 or over?');
    await tabTo(radio(page, 'Yes'));
    await page.keyboard.press('Space');
    await submit();
    await expectHeading(page, 'Sharing your details');
    await tabTo(checkbox(page, /^I agree to share/));
    await page.keyboard.press('Space');
    await tabTo(checkbox(page, /^I agree that these details/));
    await page.keyboard.press('Space');
    await submit();
    await expectHeading(page, 'Check your answers before sending');
    await tabTo(page.getByRole('button', { name: 'Send request' }));
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Request sent');
    const [entry] = await receiver.stored();
    expect(entry!.referral).toMatchObject({ for: 'helped', referrer: { name: 'Sam Jones', relationship: 'support worker' }, person: { name: 'Rani Begum', phone: '07700900982', preferredLanguage: 'en', interpreter: false } });
    expect(entry!.referral.contact).toEqual({ methods: ['text'], bestTimes: ['evening'], canLeaveMessage: true });
    await context.close();
    await server.close();
  });
});

describe('mistakes and interruptions', () => {
  it('shows every validation error in a summary that takes focus and links to its field, with no axe violations', async () => {
    const { server } = await start();
    const context = await newContext(browser);
    const page = await openPage(context, `${server.url}/refer`);
    const violations: string[] = [];
    const expectErrors = async (expected: string[], label: string) => {
      await continueButton(page).click();
      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await expect.poll(() => summary.locator('li').allTextContents()).toEqual(expected);
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
      await expect(page.title()).resolves.toMatch(/^Error: /);
      // Each message is also shown next to its field.
      for (const message of expected) await expect(page.locator('.error-message').filter({ hasText: new RegExp(`^Error: ${escapeRegExp(message)}$`) }).count()).resolves.toBe(1);
      violations.push(...(await axeViolations(page)).map((v) => `${label}: ${v}`));
    };
    await page.getByRole('link', { name: 'Start now' }).click();
    await expectHeading(page, 'Who is this request for?');
    await expectErrors(['Select who this request is for'], 'who');
    await screenshot(page, 'referral-error-who-phone');
    // The summary's link moves focus to the field.
    await page.getByRole('link', { name: 'Select who this request is for' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('for-self');
    await radio(page, 'Someone else, with their permission').check();
    await continueButton(page).click();

    await expectHeading(page, 'Have they agreed to this?');
    await expectErrors(['Confirm that they have agreed to this request'], 'permission');
    await checkbox(page, /have agreed/).check();
    await continueButton(page).click();

    await expectHeading(page, 'About you');
    await expectErrors(['Enter a full name', 'Enter how you know each other', 'Enter a phone number or an email address'], 'helper');
    await page.getByRole('textbox', { name: 'Full name' }).fill('Aisha Khan');
    await page.getByRole('textbox', { name: 'How do you know them?' }).fill('sister');
    await page.getByRole('textbox', { name: 'Phone number' }).fill('12345');
    await page.getByRole('textbox', { name: 'Email address' }).fill('aisha@');
    await expectErrors(['Enter a UK phone number, like 07700 900 982 or 0161 496 0000', 'Enter an email address in the right format, like name@example.com'], 'helper-format');
    await page.getByRole('textbox', { name: 'Phone number' }).fill('07700 900 123');
    await page.getByRole('textbox', { name: 'Email address' }).fill('');
    await continueButton(page).click();

    await expectHeading(page, 'What is their full name?');
    await page.getByRole('textbox', { name: 'Postcode (optional)' }).fill('not a postcode');
    await expectErrors(['Enter their full name', 'Enter a real postcode, like OL8 1AA, or leave it empty'], 'name');
    await screenshot(page, 'referral-error-name-phone');
    await page.getByRole('textbox', { name: /full name/ }).fill('Rani Begum');
    await page.getByRole('textbox', { name: 'Postcode (optional)' }).fill('');
    await continueButton(page).click();

    await expectHeading(page, 'How can the team contact them?');
    await expectErrors(['Select at least one way to get in touch'], 'contact');
    await checkbox(page, 'Text message').check();
    await checkbox(page, 'Email').check();
    await expectErrors(['Enter a phone number', 'Enter an email address'], 'contact-missing');
    await page.getByRole('textbox', { name: 'Phone number' }).fill('0161 496 0000');
    await page.getByRole('textbox', { name: 'Email address' }).fill('rani at example');
    await expectErrors(['Enter a mobile number to get text messages, like 07700 900 982, or choose phone calls', 'Enter an email address in the right format, like name@example.com'], 'contact-format');
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'referral-error-contact-desktop');
    await page.setViewportSize(PHONE);
    await page.getByRole('textbox', { name: 'Phone number' }).fill('07700 900982');
    await page.getByRole('textbox', { name: 'Email address' }).fill('rani@example.com');
    await continueButton(page).click();

    await expectHeading(page, 'When is the best time to get in touch?');
    await expectErrors(['Select at least one time of day', 'Select yes if we may leave a message'], 'times');
    await checkbox(page, /^Afternoon/).check();
    await radio(page, 'Yes').check();
    await continueButton(page).click();

    await expectHeading(page, 'Which language would they like to speak?');
    await expectErrors(['Choose a language', 'Select yes if an interpreter is needed'], 'language');
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('other');
    await radio(page, 'No').check();
    await expectErrors(['Enter the language'], 'language-other');
    await page.getByRole('textbox', { name: 'Which language?' }).fill('Pashto');
    await continueButton(page).click();

    await expectHeading(page, 'What would help?');
    await expectErrors(['Choose a group or tell us in your own words what would help'], 'help');
    await page.getByRole('textbox', { name: 'In your own words' }).fill('x'.repeat(4001));
    await expectErrors(['What would help must be 4,000 characters or fewer'], 'help-long');
    await page.getByRole('textbox', { name: 'In your own words' }).fill('Company.');
    await continueButton(page).click();

    await expectHeading(page, 'Is there anything we should know?');
    await continueButton(page).click();
    await expectHeading(page, 'Are they 18 or over?');
    await expectErrors(['Select yes if they are old enough'], 'age');
    // Under the minimum age: a kind page with other options, and nothing can be sent.
    await radio(page, 'No').check();
    await continueButton(page).click();
    await expectHeading(page, 'You can still get support');
    violations.push(...(await axeViolations(page)));
    await screenshot(page, 'referral-too-young-phone');
    await expect(page.getByRole('link', { name: 'Find groups you can just turn up to' }).count()).resolves.toBe(1);
    await page.goto(`${server.url}/refer/consent`);
    await expectHeading(page, 'Are they 18 or over?');
    await radio(page, 'Yes').check();
    await continueButton(page).click();

    await expectHeading(page, 'Sharing your details');
    await expectErrors(['Tick the box to agree to share these details', 'Tick the box to agree to share information about health'], 'consent');
    await screenshot(page, 'referral-error-consent-phone');
    await checkbox(page, /^I agree to share/).check();
    await expectErrors(['Tick the box to agree to share information about health'], 'consent-health');
    expect(violations).toEqual([]);
    await context.close();
    await server.close();
  });

  it('keeps answers through a reload, sends a deep link to the first unanswered question, and deletes them all on request', async () => {
    const { server } = await start();
    const context = await newContext(browser);
    const page = await openPage(context, `${server.url}/refer/who`);
    await radio(page, 'Me').check();
    await continueButton(page).click();
    await page.getByRole('textbox', { name: /full name/ }).fill('Rani Beg');
    await page.getByRole('textbox', { name: /full name/ }).press('m'); // typed, not yet submitted
    await page.reload();
    await expectHeading(page, 'What is your full name?');
    await expect(page.getByRole('textbox', { name: /full name/ }).inputValue()).resolves.toBe('Rani Begm');
    // A deep link further on goes back to the first question not yet answered.
    await page.goto(`${server.url}/refer/consent`);
    await expectHeading(page, 'How can the team contact you?');
    await page.goBack();
    await page.goto(`${server.url}/refer`);
    await expect.poll(() => page.getByText('You have answers saved on this device.').count()).toBe(1);
    await page.getByRole('link', { name: 'Continue where you left off' }).click();
    await expectHeading(page, 'How can the team contact you?');
    await page.getByRole('link', { name: 'Back' }).click();
    await expectHeading(page, 'What is your full name?');
    await page.getByRole('link', { name: 'Delete my answers' }).click();
    await expectHeading(page, 'Delete your answers?');
    await page.getByRole('button', { name: 'Yes, delete my answers' }).click();
    await expectHeading(page, 'Ask for support');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Your answers have been deleted from this device.' }).count()).toBe(1);
    await expectNoPersonalData(page, ['Rani']);
    expect((await deviceStorage(page)).local[DRAFT_KEY]).toBeUndefined();
    await context.close();
    await server.close();
  });

  it('offers an email and the phone number when the feed has no endpoint, and says nothing has been sent', async () => {
    const { server, receiver } = await start(referralFeed((feed) => delete feed.referral!.endpoint));
    const context = await newContext(browser);
    const page = await openPage(context, `${server.url}/refer`);
    await expect.poll(() => page.getByText('does not take requests through the app').count()).toBe(1);
    await page.evaluate(([key, draft]) => localStorage.setItem(key, draft), [DRAFT_KEY, JSON.stringify(completeDraft('No Endpoint'))] as const);
    await page.goto(`${server.url}/refer/check`);
    await expectHeading(page, 'Check your answers before sending');
    await expect(page.getByRole('button', { name: 'Send request' }).count()).resolves.toBe(0);
    await expect(page.getByText('Nothing has been sent yet.').count()).resolves.toBe(1);
    const href = (await page.getByRole('link', { name: 'Email your answers' }).getAttribute('href')) ?? '';
    expect(href.startsWith('mailto:referrals@example.org?subject=Request%20for%20support&body=')).toBe(true);
    expect(decodeURIComponent(href)).toContain('Name: No Endpoint');
    await expect(page.getByRole('link', { name: '0161 000 0000' }).count()).resolves.toBe(1);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'referral-no-endpoint-phone');
    expect(receiver.requestCount()).toBe(0);
    await context.close();
    await server.close();
  });

  it('shows a refusal (4xx) so the person can correct it, then sends the corrected referral with the same id', async () => {
    const { server, receiver } = await start();
    const context = await newContext(browser);
    const page = await openPage(context, `${server.url}/refer`);
    await page.evaluate(([key, draft]) => localStorage.setItem(key, draft), [DRAFT_KEY, JSON.stringify(completeDraft('Refused Once'))] as const);
    receiver.faults.status = 422;
    receiver.faults.times = 1;
    await page.goto(`${server.url}/refer/check`);
    await page.getByRole('button', { name: 'Send request' }).click();
    await expectHeading(page, 'Your request was not accepted');
    const id = page.url().split('/').at(-1)!;
    await expect(axeViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'referral-refused-phone');
    await page.getByRole('button', { name: 'Check and correct your answers' }).click();
    await expectHeading(page, 'Check your answers before sending');
    await page.getByRole('button', { name: 'Send request' }).click();
    await expectHeading(page, 'Request sent');
    expect(page.url().endsWith(id)).toBe(true);
    expect((await receiver.stored()).map((entry) => entry.referral.id)).toEqual([id]);
    await expectNoPersonalData(page, ['Refused Once']);
    await context.close();
    await server.close();
  });
});

/** A complete set of answers, as the journey would leave them in localStorage. */
function completeDraft(name: string): Answers {
  return {
    for: 'self',
    hasPermission: false,
    referrer: { name: '', relationship: '', phone: '', email: '' },
    name,
    postcode: '',
    methods: ['phone'],
    phone: '07700 900982',
    email: '',
    bestTimes: ['morning'],
    canLeaveMessage: 'no',
    preferredLanguage: 'en',
    otherLanguage: '',
    interpreter: 'no',
    offered: [{ activityId: KNIT, name: 'Knit and Natter' }],
    chosen: [KNIT],
    about: `Private note from ${name}`,
    needs: '',
    meetsMinimumAge: 'yes',
    consentShare: true,
    consentHealth: true,
    consentStatement: 'I agree (test)',
    consentAt: '2026-11-20T09:00:00.000Z',
    id: '',
  };
}

/** Fills in a complete draft and presses Send; returns the referral's id (from the confirmation's address). */
async function sendDraft(page: Page, baseUrl: string, name: string): Promise<string> {
  await page.evaluate(([key, draft]) => localStorage.setItem(key, draft), [DRAFT_KEY, JSON.stringify(completeDraft(name))] as const);
  await page.goto(`${baseUrl}/refer/check`);
  await page.getByRole('button', { name: 'Send request' }).click();
  await page.waitForURL(/\/refer\/sent\/[0-9a-f-]{36}$/);
  return page.url().split('/').at(-1)!;
}

describe('the outbox', () => {
  it('sent offline: waits, says so, and arrives exactly once when back online', async () => {
    const { server, receiver } = await start();
    const context = await newContext(browser);
    const page = await openPage(context, `${server.url}/`);
    await waitForServiceWorker(page);
    // The database code comes with the referral's first page (not precached); the signal goes once it has arrived.
    const databaseCode = page.waitForResponse((response) => /\/assets\/db-[\w-]+\.js$/.test(response.url()));
    await page.goto(`${server.url}/refer`);
    await page.locator('main h1').waitFor();
    await databaseCode;
    await context.setOffline(true);
    const id = await sendDraft(page, server.url, 'Offline Person');
    await expectHeading(page, 'Waiting to send');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Waiting to send — it will go when you are back online.' }).count()).toBe(1);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'referral-waiting-offline-phone');
    // Still waiting after a reload with no connection.
    await page.reload();
    await expect.poll(() => page.getByText('Waiting to send — it will go when you are back online.').count()).toBe(1);
    expect(receiver.requestCount()).toBe(0);
    await context.setOffline(false);
    await expectHeading(page, 'Request sent');
    await expect.poll(async () => (await receiver.stored()).map((entry) => entry.referral.id)).toEqual([id]);
    await page.waitForTimeout(1500);
    expect((await receiver.stored()).length).toBe(1);
    await expectNoPersonalData(page, ['Offline Person', '07700']);
    await context.close();
    await server.close();
  });

  it('shows its pages while the database code is still on its way; a Send without it says so and keeps the answers', async () => {
    const { server, receiver } = await start();
    const context = await newContext(browser, { serviceWorkers: 'block' });
    // The database code crawls in on a weak signal (the first page must not wait for it), then the signal drops.
    let signal: 'weak' | 'gone' = 'weak';
    await context.route(/\/assets\/db-[\w-]+\.js$/, (route) => (signal === 'gone' ? route.abort('internetdisconnected') : undefined));
    const page = await context.newPage();
    await page.clock.setFixedTime(FIXTURE_NOW);
    await page.goto(`${server.url}/refer`);
    await expectHeading(page, 'Ask for support');
    await page.getByRole('link', { name: 'Start now' }).click();
    await expectHeading(page, 'Who is this request for?');
    signal = 'gone';
    await page.evaluate(([key, draft]) => localStorage.setItem(key, draft), [DRAFT_KEY, JSON.stringify(completeDraft('Patchy Signal'))] as const);
    await page.goto(`${server.url}/refer/check`);
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('We could not keep your request on this device, so it has not been sent. Please try again, or contact');
    await expect(page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').name, DRAFT_KEY)).resolves.toBe('Patchy Signal');
    expect(receiver.requestCount()).toBe(0);
    // With the signal back, the same button sends it.
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.waitForURL(/\/refer\/sent\/[0-9a-f-]{36}$/);
    await expectHeading(page, 'Request sent');
    await expect.poll(async () => (await receiver.stored()).map((entry) => entry.referral.person.name)).toEqual(['Patchy Signal']);
    await context.close();
    await server.close();
  });

  it('randomised: sends, reloads, offline/online switches, receiver 500s and slow answers; every referral arrives exactly once', async () => {
    const SEQUENCES = Number(process.env.REFERRAL_SEQUENCES ?? 50);
    const random = prng(Number(process.env.REFERRAL_SEED ?? 20261120));
    const { server, receiver } = await start();
    const context = await newContext(browser);
    const page = await openPage(context, `${server.url}/`);
    await waitForServiceWorker(page);
    const sent = new Map<string, string>(); // id → name
    const started = Date.now();
    let isOffline = false;
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    for (let sequence = 0; sequence < SEQUENCES; sequence++) {
      const steps = 3 + Math.floor(random() * 4);
      const log: string[] = [];
      let hasSent = false;
      for (let step = 0; step < steps || !hasSent; step++) {
        const action = step === steps - 1 && !hasSent ? 'send' : pick(['send', 'send', 'offline', 'online', 'reload', 'fail', 'fail-after-store', 'slow', 'wait'] as const);
        log.push(action);
        switch (action) {
          case 'send': {
            const name = `Person ${sequence}-${step}`;
            sent.set(await sendDraft(page, server.url, name), name);
            hasSent = true;
            break;
          }
          case 'offline':
          case 'online':
            isOffline = action === 'offline';
            await context.setOffline(isOffline);
            break;
          case 'reload':
            await page.reload();
            await page.locator('main h1').first().waitFor();
            break;
          case 'fail':
            Object.assign(receiver.faults, { status: 500, afterStoring: false, times: 1 + Math.floor(random() * 3), delayMs: undefined });
            break;
          case 'fail-after-store':
            Object.assign(receiver.faults, { status: 500, afterStoring: true, times: 1, delayMs: undefined });
            break;
          case 'slow':
            Object.assign(receiver.faults, { status: undefined, afterStoring: false, delayMs: 200 + Math.floor(random() * 1300), times: 1 + Math.floor(random() * 2) });
            break;
          case 'wait':
            await page.waitForTimeout(100 + Math.floor(random() * 600));
            break;
        }
      }
      // Back to normal: online, no faults; the app delivers on reconnection, at start (reload) or its retry timer.
      Object.assign(receiver.faults, { status: undefined, afterStoring: undefined, delayMs: undefined, times: undefined });
      if (isOffline) await context.setOffline(false);
      isOffline = false;
      // …and one of the app's own triggers, so a referral in backoff goes now: starting, reconnecting, becoming visible.
      const trigger = pick(['reload', 'reconnect', 'visible'] as const);
      log.push(`then ${trigger}`);
      if (trigger === 'reload') await page.reload();
      else if (trigger === 'reconnect') {
        await context.setOffline(true);
        await context.setOffline(false);
      } else await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      try {
        await expect
          .poll(async () => {
            const arrived = new Set((await receiver.stored()).map((entry) => entry.referral.id));
            const { outbox } = await deviceStorage(page);
            return [...sent.keys()].every((id) => arrived.has(id)) && outbox.every((record) => record.status === 'delivered');
          }, { timeout: 30_000, interval: 250 })
          .toBe(true);
      } catch (error) {
        throw new Error(`sequence ${sequence} (${log.join(', ')}) did not deliver`, { cause: error });
      }
    }
    // Every referral arrived exactly once, and nothing personal is left on the device.
    const ids = (await receiver.stored()).map((entry) => entry.referral.id);
    expect(ids.length).toBe(sent.size);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(sent.keys()));
    await expectNoPersonalData(page, [...sent.values(), 'Private note', '07700']);
    const { outbox, local } = await deviceStorage(page);
    expect(outbox).toHaveLength(sent.size);
    expect(local[DRAFT_KEY]).toBeUndefined();
    console.log(`randomised outbox: ${SEQUENCES} sequences, ${sent.size} referrals, ${receiver.requestCount()} POSTs, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await context.close();
    await server.close();
  }, 170_000);
});
