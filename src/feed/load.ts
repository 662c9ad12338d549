// Fetches the feed named at build time and publishes the usable part to the feed state. The address may answer with a
// plain feed (checked here with the full checks, loaded only then) or with its built form (`npm run feed:build`,
// src/feed/built.ts), which was checked when it was built and only gets a cheap structural guard.
import { settings } from '../app/settings';
import { PREPARE_AT_ONCE_UP_TO, prepareInAdvance, searchInWorker } from '../browse/state';
import { feedFromBuiltIndex, feedFromBuiltIndexInSlices, isBuiltIndex, rememberBuiltDetails } from './built';
import { parseFeedJson } from './parse';
import { feedState, type FeedState } from './state';

/**
 * Turns the text of a feed (plain or built) into the state the app shows; `url` is where it came from (shard addresses
 * of a built feed are relative to it). A feed with nothing to show gives way to the last good copy the app kept (the
 * service worker checks only a feed's shape before saving it: src/feed/last-good.ts); a usable one becomes that copy,
 * once the page is idle.
 */
export async function feedStateFromText(text: string, now = new Date(), url: string = absoluteFeedUrl()): Promise<FeedState> {
  const state = await readFeedText(text, now, url);
  if (isUnusable(state)) {
    const { restoreLastGood } = await import('./last-good');
    return restoreLastGood(state, url, (kept) => readFeedText(kept, now, url));
  }
  if (state.status === 'ready') whenIdle(() => void import('./last-good').then(({ keepLastGood }) => keepLastGood(state, text, url)));
  return state;
}

/** Nothing to show: not JSON, a feed that failed its checks, or one whose every listing was skipped (an empty town is fine). */
function isUnusable(state: FeedState): boolean {
  return (state.status === 'failed' && (state.failure === 'not-a-feed' || state.failure === 'not-json')) || (state.status === 'ready' && state.feed.activities.length === 0 && state.skipped > 0);
}

/**
 * Once the app has drawn its screen and the page is idle: the idle moment can come while the strings are still
 * downloading (the app draws nothing before them), and work the first screen never needs must not join its downloads
 * (the first-screen budget counts every fetch before the list).
 */
function whenIdle(work: () => void): void {
  const later = (callback: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(callback, { timeout: 5000 }) : setTimeout(callback, 1000));
  later(function whenDrawn() {
    if (typeof document === 'undefined' || document.getElementById('main')) work();
    else later(whenDrawn);
  });
}

/**
 * The state of one feed text. The checker (valibot and all) is loaded only for a plain feed. A big feed's browse
 * preparation is done (in slices, the page free in between, or in the browse worker) before the feed is published.
 */
async function readFeedText(text: string, now: Date, url: string): Promise<FeedState> {
  const parsed = parseFeedJson(text);
  if (!parsed.ok) return { status: 'failed', failure: 'not-json', detail: 'not valid JSON' };
  if (isBuiltIndex(parsed.value)) {
    // A region-wide feed is searched in a worker, which decodes its own copy meanwhile (src/browse/remote.ts); where
    // workers cannot start, it is prepared here in slices instead.
    const listings = (parsed.value.activities as { count?: unknown } | undefined)?.count;
    const searching =
      typeof listings === 'number' && listings > PREPARE_AT_ONCE_UP_TO && typeof Worker === 'function'
        ? import('../browse/remote').then(({ openRemoteBrowse }) => openRemoteBrowse(text, url, now)).catch(() => null)
        : null;
    // A region-wide index takes a while to parse and as long again to decode: decoded in slices, the page free in between.
    const built = text.length > 1_000_000 ? await feedFromBuiltIndexInSlices(parsed.value, url, nextTask) : feedFromBuiltIndex(parsed.value, url);
    if (!built) {
      void searching?.then((remote) => remote?.close());
      return { status: 'failed', failure: 'not-a-feed', detail: 'the built feed index is incomplete or from a newer version' };
    }
    rememberBuiltDetails(built.feed, built.details);
    const remote = await searching;
    if (remote) searchInWorker(built.feed, remote, now);
    else await prepareInAdvance(built.feed);
    return { status: 'ready', feed: built.feed, skipped: built.skipped };
  }
  const { checkFeed } = await import('./check');
  const result = checkFeed(parsed.value, { now });
  if (!result.feed) {
    const firstError = result.problems.find((p) => p.level === 'error');
    return { status: 'failed', failure: 'not-a-feed', detail: firstError?.message ?? '' };
  }
  await prepareInAdvance(result.feed);
  return { status: 'ready', feed: result.feed, skipped: result.skipped.activities };
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function absoluteFeedUrl(url = settings.feedUrl): string {
  return new URL(url, location.href).href;
}

export async function loadFeed(url = settings.feedUrl): Promise<void> {
  feedState.value = { status: 'loading' };
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (error) {
    feedState.value = { status: 'failed', failure: 'network', detail: String(error) };
    return;
  }
  if (!response.ok) {
    feedState.value = { status: 'failed', failure: 'http', detail: `${response.status} ${response.statusText}` };
    return;
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    feedState.value = { status: 'failed', failure: 'network', detail: String(error) };
    return;
  }
  feedState.value = await feedStateFromText(text, new Date(), response.url || absoluteFeedUrl(url));
}
