// Shows a newer feed as soon as the service worker has checked and saved it (it says so with FEED_UPDATED): read from
// the worker's cache, so there is no second download. Started by main.tsx before the feed is first fetched, so no
// message is missed; tiny, as it sits on the first screen's path.
import { effect } from '@preact/signals';
import { settings } from '../app/settings';
import { feedStateFromText } from '../feed/load';
import { feedState } from '../feed/state';
import { FEED_CACHE, isFeedUpdatedMessage } from './protocol';

export function listenForSavedFeedUpdates(): void {
  navigator.serviceWorker?.addEventListener('message', (event) => {
    if (isFeedUpdatedMessage(event.data)) void whenFeedSettled().then(showSavedFeed);
  });
}

/** Resolves once the page's own feed request is done, so its older answer cannot overwrite the newer one. */
function whenFeedSettled(): Promise<void> {
  return new Promise((resolve) => {
    const dispose = effect(() => {
      if (feedState.value.status === 'loading') return;
      queueMicrotask(() => {
        dispose();
        resolve();
      });
    });
  });
}

async function showSavedFeed(): Promise<void> {
  const cache = await caches.open(FEED_CACHE);
  const url = new URL(settings.feedUrl, location.href).href;
  const response = await cache.match(url, { ignoreVary: true, ignoreSearch: true });
  if (!response) return;
  const next = await feedStateFromText(await response.text(), new Date(), url);
  if (next.status === 'ready') feedState.value = next;
}
