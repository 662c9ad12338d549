// The last plain feed the app could show, kept beside the service worker's copy. The worker only checks a feed's shape
// before saving it (src/pwa/feed-acceptance.ts): the full checks live here in the app, loaded with the checker. When a
// publish has the right shape but nothing the app can show (every listing broken, an envelope that fails its checks),
// the app shows the last good copy instead and puts it back as the worker's copy, so the next visit and offline use
// get it too. Loaded only for plain feeds; a built feed was checked when it was built.
import { FEED_CACHE, LAST_GOOD_FEED_CACHE } from '../pwa/protocol';
import type { FeedState } from './state';

const MARK = 'tc-last-good-feed';

/** Nothing to show: a feed that failed its checks, or one whose every listing was skipped (an empty town is fine). */
export function isUnusable(state: FeedState): boolean {
  return (state.status === 'failed' && state.failure === 'not-a-feed') || (state.status === 'ready' && state.feed.activities.length === 0 && state.skipped > 0);
}

function hasCaches(): boolean {
  return typeof caches !== 'undefined';
}

/**
 * Keeps a usable feed's text as the last good copy (only when it differs from the one kept, so an unchanged feed costs
 * one localStorage read), or, for an unusable one, answers with the last good copy and restores it as the saved feed.
 * `read` turns a text into state with the full checks (it is `feedStateFromText`, passed in to keep the import one-way).
 */
export async function keepOrRestore(state: FeedState, text: string, url: string, read: (text: string) => Promise<FeedState>): Promise<FeedState> {
  if (!hasCaches()) return state;
  try {
    if (state.status === 'ready' && !isUnusable(state)) {
      const mark = `${state.feed.generated}|${text.length}`;
      if (localStorage.getItem(MARK) !== mark) {
        const cache = await caches.open(LAST_GOOD_FEED_CACHE);
        await cache.put(url, new Response(text, { headers: { 'Content-Type': 'application/json' } }));
        localStorage.setItem(MARK, mark);
      }
      return state;
    }
    if (!isUnusable(state)) return state;
    const kept = await (await caches.open(LAST_GOOD_FEED_CACHE)).match(url, { ignoreSearch: true, ignoreVary: true });
    if (!kept) return state;
    const keptText = await kept.text();
    const restored = await read(keptText);
    if (restored.status !== 'ready' || isUnusable(restored)) return state;
    await (await caches.open(FEED_CACHE)).put(url, new Response(keptText, { headers: { 'Content-Type': 'application/json' } }));
    return restored;
  } catch {
    return state; // storage full or refused: the feed as it came is still shown
  }
}
