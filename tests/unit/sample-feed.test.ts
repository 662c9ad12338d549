// The bundled Oldham sample feed: valid, clearly marked as a sample, and rich enough to make the app feel real.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFeed } from '../../src/feed/check';

const json = JSON.parse(readFileSync('public/feed.json', 'utf8')) as Record<string, unknown>;
const { feed, problems } = checkFeed(json, { now: new Date('2026-11-23T09:00:00Z') });

describe('the sample feed', () => {
  it('has no errors and is marked as a sample', () => {
    expect(problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(feed?.sample).toBe(true);
  });

  it('has enough activities, venues and categories, spread over Oldham', () => {
    expect(feed!.activities.length).toBeGreaterThanOrEqual(120);
    expect(feed!.venues.size).toBeGreaterThanOrEqual(35);
    expect(feed!.categories.size).toBeGreaterThanOrEqual(14);
    for (const venue of feed!.venues.values()) {
      expect(venue.lat).toBeGreaterThan(53.47);
      expect(venue.lat).toBeLessThan(53.62);
      expect(venue.lng).toBeGreaterThan(-2.22);
      expect(venue.lng).toBeLessThan(-1.9);
    }
    const places = feed!.area.places.map((p) => p.id);
    for (const id of ['werneth', 'coldhurst', 'chadderton', 'royton', 'failsworth', 'oldham-west']) expect(places).toContain(id);
  });

  it('uses every schedule kind and shows the cases residents meet', () => {
    const sessions = feed!.activities.flatMap((a) => a.schedule);
    expect(new Set(sessions.map((s) => s.freq))).toEqual(new Set(['weekly', 'monthly', 'once']));
    expect(sessions.some((s) => s.freq === 'weekly' && s.interval === 2)).toBe(true);
    expect(new Set(sessions.flatMap((s) => (s.freq === 'monthly' ? [s.weekOfMonth] : [])))).toEqual(new Set([1, 2, 3, 4, -1]));
    expect(sessions.some((s) => s.freq !== 'once' && (s.except?.length ?? 0) > 0)).toBe(true);
    expect(feed!.activities.some((a) => a.schedule.length === 0)).toBe(true);
    expect(feed!.activities.some((a) => a.status === 'paused')).toBe(true);
    expect(feed!.activities.some((a) => a.status === 'cancelled')).toBe(true);
    expect(problems.some((p) => p.code === 'stale')).toBe(true);
    expect(feed!.activities.some((a) => a.audience?.gender === 'women' && a.childcare)).toBe(true);
    expect(new Set(feed!.activities.map((a) => a.howToJoin))).toEqual(new Set(['drop-in', 'self-refer', 'contact-organiser', 'professional-referral']));
    const spoken = new Set(feed!.activities.flatMap((a) => a.languages));
    for (const code of ['ur', 'bn', 'pa', 'pl']) expect(spoken).toContain(code);
  });

  it('invents its organisations: only example.org websites and Ofcom drama-range phone numbers', () => {
    for (const organisation of feed!.organisations.values()) {
      if (organisation.website) expect(new URL(organisation.website).hostname).toMatch(/(^|\.)example\.org$/);
      if (organisation.phone) expect(organisation.phone.replace(/\s/g, '')).toMatch(/^(0161496|07700900|01610000)/);
    }
  });
});
