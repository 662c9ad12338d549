// The service worker (built to /sw.js; never rename it). Precaches the app shell and every chunk, answers app routes
// with the shell, keeps the last good activity feed, and keeps the map tiles someone has looked at. A new version waits
// until the person presses 'Reload' (src/pwa/update.ts). Typed on its own: src/pwa/tsconfig.json (lib WebWorker).
import { clientsClaim, type WorkboxPlugin } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, StaleWhileRevalidate } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { settings } from '../app/settings';
import { isAcceptableFeedResponse } from './feed-acceptance';
import { DETAILS_FOLDER } from '../feed/built';
import { FEED_CACHE, FEED_UPDATED, SKIP_WAITING, TILE_CACHE, type FeedUpdatedMessage } from './protocol';
import { tileUrlPattern } from './tile-pattern';
import { cacheLazyAssetsWhenUsed } from './lazy-assets';
import { OUTBOX_SYNC_TAG } from '../referral/outbox-core';
import { deliverFromWorker } from '../referral/worker-delivery';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

const TILE_LIMITS = { maxEntries: 500, maxAgeSeconds: 30 * 24 * 60 * 60 };

// ---- Updates: no skipWaiting() on install; the page asks for it when the person presses 'Reload'.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === SKIP_WAITING) void self.skipWaiting();
});
// The very first worker takes over the page that installed it, so the feed and tiles that page asks for next are saved.
// (An update only activates on 'Reload', which reloads every page it takes over.)
clientsClaim();

// ---- The app shell, every JS chunk (the map and each language included), CSS, icons, the manifest.
// Each version's files stay until that version is replaced, so an open old tab keeps loading its own chunks.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
cacheLazyAssetsWhenUsed(self); // the map and other languages: kept when first used, not precached (lazy-assets.ts)

// App routes (/activity/…, /venue/…, /favourites, /refer…, and anything else without a file extension) get the
// shell, which draws the screen; /api/ and files (a path whose last part has a dot) go to the network.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//, /\/[^/?]+\.[^/?]+(?:\?.*)?$/] }));

// ---- The activity feed: stale-while-revalidate, but only a file with a feed's shape replaces the copy (the app checks
// the records and puts its last good copy back if a publish turns out unusable: src/feed/last-good.ts).
const feedUrl = new URL(settings.feedUrl, self.location.href);

/** Never lets a broken publish (not JSON, cut short, an error page, other JSON, a built file with nothing to show) overwrite a good copy. */
const keepOnlyGoodFeeds: WorkboxPlugin = {
  cacheWillUpdate: async ({ response }) => ((await isAcceptableFeedResponse(response)) ? response : null),
};

/** Tells open pages when a different feed has been saved, so they show it without a second download. */
const announceNewFeed: WorkboxPlugin = {
  cacheDidUpdate: async ({ oldResponse, newResponse, request }) => {
    if (!oldResponse) return;
    const [before, after] = await Promise.all([oldResponse.text(), newResponse.text()]);
    if (before === after) return;
    const message: FeedUpdatedMessage = { type: FEED_UPDATED, url: request.url };
    for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage(message);
  },
};

registerRoute(
  ({ url }) => url.origin === feedUrl.origin && url.pathname === feedUrl.pathname,
  new StaleWhileRevalidate({ cacheName: FEED_CACHE, matchOptions: { ignoreVary: true, ignoreSearch: true }, plugins: [keepOnlyGoodFeeds, announceNewFeed] }),
);

// A built feed's description shards (src/feed/details.ts): named by their content, so a saved one never goes stale;
// only those of activity pages someone opened are kept, so those pages work offline.
const detailsFolder = new URL(DETAILS_FOLDER, feedUrl);
registerRoute(
  ({ url }) => url.origin === detailsFolder.origin && url.pathname.startsWith(detailsFolder.pathname),
  new CacheFirst({
    cacheName: 'feed-details',
    plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 200, purgeOnQuotaError: true })],
  }),
);

// The first page fetched the feed before this worker existed. 'force-cache' takes that copy from the HTTP cache rather
// than downloading it again, so the app works offline after one visit.
async function saveFeedIfMissing(): Promise<void> {
  try {
    const cache = await caches.open(FEED_CACHE);
    if (await cache.match(feedUrl.href, { ignoreVary: true, ignoreSearch: true })) return;
    const response = await fetch(feedUrl.href, { cache: 'force-cache', mode: 'cors', credentials: 'same-origin' });
    if (await isAcceptableFeedResponse(response)) await cache.put(feedUrl.href, response);
  } catch {
    // Offline or refused: the app's next feed request through this worker saves it.
  }
}
self.addEventListener('install', (event) => event.waitUntil(saveFeedIfMissing()));

// ---- Map tiles: cache-first, only the tiles actually viewed, limited in number and age. Only complete 200 answers:
// never opaque ones (status 0), whose size and success cannot be known.
const tilePattern = tileUrlPattern(settings.tileUrl, self.location.href);
registerRoute(
  ({ url }) => tilePattern.test(url.href),
  new CacheFirst({
    cacheName: TILE_CACHE,
    matchOptions: { ignoreVary: true },
    plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ ...TILE_LIMITS, purgeOnQuotaError: true })],
  }),
);

// ---- The referral outbox: Background Sync delivers referrals waiting in IndexedDB even after the app is closed. The
// page registers the tag whenever something waits (src/referral/outbox.ts); a lease in each record keeps the worker and
// open tabs from sending the same referral at once, and the receiver deduplicates by id in any case.
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}
self.addEventListener('sync' as keyof ServiceWorkerGlobalScopeEventMap, (event) => {
  const sync = event as unknown as SyncEvent;
  if (sync.tag !== OUTBOX_SYNC_TAG) return;
  sync.waitUntil(deliverFromWorker(indexedDB, (...args) => fetch(...args)));
});
