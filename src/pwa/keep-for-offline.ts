// Files this page fetched before its service worker was running, or will want offline without having opened them yet,
// kept in the worker's cache of lazily used files (src/pwa/sw.ts): the reader's language (every namespace, so
// 'Ask for support' works offline after one visit) and any build file loaded before the worker took over (the map,
// if opened at once). Precached files are skipped. Copies come from the HTTP cache: hashed files are cached for a year.
import { LAZY_ASSET_CACHE } from './protocol';

function buildFilesLoadedSoFar(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name))
    .filter((url) => url.origin === location.origin && url.pathname.startsWith('/assets/'))
    .map((url) => url.pathname);
}

/** Call once the worker is active (its precache is complete). Failures only mean a file is not available offline. */
export async function keepForOffline(wanted: readonly string[]): Promise<void> {
  if (typeof caches === 'undefined') return;
  const cache = await caches.open(LAZY_ASSET_CACHE);
  for (const path of new Set([...wanted, ...buildFilesLoadedSoFar()])) {
    if (await caches.match(path)) continue;
    await cache.add(path).catch(() => undefined);
  }
}
