// The service worker's caches, written for this app rather than taken from workbox's modules: the precache of one
// version of the app (install, take over, answer), and cache-first stores with a limit on entries and age. Workbox
// did the same with a general-purpose router, strategies and an IndexedDB of timestamps, which was two thirds of
// sw.js; what the app needs is this. (The page still uses workbox-window to register and update, src/pwa/register.ts.)

/** One file of the build, as vite-plugin-pwa injects them: hashed files have no revision (their name is their version). */
export interface PrecacheEntry {
  url: string;
  revision: string | null;
}

const SHELL_PREFIX = 'tc-shell-';
/** Stored in each version's cache: what it holds, so the next version copies unchanged files instead of downloading them. */
const MANIFEST_KEY = '/__precache-manifest';
/** When a runtime-cached answer was saved (ms since 1970), for the age limit. */
const SAVED_AT = 'x-tc-saved-at';

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

export interface Precache {
  /** The cache this version's files are in; named after the file list, so each version has its own. */
  readonly name: string;
  /** The same-origin paths precached ('/index.html', '/assets/…'). */
  readonly paths: ReadonlySet<string>;
  /** Fills this version's cache: unchanged files are copied from an older version's, the rest fetched. */
  install(): Promise<void>;
  /** Removes other versions' caches (and workbox's, from before this worker). */
  removeOthers(): Promise<void>;
  /** The precached answer for a same-origin path, if any. */
  match(path: string): Promise<Response | undefined>;
}

export function createPrecache(entries: readonly PrecacheEntry[], origin: string): Precache {
  const files = entries.map(({ url, revision }) => ({ path: new URL(url, origin).pathname, revision: revision ?? null }));
  const name = SHELL_PREFIX + fnv1a(JSON.stringify(files));
  const paths = new Set(files.map((file) => file.path));
  return {
    name,
    paths,
    async install() {
      const cache = await caches.open(name);
      const older = await olderVersions(name);
      for (const { path, revision } of files) {
        if (await cache.match(path)) continue;
        const copy = await copyFrom(older, path, revision);
        // A file with a revision is fetched past the HTTP cache, which may hold the previous version under the same name.
        const response = copy ?? (await fetch(path, { cache: revision === null ? 'default' : 'reload', credentials: 'same-origin' }));
        if (!response.ok) throw new Error(`precaching ${path} failed: ${response.status}`);
        await cache.put(path, response);
      }
      await cache.put(MANIFEST_KEY, new Response(JSON.stringify(files), { headers: { 'Content-Type': 'application/json' } }));
    },
    async removeOthers() {
      for (const key of await caches.keys()) {
        if ((key.startsWith(SHELL_PREFIX) && key !== name) || key.startsWith('workbox-precache')) await caches.delete(key);
      }
    },
    async match(path) {
      if (!paths.has(path)) return undefined;
      return (await caches.open(name)).match(path);
    },
  };
}

interface OlderVersion {
  cache: Cache;
  revisions: Map<string, string | null>;
}

async function olderVersions(current: string): Promise<OlderVersion[]> {
  const found: OlderVersion[] = [];
  for (const key of await caches.keys()) {
    if (!key.startsWith(SHELL_PREFIX) || key === current) continue;
    const cache = await caches.open(key);
    const manifest = await cache.match(MANIFEST_KEY);
    if (!manifest) continue;
    const files = (await manifest.json()) as { path: string; revision: string | null }[];
    found.push({ cache, revisions: new Map(files.map((file) => [file.path, file.revision])) });
  }
  return found;
}

async function copyFrom(older: readonly OlderVersion[], path: string, revision: string | null): Promise<Response | undefined> {
  for (const version of older) {
    if (!version.revisions.has(path) || version.revisions.get(path) !== revision) continue;
    const response = await version.cache.match(path);
    if (response) return response;
  }
  return undefined;
}

export interface Limits {
  maxEntries: number;
  /** Older answers are fetched again (and still used when offline). */
  maxAgeSeconds?: number;
}

/**
 * Cache-first for files that do not change under their name (hashed build files, description shards) or may be a
 * little old (map tiles): a saved answer if there is one young enough, else the network, whose complete 200 answers
 * are saved. Oldest entries go first once there are more than `maxEntries`; if the disk is full, this cache is emptied
 * rather than the app failing.
 */
export async function cacheFirst(cacheName: string, request: Request, limits: Limits, matchOptions: CacheQueryOptions = {}): Promise<Response> {
  const cache = await caches.open(cacheName);
  const saved = await cache.match(request, matchOptions);
  if (saved && !isTooOld(saved, limits)) return saved;
  let response: Response;
  try {
    response = await fetch(request);
  } catch (error) {
    if (saved) return saved; // offline: an old tile is better than none
    throw error;
  }
  if (response.status === 200 && response.type !== 'opaque') await save(cache, cacheName, request, response.clone(), limits);
  return response;
}

function isTooOld(response: Response, limits: Limits): boolean {
  if (limits.maxAgeSeconds === undefined) return false;
  const savedAt = Number(response.headers.get(SAVED_AT));
  return !Number.isFinite(savedAt) || Date.now() - savedAt > limits.maxAgeSeconds * 1000;
}

async function save(cache: Cache, cacheName: string, request: Request, response: Response, limits: Limits): Promise<void> {
  try {
    let stored = response;
    if (limits.maxAgeSeconds !== undefined) {
      const headers = new Headers(response.headers);
      headers.set(SAVED_AT, String(Date.now()));
      stored = new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
    }
    await cache.delete(request); // a re-saved entry moves to the end of the keys, so the oldest are always first
    await cache.put(request, stored);
    const keys = await cache.keys();
    for (const old of keys.slice(0, Math.max(0, keys.length - limits.maxEntries))) await cache.delete(old);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'QuotaExceededError') await caches.delete(cacheName);
  }
}
