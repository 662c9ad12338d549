// The app's Content-Security-Policy, computed at build time from the settings (README "Security headers").
// `contentSecurityPolicy` is a pure function (tests/unit/csp.test.ts); `cspPlugin` puts its result into the built
// index.html as <meta http-equiv>, for static hosts that cannot set headers. The header form (with frame-ancestors,
// which a <meta> policy ignores) is `contentSecurityPolicy(sources, { header: true })`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnv, type Plugin } from 'vite';

/** The same defaults as src/app/settings.ts (a unit test keeps them equal). */
export const DEFAULT_FEED_URL = '/feed.json';
export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/**
 * Trusted Types policies the page may create. Only `default` (src/app/trusted-types.ts): it lets through the few
 * constant strings Leaflet assigns to innerHTML and same-origin script files, and refuses everything else.
 */
export const TRUSTED_TYPES_POLICIES = ['default'] as const;

export interface CspSources {
  /** FEED_URL: a path on the app's origin or an http(s) URL. */
  feedUrl: string;
  /** TILE_URL: a tile template, relative or http(s), `{s}` allowed as the first label of the host. */
  tileUrl: string;
  /** The referral endpoint of a feed known at build time (public/feed.json): a path or an https: URL. */
  feedReferralEndpoint?: string | undefined;
  /** REFERRAL_ORIGINS: other origins the referral may be sent to (a feed fetched from elsewhere names its own). */
  referralOrigins?: readonly string[];
}

const SELF = "'self'";

/** `'self'` for a path on the app's origin, else the URL's origin; anything but http(s) stops the build. */
export function sourceFor(url: string, what: string): string {
  const value = url.trim();
  if (value.startsWith('/') && !value.startsWith('//')) return SELF;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new Error(`${what}: "${url}" is neither a path starting with / nor an absolute http(s) URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`${what}: "${url}" must be http: or https:`);
  return parsed.origin;
}

/**
 * The origin(s) a tile template loads from. `https://{s}.tile.example.org/{z}/{x}/{y}.png` becomes
 * `https://*.tile.example.org` (CSP allows a wildcard only as the whole first label).
 */
export function tileSource(template: string): string {
  const value = template.trim();
  if (value.startsWith('/') && !value.startsWith('//')) return SELF;
  const match = /^(https?):\/\/([^/?#]+)/i.exec(value);
  if (!match) throw new Error(`TILE_URL: "${template}" must be a path starting with / or an http(s) URL template`);
  const [, scheme = '', host = ''] = match;
  const labels = host.split('.');
  const wildcardFirst = labels[0] === '{s}';
  if (wildcardFirst) labels[0] = 'placeholder';
  const rest = labels.join('.');
  if (/[{}]/.test(rest)) throw new Error(`TILE_URL: "${template}" may use {s} only as the first part of the host name`);
  const origin = sourceFor(`${scheme.toLowerCase()}://${rest}/`, 'TILE_URL');
  return wildcardFirst ? origin.replace('://placeholder.', '://*.') : origin;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

export function contentSecurityPolicy(sources: CspSources, options: { header?: boolean } = {}): string {
  const feed = sourceFor(sources.feedUrl, 'FEED_URL');
  const tiles = tileSource(sources.tileUrl);
  const referral = [
    ...(sources.feedReferralEndpoint ? [sourceFor(sources.feedReferralEndpoint, 'referral.endpoint in the feed')] : []),
    ...(sources.referralOrigins ?? []).map((origin) => sourceFor(origin, 'REFERRAL_ORIGINS')),
  ];
  const directives: [string, ...string[]][] = [
    ['default-src', SELF],
    // Only the app's own files: no inline script, no eval, no other origin.
    ['script-src', SELF],
    // Only the app's stylesheets. Leaflet and Preact set styles through the CSSOM (element.style), which CSP allows;
    // nothing writes a style="" attribute from markup.
    ['style-src', SELF],
    // Tiles, and data: for Leaflet's blank image, which it puts into a tile that is removed while still loading.
    ['img-src', ...unique([SELF, 'data:', tiles])],
    ['font-src', SELF],
    // The feed, the referral receiver and (for the service worker's tile cache) the tiles.
    ['connect-src', ...unique([SELF, feed, ...referral, tiles])],
    // The service worker and any module worker are files of the app.
    ['worker-src', SELF],
    ['manifest-src', SELF],
    ['frame-src', "'none'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    // The app's forms are handled in the page (fetch), never posted elsewhere.
    ['form-action', SELF],
    ...(options.header ? [['frame-ancestors', "'none'"] as [string, string]] : []),
    ['require-trusted-types-for', "'script'"],
    ['trusted-types', ...TRUSTED_TYPES_POLICIES],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** The referral endpoint of the feed file in public/, when FEED_URL names one (the sample feed's `/api/referrals`). */
export function localFeedEndpoint(publicDir: string, feedUrl: string): string | undefined {
  if (!feedUrl.startsWith('/') || feedUrl.startsWith('//')) return undefined;
  const file = join(publicDir, decodeURIComponent(feedUrl.split(/[?#]/)[0] ?? ''));
  if (!file.startsWith(join(publicDir, '/')) || !existsSync(file)) return undefined;
  try {
    const feed = JSON.parse(readFileSync(file, 'utf8')) as { referral?: { endpoint?: unknown } };
    const endpoint = feed.referral?.endpoint;
    return typeof endpoint === 'string' ? endpoint : undefined;
  } catch {
    return undefined; // `npm run feed:check` reports a broken feed; the policy then allows only REFERRAL_ORIGINS.
  }
}

/** Reads the settings as Vite does (environment and .env files) and injects the policy into the built index.html. */
export function cspPlugin(): Plugin {
  let policy = '';
  return {
    name: 'thriving-communities:csp',
    // The dev server needs inline scripts and a WebSocket for hot reload: the policy is for builds only.
    apply: 'build',
    configResolved(config) {
      const env = loadEnv(config.mode, config.envDir || config.root, '');
      const feedUrl = env.FEED_URL || DEFAULT_FEED_URL;
      policy = contentSecurityPolicy({
        feedUrl,
        tileUrl: env.TILE_URL || DEFAULT_TILE_URL,
        feedReferralEndpoint: config.publicDir ? localFeedEndpoint(config.publicDir, feedUrl) : undefined,
        referralOrigins: (env.REFERRAL_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
      });
    },
    transformIndexHtml: {
      order: 'pre',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
    },
  };
}
