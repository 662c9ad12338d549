// Browse state that does not belong in the URL: the device position (never leaves the device) and the
// per-feed precomputation every filter change reuses.
import { computed, signal } from '@preact/signals';
import { currentFeed } from '../feed/state';
import type { Feed } from '../feed/schema';
import { prepareBrowse, prepareBrowseInSlices, type PreparedBrowse } from './filter';
import type { RemoteBrowse } from './remote';

export interface Position {
  lat: number;
  lng: number;
}

/** Set only after the person presses 'Use my location'; kept in memory, never stored or sent. */
export const devicePosition = signal<Position | null>(null);

/** Above this many listings the feed is prepared in slices, with the page free in between (a few seconds at 100,000). */
export const PREPARE_AT_ONCE_UP_TO = 5_000;

const preparedInSlices = signal<PreparedBrowse | null>(null);
let feedBeingPrepared: Feed | null = null;

/** A small feed prepared in a task of its own by `prepareInAdvance`, so the first screen's render is a task apart. */
let preparedAtOnce: PreparedBrowse | null = null;

/**
 * The feed's preparation, started by the feed loader before it publishes the feed (src/feed/load.ts), so the loading
 * line stays up meanwhile rather than an empty screen: a big feed's in slices, a small one's in a task of its own
 * (decoding, preparing and drawing the first screen in one task would keep a cheap phone from answering a tap).
 */
export async function prepareInAdvance(feed: Feed): Promise<void> {
  // On another screen (opened from a shared activity or the referral form, or there when a new feed arrives), the feed
  // is shown without waiting: the browse screen prepares it when it is next opened (`preparedBrowse`).
  if (!isOnBrowseScreen()) return;
  if (feed.activities.length <= PREPARE_AT_ONCE_UP_TO) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    preparedAtOnce = prepareBrowse(feed, new Date());
    return;
  }
  feedBeingPrepared = feed;
  preparedInSlices.value = await prepareBrowseInSlices(feed, new Date());
}

/** Whether the page is on the browse screen; outside a browser (tests, tools), prepare as if it was. */
function isOnBrowseScreen(): boolean {
  return typeof location === 'undefined' || location.pathname === '/';
}

/** A region-wide built feed searched in the browse worker (src/browse/remote.ts), set by the loader with its feed. */
const searchedInWorker = signal<{ feed: Feed; remote: RemoteBrowse; now: Date } | null>(null);

/** Called by the feed loader before it publishes `feed`: its searches go to `remote`, and nothing is prepared here. */
export function searchInWorker(feed: Feed, remote: RemoteBrowse, now: Date): void {
  searchedInWorker.peek()?.remote.close();
  searchedInWorker.value = { feed, remote, now };
}

/** After the worker failed: its feed is prepared on the page from now on. */
export function stopSearchingInWorker(remote: RemoteBrowse): void {
  if (searchedInWorker.peek()?.remote !== remote) return;
  remote.close();
  searchedInWorker.value = null;
}

/**
 * Recomputed when the feed changes; the moment it is prepared is 'now' for this browsing session. A big feed not
 * prepared in advance is null until its slices are done; one searched in the worker is never prepared here.
 */
export const preparedBrowse = computed((): PreparedBrowse | null => {
  const feed = currentFeed.value;
  if (!feed) return null;
  if (searchedInWorker.value?.feed === feed) return null;
  if (feed.activities.length <= PREPARE_AT_ONCE_UP_TO) return preparedAtOnce?.feed === feed ? preparedAtOnce : prepareBrowse(feed, new Date());
  const ready = preparedInSlices.value;
  if (ready?.feed === feed) return ready;
  if (feedBeingPrepared !== feed) {
    // Started from here, so that it starts only when a screen first needs it, as the small feed's preparation does.
    feedBeingPrepared = feed;
    void prepareBrowseInSlices(feed, new Date()).then((prepared) => {
      if (currentFeed.peek() === feed) preparedInSlices.value = prepared;
    });
  }
  return null;
});

/** Where the browse screen gets its results: prepared here, or from the browse worker. */
export type BrowseSource =
  | { kind: 'local'; prepared: PreparedBrowse; now: Date; today: string }
  | { kind: 'remote'; remote: RemoteBrowse; now: Date; today: string };

export const browseSource = computed((): BrowseSource | null => {
  const feed = currentFeed.value;
  if (!feed) return null;
  const worker = searchedInWorker.value;
  if (worker?.feed === feed) return { kind: 'remote', remote: worker.remote, now: worker.now, today: worker.remote.today };
  const prepared = preparedBrowse.value;
  return prepared ? { kind: 'local', prepared, now: prepared.now, today: prepared.today } : null;
});

/** How many results the list showed, so coming back from an activity page shows the same stretch of list. */
export const listLength = { shown: 0, forSearch: '' };
