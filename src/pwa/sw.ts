// The service worker (built to /sw.js; never rename it). Precaches the app shell and every chunk, answers app routes
// with the shell, keeps the last good activity feed, and keeps the map tiles someone has looked at. A new version waits
// until the person presses 'Reload' (src/pwa/update.ts). Typed on its own: src/pwa/tsconfig.json (lib WebWorker).
// The caching itself is in sw-caches.ts.
import { settings } from '../app/settings';
import { isAcceptableFeedResponse } from './feed-acceptance';
import { DETAILS_FOLDER } from '../feed/built';
import { FEED_CACHE, FEED_UPDATED, LAZY_ASSET_CACHE, SKIP_WAITING, TILE_CACHE, type FeedUpdatedMessage } from './protocol';
import { tileUrlPattern } from './tile-pattern';
import { cacheFirst, createPrecache, type PrecacheEntry } from './sw-caches';
import { OUTBOX_SYNC_TAG } from '../referral/outbox-core';
import { deliverFromWorker } from '../referral/worker-delivery';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

const TILE_LIMITS = { maxEntries: 500, maxAgeSeconds: 30 * 24 * 60 * 60 };
/** Build files kept when first used (the map, posters, other languages): enough for two deploys' worth. */
const LAZY_ASSET_LIMITS = { maxEntries: 60 };
/** Description shards of activity pages someone opened (named by their content, so never stale). */
const DETAILS_LIMITS = { maxEntries: 200 };

// ---- The app shell, every JS chunk a screen needs offline, CSS, icons (vite.config.ts says which). Each version has its
// own cache, filled at install (unchanged files copied from the last version's), and the last version's goes only when
// this one takes over, so an open old tab keeps loading its own chunks until then.
const precache = createPrecache(
  self.__WB_MANIFEST.map((entry) => (typeof entry === 'string' ? { url: entry, revision: null } : entry)),
  self.location.origin,
);

// ---- Updates: no skipWaiting() on install; the page asks for it when the person presses 'Reload'.
self.addEventListener('install', (event) => event.waitUntil(Promise.all([precache.install(), saveFeedIfMissing()])));
self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === SKIP_WAITING) void self.skipWaiting();
});
// The very first worker takes over the page that installed it, so the feed and tiles that page asks for next are saved.
// (An update only activates on 'Reload', which reloads every page it takes over.)
self.addEventListener('activate', (event) => event.waitUntil(precache.removeOthers().then(() => self.clients.claim())));

// ---- The activity feed: stale-while-revalidate, but only a file with a feed's shape replaces the copy (the app checks
// the records and puts its last good copy back if a publish turns out unusable: src/feed/last-good.ts).
const feedUrl = new URL(settings.feedUrl, self.location.href);
const feedMatch = { ignoreVary: true, ignoreSearch: true };

/** Saves a fetched feed unless it is a broken publish (not JSON, cut short, an error page, other JSON), and tells open pages when it changed. */
async function saveFeed(request: Request, response: Response): Promise<void> {
  if (!(await isAcceptableFeedResponse(response))) return;
  const cache = await caches.open(FEED_CACHE);
  const before = await cache.match(request, feedMatch);
  const [previous, next] = await Promise.all([before?.text(), response.clone().text()]);
  try {
    await cache.put(request, response);
  } catch {
    return; // disk full: the saved copy stays as it was
  }
  if (previous === undefined || previous === next) return;
  const message: FeedUpdatedMessage = { type: FEED_UPDATED, url: request.url };
  for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage(message);
}

function feedAnswer(event: FetchEvent): Promise<Response> {
  const fromNetwork = fetch(event.request).then(async (response) => {
    await saveFeed(event.request, response.clone());
    return response;
  });
  event.waitUntil(fromNetwork.catch(() => undefined));
  return caches.match(event.request, { ...feedMatch, cacheName: FEED_CACHE }).then((saved) => saved ?? fromNetwork);
}

// The first page fetched the feed before this worker existed. 'force-cache' takes that copy from the HTTP cache rather
// than downloading it again, so the app works offline after one visit.
async function saveFeedIfMissing(): Promise<void> {
  try {
    const cache = await caches.open(FEED_CACHE);
    if (await cache.match(feedUrl.href, feedMatch)) return;
    const response = await fetch(feedUrl.href, { cache: 'force-cache', mode: 'cors', credentials: 'same-origin' });
    if (await isAcceptableFeedResponse(response)) await cache.put(feedUrl.href, response);
  } catch {
    // Offline or refused: the app's next feed request through this worker saves it.
  }
}

// ---- Which answer each request gets.
const detailsFolder = new URL(DETAILS_FOLDER, feedUrl);
const tilePattern = tileUrlPattern(settings.tileUrl, self.location.href);
/** Not app routes: the API, and files (a path whose last part has a dot). */
const NOT_A_ROUTE = [/^\/api\//, /\/[^/?]+\.[^/?]+$/];

async function shellOrNetwork(request: Request, path: string): Promise<Response> {
  return (await precache.match(path)) ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const sameOrigin = url.origin === self.location.origin;
  if (sameOrigin && precache.paths.has(url.pathname)) {
    event.respondWith(shellOrNetwork(request, url.pathname));
  } else if (sameOrigin && url.pathname.startsWith('/assets/')) {
    // The map, posters, other languages: kept the first time they are used, so they work offline from then on.
    event.respondWith(cacheFirst(LAZY_ASSET_CACHE, request, LAZY_ASSET_LIMITS));
  } else if (request.mode === 'navigate' && sameOrigin && !NOT_A_ROUTE.some((pattern) => pattern.test(url.pathname))) {
    // App routes (/activity/…, /venue/…, /favourites, /refer…) get the shell, which draws the screen.
    event.respondWith(shellOrNetwork(request, '/index.html'));
  } else if (url.origin === feedUrl.origin && url.pathname === feedUrl.pathname) {
    event.respondWith(feedAnswer(event));
  } else if (url.origin === detailsFolder.origin && url.pathname.startsWith(detailsFolder.pathname)) {
    // A built feed's description shards (src/feed/details.ts): only those of activity pages someone opened, so those work offline.
    event.respondWith(cacheFirst('feed-details', request, DETAILS_LIMITS));
  } else if (tilePattern.test(url.href)) {
    // Map tiles: only those actually viewed, limited in number and age; only complete 200 answers, never opaque ones.
    event.respondWith(cacheFirst(TILE_CACHE, request, TILE_LIMITS, { ignoreVary: true }));
  }
});

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
