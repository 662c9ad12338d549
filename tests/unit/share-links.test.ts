// Shared and printed addresses: canonical, absolute, no tracking parameters; a shortlist link survives being pasted,
// trimmed or tampered with, and never asks for more than a shortlist's worth of listings.
import { describe, expect, it } from 'vitest';
import { activityUrl, idsFromSearch, MAX_SHORTLIST, shortlistUrl, venueUrl } from '../../src/share/links';

const ORIGIN = 'https://oldham.example.org';

describe('links to a listing', () => {
  it('are the origin and the page, nothing else', () => {
    expect(activityUrl(ORIGIN, 'knit-and-natter-werneth')).toBe('https://oldham.example.org/activity/knit-and-natter-werneth');
    expect(venueUrl(ORIGIN, 'werneth-community-centre')).toBe('https://oldham.example.org/venue/werneth-community-centre');
  });
});

describe('a shortlist link', () => {
  it('carries the ids in order, readable, and reads back to the same ids', () => {
    const url = shortlistUrl(ORIGIN, ['memory-cafe-library', 'knit-and-natter-werneth']);
    expect(url).toBe('https://oldham.example.org/shortlist?ids=memory-cafe-library,knit-and-natter-werneth');
    expect(idsFromSearch(new URL(url).search)).toEqual(['memory-cafe-library', 'knit-and-natter-werneth']);
  });

  it('survives messaging apps that encode the commas, add spaces or capitals, or repeat an id', () => {
    expect(idsFromSearch('?ids=knit-and-natter-werneth%2CMemory-Cafe-Library%2C%20knit-and-natter-werneth')).toEqual(['knit-and-natter-werneth', 'memory-cafe-library']);
    expect(idsFromSearch('?utm_source=whatsapp&ids=a,,b,')).toEqual(['a', 'b']);
  });

  it('ignores anything that cannot be an id, and an address with no ids', () => {
    expect(idsFromSearch('?ids=good-one,../../etc,<script>,bad_id,' + 'x'.repeat(81))).toEqual(['good-one']);
    expect(idsFromSearch('')).toEqual([]);
    expect(idsFromSearch('?other=1')).toEqual([]);
  });

  it('holds at most a shortlist’s worth of listings', () => {
    const many = Array.from({ length: 80 }, (_, i) => `activity-${i}`);
    expect(idsFromSearch(`?ids=${many.join(',')}`)).toHaveLength(MAX_SHORTLIST);
    expect(new URL(shortlistUrl(ORIGIN, many)).searchParams.get('ids')!.split(',')).toHaveLength(MAX_SHORTLIST);
  });
});
