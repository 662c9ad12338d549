// The last feed the app could show, kept beside the service worker's copy. The worker only checks a feed's shape before
// saving it (src/pwa/feed-acceptance.ts): the full checks and the decoding live in the app. When a publish has the
// right shape but nothing the app can show (every listing broken, an envelope that fails its checks, a built index
// whose columns do not decode), the app shows the last good copy instead and puts it back as the worker's copy, so the
// next visit and offline use get it too. Loaded only then, or once the page is idle after a feed was shown.
import { FEED_CACHE, LAST_GOOD_FEED_CACHE } from '../pwa/protocol';
import type { FeedState } from './state';

/** Which feed the kept copy is, so an unchanged feed costs one localStorage read. */
const MARK = 'tc-last-good-feed';
const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** Keeps a feed that was shown as the last good copy, unless it is the one kept already. Storage refusing only means no copy. */
export async function keepLastGood(state: Extract<FeedState, { status: 'ready' }>, text: string, url: string): Promise<void> {
  if (typeof caches === 'undefined') return;
  const mark = `${state.feed.generated}|${text.length}`;
  try {
    if (localStorage.getItem(MARK) === mark) return;
    await (await caches.open(LAST_GOOD_FEED_CACHE)).put(url, new Response(text, { headers: JSON_HEADERS }));
    localStorage.setItem(MARK, mark);
  } catch {
    // disk full or storage refused
  }
}

/**
 * For a feed with nothing to show: the last good copy's state, after putting that copy back as the worker's saved
 * feed; `state` itself when there is no usable copy. `read` turns a text into state with the full checks.
 */
export async function restoreLastGood(state: FeedState, url: string, read: (text: string) => Promise<FeedState>): Promise<FeedState> {
  if (typeof caches === 'undefined') return state;
  try {
    const kept = await (await caches.open(LAST_GOOD_FEED_CACHE)).match(url, { ignoreSearch: true, ignoreVary: true });
    if (!kept) return state;
    const keptText = await kept.text();
    const restored = await read(keptText);
    if (restored.status !== 'ready' || restored.feed.activities.length === 0) return state;
    await (await caches.open(FEED_CACHE)).put(url, new Response(keptText, { headers: JSON_HEADERS }));
    return restored;
  } catch {
    return state; // storage refused: the feed as it came is what there is
  }
}
