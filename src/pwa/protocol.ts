// What the page and the service worker agree on: cache names and the messages they send each other.

/** The saved copy of the activity feed (stale-while-revalidate; replaced only by a file with a feed's shape). */
export const FEED_CACHE = 'tc-feed-v1';
/** The last plain feed the app checked and could show, which it puts back if a publish turns out unusable (src/feed/last-good.ts). */
export const LAST_GOOD_FEED_CACHE = 'tc-feed-last-good-v1';
/** Map tiles someone has actually looked at (cache-first, limited in number and age). */
export const TILE_CACHE = 'tc-tiles-v1';
/** Build files kept when first used rather than precached: the map, other languages' strings (src/pwa/sw.ts). */
export const LAZY_ASSET_CACHE = 'tc-assets-v1';

/** Page → waiting worker: the person pressed 'Reload', so take over now. */
export const SKIP_WAITING = 'SKIP_WAITING';
/** Worker → pages: a different feed (with a feed's shape; the page checks the rest) is now in FEED_CACHE. */
export const FEED_UPDATED = 'FEED_UPDATED';

export interface FeedUpdatedMessage {
  type: typeof FEED_UPDATED;
  url: string;
}

export function isFeedUpdatedMessage(data: unknown): data is FeedUpdatedMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === FEED_UPDATED && typeof (data as { url?: unknown }).url === 'string';
}
