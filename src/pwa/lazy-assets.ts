// The service worker's second cache: build files that are not precached because most visits never need them (the map
// and Leaflet, the strings of languages other than the reader's). Each is kept the first time it is used, so it works
// offline from then on, and a first visit downloads only what that visit needs (the size budget in
// tests/e2e/first-screen.e2e.ts). Hashed names never change content, so cache-first is always right.
import { registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { LAZY_ASSET_CACHE } from './protocol';

/** Enough for two deploys' worth of maps and languages; older versions' files drop out first. */
const LAZY_ASSET_LIMITS = { maxEntries: 60, maxAgeSeconds: 90 * 24 * 60 * 60 };

/** Call after precacheAndRoute(): precached files keep being answered by the precache. */
export function cacheLazyAssetsWhenUsed(scope: { location: { origin: string } }): void {
  registerRoute(
    ({ url }) => url.origin === scope.location.origin && url.pathname.startsWith('/assets/'),
    new CacheFirst({
      cacheName: LAZY_ASSET_CACHE,
      plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ ...LAZY_ASSET_LIMITS, purgeOnQuotaError: true })],
    }),
  );
}
