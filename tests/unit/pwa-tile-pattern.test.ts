// The service worker caches map tiles, and only map tiles, from the tile URL template.
import { describe, expect, it } from 'vitest';
import { tileUrlPattern } from '../../src/pwa/tile-pattern';

const BASE = 'https://app.example.org/';

describe('tileUrlPattern', () => {
  it("matches OpenStreetMap's tiles and nothing else on that server", () => {
    const pattern = tileUrlPattern('https://tile.openstreetmap.org/{z}/{x}/{y}.png', BASE);
    expect(pattern.test('https://tile.openstreetmap.org/15/16259/10813.png')).toBe(true);
    expect(pattern.test('https://tile.openstreetmap.org/0/0/0.png')).toBe(true);
    expect(pattern.test('https://tile.openstreetmap.org/15/16259/10813.png?v=2')).toBe(true);
    expect(pattern.test('https://tile.openstreetmap.org/copyright')).toBe(false);
    expect(pattern.test('https://tile.openstreetmap.org/15/a/10813.png')).toBe(false);
    expect(pattern.test('https://tile.openstreetmap.org.evil.example/15/1/2.png')).toBe(false);
    expect(pattern.test('https://app.example.org/15/16259/10813.png')).toBe(false);
  });

  it('resolves a relative template against the app, as the journeys use it', () => {
    const pattern = tileUrlPattern('/test-tiles/{z}/{x}/{y}.png', 'http://127.0.0.1:4173/sw.js');
    expect(pattern.test('http://127.0.0.1:4173/test-tiles/12/2031/1351.png')).toBe(true);
    expect(pattern.test('http://127.0.0.1:4173/icons/icon-192.png')).toBe(false);
    expect(pattern.test('http://127.0.0.1:4173/feed.json')).toBe(false);
  });

  it('understands subdomains and retina suffixes', () => {
    const pattern = tileUrlPattern('https://{s}.tiles.example.com/{z}/{x}/{y}{r}.png', BASE);
    expect(pattern.test('https://a.tiles.example.com/3/4/5.png')).toBe(true);
    expect(pattern.test('https://b.tiles.example.com/3/4/5@2x.png')).toBe(true);
    expect(pattern.test('https://a.b.tiles.example.com/3/4/5.png')).toBe(false);
  });
});
