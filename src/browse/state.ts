// Browse state that does not belong in the URL: the device position (never leaves the device) and the
// per-feed precomputation every filter change reuses.
import { computed, signal } from '@preact/signals';
import { currentFeed } from '../feed/state';
import { prepareBrowse } from './filter';

export interface Position {
  lat: number;
  lng: number;
}

/** Set only after the person presses 'Use my location'; kept in memory, never stored or sent. */
export const devicePosition = signal<Position | null>(null);

/** Recomputed when the feed changes; the moment it is prepared is 'now' for this browsing session. */
export const preparedBrowse = computed(() => {
  const feed = currentFeed.value;
  return feed ? prepareBrowse(feed, new Date()) : null;
});

/** How many results the list showed, so coming back from an activity page shows the same stretch of list. */
export const listLength = { shown: 0, forSearch: '' };
