// The app's `t` remembers answers (a list asks for the same strings many times); it must still follow the language,
// plurals and strings loaded later, and never mix up two calls with different values.
import { beforeEach, describe, expect, it, vi } from 'vitest';

async function freshI18n() {
  vi.resetModules();
  localStorage.clear();
  const i18n = await import('../../src/i18n');
  await i18n.initI18n();
  return i18n;
}

beforeEach(() => localStorage.clear());

describe('t', () => {
  it('gives each set of values its own answer, and the plural that fits', async () => {
    const { t } = await freshI18n();
    expect(t('browse.nextSession', { when: 'today at 10:00' })).toBe('Next: today at 10:00');
    expect(t('browse.nextSession', { when: 'tomorrow at 11:00' })).toBe('Next: tomorrow at 11:00');
    expect(t('browse.nextSession', { when: 'today at 10:00' })).toBe('Next: today at 10:00');
    expect(t('browse.count', { count: 1 })).toBe('1 activity');
    expect(t('browse.count', { count: 1200 })).toBe('1,200 activities');
    expect(t('browse.count', { count: 1 })).toBe('1 activity');
  });

  it('answers in the new language after a switch, and in the old one after switching back', async () => {
    const { t, changeLanguage } = await freshI18n();
    expect(t('activity.badges.free')).toBe('Free');
    await changeLanguage('ur');
    expect(t('activity.badges.free')).toBe('مفت');
    expect(t('browse.nextSession', { when: 'X' })).toBe('اگلی بار: X');
    await changeLanguage('en');
    expect(t('activity.badges.free')).toBe('Free');
  });

  it('finds strings that arrive with a screen after they were first asked for', async () => {
    const { t, loadStrings } = await freshI18n();
    expect(t('referral.start.title')).toBe('referral.start.title');
    await loadStrings('referral');
    expect(t('referral.start.title')).toBe('Ask for support');
  });
});

/** Every string of a locale file as [key, text], nested keys joined with dots. */
function flatten(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([name, inner]) => flatten(inner, prefix ? `${prefix}.${name}` : name));
}

describe('t against i18next itself', () => {
  it.each(['en', 'ur', 'ar', 'bn', 'gu', 'pa', 'pl', 'ro'])('gives i18next’s own answer for every string in %s, with and without values', async (code) => {
    const { t, changeLanguage, loadStrings } = await freshI18n();
    await loadStrings('referral');
    await loadStrings('share');
    await changeLanguage(code);
    const i18next = (await import('i18next')).default;
    const { readFileSync } = await import('node:fs');
    const files = [`locales/${code}.json`, `locales/referral/${code}.json`, `locales/share/${code}.json`];
    const keys = new Set<string>();
    files.forEach((file, index) => {
      const prefix = ['', 'referral', 'share'][index]!;
      for (const [key] of flatten(JSON.parse(readFileSync(file, 'utf8')), prefix)) keys.add(key.replace(/_(zero|one|two|few|many|other)$/, ''));
    });
    expect(keys.size).toBeGreaterThan(150);
    let compared = 0;
    for (const key of keys) {
      // Values for every placeholder any string uses, one left out, a value that looks like a placeholder, a count.
      const values = { when: 'Tue 1 Dec, 10:00', name: 'Knit & Natter', hub: 'Social Prescribing', filter: 'Free', time: '10:00', distance: '1.2' };
      for (const options of [undefined, values, { ...values, when: undefined }, { ...values, name: '{{hub}}' }, { ...values, count: 3 }]) {
        expect(t(key, options as Record<string, string>), `${code} ${key} ${JSON.stringify(options)}`).toBe(i18next.t(key, options as Record<string, string>));
        compared++;
      }
    }
    expect(compared).toBe(keys.size * 5);
  });
});
