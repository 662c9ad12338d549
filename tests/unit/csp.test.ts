import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, DEFAULT_FEED_URL, DEFAULT_TILE_URL, localFeedEndpoint, sourceFor, tileSource } from '../../scripts/vite/csp';
import { settings } from '../../src/app/settings';
import { creditParts, decodeEntities } from '../../src/map/attribution';
import { defaultPolicyRules, isAppScriptUrl, LEAFLET_HTML } from '../../src/app/trusted-types';

/** The policy as directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

const DEFAULTS = { feedUrl: DEFAULT_FEED_URL, tileUrl: DEFAULT_TILE_URL, feedReferralEndpoint: '/api/referrals' };

describe('contentSecurityPolicy', () => {
  it('allows only the app’s own scripts, no inline code, no eval, no plugins, no <base>', () => {
    const policy = contentSecurityPolicy(DEFAULTS);
    const d = directives(policy);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('style-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'self'"]);
    expect(d.get('worker-src')).toEqual(["'self'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(policy).not.toMatch(/unsafe-|\*(?!\.)|blob:/);
  });

  it('requires Trusted Types and names the one policy the app creates', () => {
    const d = directives(contentSecurityPolicy(DEFAULTS));
    expect(d.get('require-trusted-types-for')).toEqual(["'script'"]);
    expect(d.get('trusted-types')).toEqual(['default']);
  });

  it('lets the default build reach only itself and OpenStreetMap’s tiles', () => {
    const d = directives(contentSecurityPolicy(DEFAULTS));
    expect(d.get('connect-src')).toEqual(["'self'", 'https://tile.openstreetmap.org']);
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'https://tile.openstreetmap.org']);
  });

  it('adds a feed, a referral receiver and extra referral origins elsewhere, once each', () => {
    const d = directives(
      contentSecurityPolicy({
        feedUrl: 'https://hub.example.org/data/feed.json?v=2',
        tileUrl: 'https://{s}.tiles.example.net/{z}/{x}/{y}.png',
        feedReferralEndpoint: 'https://referrals.example.org/api/in',
        referralOrigins: ['https://cases.example.com', 'https://referrals.example.org/'],
      }),
    );
    expect(d.get('connect-src')).toEqual(["'self'", 'https://hub.example.org', 'https://referrals.example.org', 'https://cases.example.com', 'https://*.tiles.example.net']);
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'https://*.tiles.example.net']);
  });

  it('adds frame-ancestors only to the header form (a <meta> policy ignores it)', () => {
    expect(directives(contentSecurityPolicy(DEFAULTS)).has('frame-ancestors')).toBe(false);
    expect(directives(contentSecurityPolicy(DEFAULTS, { header: true })).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('stops the build on a setting that is not an http(s) address, so nothing can be smuggled into the policy', () => {
    expect(() => contentSecurityPolicy({ ...DEFAULTS, feedUrl: "feed.json; script-src 'unsafe-inline'" })).toThrow(/FEED_URL/);
    expect(() => contentSecurityPolicy({ ...DEFAULTS, referralOrigins: ['javascript:alert(1)'] })).toThrow(/REFERRAL_ORIGINS/);
    expect(() => contentSecurityPolicy({ ...DEFAULTS, feedReferralEndpoint: '//evil.example' })).toThrow(/referral.endpoint/);
    expect(() => tileSource('https://tiles.{s}.example.org/{z}/{x}/{y}.png')).toThrow(/TILE_URL/);
    // A URL's origin never carries spaces or semicolons, whatever the setting held.
    expect(sourceFor('https://hub.example.org/a;b c', 'X')).toBe('https://hub.example.org');
  });

  it('treats paths on the app’s origin as self', () => {
    expect(sourceFor('/feed.json', 'FEED_URL')).toBe("'self'");
    expect(tileSource('/test-tiles/{z}/{x}/{y}.png')).toBe("'self'");
    expect(directives(contentSecurityPolicy({ feedUrl: '/feed.json', tileUrl: '/test-tiles/{z}/{x}/{y}.png' })).get('connect-src')).toEqual(["'self'"]);
  });

  it('keeps its defaults equal to the app’s settings', () => {
    expect(DEFAULT_FEED_URL).toBe(settings.feedUrl);
    expect(DEFAULT_TILE_URL).toBe(settings.tileUrl);
  });
});

describe('localFeedEndpoint', () => {
  it('reads the referral endpoint of a feed file in public/, and nothing outside it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csp-'));
    const publicDir = join(dir, 'public');
    mkdirSync(publicDir);
    writeFileSync(join(publicDir, 'feed.json'), JSON.stringify({ referral: { endpoint: 'https://in.example.org/r' } }));
    writeFileSync(join(dir, 'secret.json'), JSON.stringify({ referral: { endpoint: 'https://evil.example' } }));
    writeFileSync(join(publicDir, 'broken.json'), '{');
    expect(localFeedEndpoint(publicDir, '/feed.json?v=1')).toBe('https://in.example.org/r');
    expect(localFeedEndpoint(publicDir, '/../secret.json')).toBeUndefined();
    expect(localFeedEndpoint(publicDir, '/broken.json')).toBeUndefined();
    expect(localFeedEndpoint(publicDir, 'https://hub.example.org/feed.json')).toBeUndefined();
  });
});

describe('the Trusted Types default policy', () => {
  it('lets through only the constant strings Leaflet uses', () => {
    for (const html of LEAFLET_HTML) expect(defaultPolicyRules.createHTML(html)).toBe(html);
    expect(defaultPolicyRules.createHTML('<img src=x onerror=alert(1)>')).toBeNull();
    expect(defaultPolicyRules.createHTML('<svg/><script>alert(1)</script>')).toBeNull();
    expect(defaultPolicyRules.createScript('alert(1)')).toBeNull();
  });

  it('accepts the app’s own script files as script URLs, nothing else', () => {
    const page = 'https://app.example.org/activity/x';
    expect(isAppScriptUrl('/sw.js', page)).toBe(true);
    expect(isAppScriptUrl('https://app.example.org/assets/feed.worker-Ab1_c.js', page)).toBe(true);
    expect(isAppScriptUrl('https://evil.example/sw.js', page)).toBe(false);
    expect(isAppScriptUrl('/sw.js?x=1', page)).toBe(false);
    expect(isAppScriptUrl('/feed.json', page)).toBe(false);
    expect(isAppScriptUrl('data:text/javascript,alert(1)', page)).toBe(false);
    expect(isAppScriptUrl('/assets/../evil.js', page)).toBe(false);
  });
});

describe('map credits', () => {
  it('turns the attribution setting into text and http(s) links only', () => {
    expect(creditParts('© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors')).toEqual([
      { text: '© ' },
      { text: 'OpenStreetMap', href: 'https://www.openstreetmap.org/copyright' },
      { text: ' contributors' },
    ]);
    expect(creditParts('&copy; <a href=\'javascript:alert(1)\'>x</a>')).toEqual([{ text: '© ' }, { text: 'x' }]);
    // Other markup is shown as written, never parsed.
    expect(creditParts('<img src=x onerror=alert(1)>')).toEqual([{ text: '<img src=x onerror=alert(1)>' }]);
    expect(decodeEntities('&#169; &#xA9; &amp;lt; &bogus;')).toBe('© © &lt; &bogus;');
  });
});
