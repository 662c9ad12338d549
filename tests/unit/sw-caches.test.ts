// The service worker's own caching (src/pwa/sw-caches.ts), against an in-memory Cache Storage: the precache of one
// version copies unchanged files from the last one and fetches the rest; cache-first keeps complete answers only,
// within its limits on entries and age, and empties itself rather than fail when the disk is full.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cacheFirst, createPrecache } from '../../src/pwa/sw-caches';

const ORIGIN = 'https://app.example';

/** Just enough of Cache and CacheStorage: keys in insertion order, matching by URL (optionally without the query). */
class MemoryCache {
  entries = new Map<string, Response>();
  failWith: Error | null = null;
  async match(request: RequestInfo, options: CacheQueryOptions = {}): Promise<Response | undefined> {
    const url = new URL(typeof request === 'string' ? request : request.url, ORIGIN);
    for (const [key, response] of this.entries) {
      const stored = new URL(key);
      if (stored.href === url.href || (options.ignoreSearch && stored.origin + stored.pathname === url.origin + url.pathname)) return response.clone();
    }
    return undefined;
  }
  async put(request: RequestInfo, response: Response): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.entries.set(new URL(typeof request === 'string' ? request : request.url, ORIGIN).href, response);
  }
  async delete(request: RequestInfo): Promise<boolean> {
    return this.entries.delete(new URL(typeof request === 'string' ? request : request.url, ORIGIN).href);
  }
  async keys(): Promise<Request[]> {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
}

class MemoryCaches {
  stores = new Map<string, MemoryCache>();
  async open(name: string): Promise<MemoryCache> {
    let cache = this.stores.get(name);
    if (!cache) this.stores.set(name, (cache = new MemoryCache()));
    return cache;
  }
  async keys(): Promise<string[]> {
    return [...this.stores.keys()];
  }
  async delete(name: string): Promise<boolean> {
    return this.stores.delete(name);
  }
}

let storage: MemoryCaches;
let fetched: string[];
let answer: (url: string) => Response | Promise<Response>;

beforeEach(() => {
  storage = new MemoryCaches();
  fetched = [];
  answer = (url) => new Response(`body of ${url}`, { status: 200 });
  vi.stubGlobal('caches', storage);
  vi.stubGlobal('fetch', async (input: RequestInfo) => {
    const url = new URL(typeof input === 'string' ? input : input.url, ORIGIN).href;
    fetched.push(url.replace(ORIGIN, ''));
    return answer(url);
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the precache', () => {
  const v1 = [
    { url: 'index.html', revision: 'a1' },
    { url: 'assets/index-111.js', revision: null },
    { url: 'manifest.webmanifest', revision: 'm1' },
  ];

  it('downloads every file of a first version and answers for its paths only', async () => {
    const precache = createPrecache(v1, ORIGIN);
    await precache.install();
    expect(fetched.sort()).toEqual(['/assets/index-111.js', '/index.html', '/manifest.webmanifest']);
    await expect((await precache.match('/index.html'))?.text()).resolves.toBe(`body of ${ORIGIN}/index.html`);
    expect(await precache.match('/elsewhere.js')).toBeUndefined();
    expect([...precache.paths].sort()).toEqual(['/assets/index-111.js', '/index.html', '/manifest.webmanifest']);
  });

  it('copies unchanged files from the last version, fetches changed and new ones, and removes the old version on take-over', async () => {
    await createPrecache(v1, ORIGIN).install();
    await storage.open('workbox-precache-v2-https://app.example/'); // left by the workbox-based worker before this one
    fetched = [];
    const v2 = [
      { url: 'index.html', revision: 'a2' },
      { url: 'assets/index-111.js', revision: null },
      { url: 'assets/index-222.js', revision: null },
      { url: 'manifest.webmanifest', revision: 'm1' },
    ];
    const next = createPrecache(v2, ORIGIN);
    await next.install();
    expect(fetched.sort()).toEqual(['/assets/index-222.js', '/index.html']);
    expect((await storage.keys()).length).toBe(3); // both versions stay until the new one takes over
    await next.removeOthers();
    expect(await storage.keys()).toEqual([next.name]);
  });

  it('fails the install when a file cannot be fetched, so a broken version never takes over', async () => {
    answer = (url) => (url.endsWith('.webmanifest') ? new Response('gone', { status: 404 }) : new Response('ok'));
    await expect(createPrecache(v1, ORIGIN).install()).rejects.toThrow('/manifest.webmanifest');
  });
});

describe('cache-first', () => {
  const request = (path: string) => new Request(ORIGIN + path);

  it('saves a complete answer and serves it next time without the network', async () => {
    await cacheFirst('t', request('/tiles/1.png'), { maxEntries: 10 });
    const again = await cacheFirst('t', request('/tiles/1.png'), { maxEntries: 10 });
    expect(fetched).toEqual(['/tiles/1.png']);
    await expect(again.text()).resolves.toBe(`body of ${ORIGIN}/tiles/1.png`);
  });

  it('never saves an error answer', async () => {
    answer = () => new Response('not found', { status: 404 });
    await cacheFirst('t', request('/tiles/2.png'), { maxEntries: 10 });
    expect((await storage.open('t')).entries.size).toBe(0);
  });

  it('keeps at most maxEntries, dropping the oldest first', async () => {
    for (const n of [1, 2, 3, 4]) await cacheFirst('t', request(`/tiles/${n}.png`), { maxEntries: 3 });
    const kept = (await (await storage.open('t')).keys()).map((key) => new URL(key.url).pathname);
    expect(kept).toEqual(['/tiles/2.png', '/tiles/3.png', '/tiles/4.png']);
  });

  it('fetches again an answer older than maxAgeSeconds, and still uses it when offline', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-01T00:00:00Z'), toFake: ['Date'] });
    await cacheFirst('t', request('/tiles/5.png'), { maxEntries: 10, maxAgeSeconds: 60 });
    vi.setSystemTime(new Date('2026-11-01T00:00:30Z'));
    await cacheFirst('t', request('/tiles/5.png'), { maxEntries: 10, maxAgeSeconds: 60 });
    expect(fetched).toHaveLength(1);
    vi.setSystemTime(new Date('2026-11-01T00:02:00Z'));
    answer = () => Promise.reject(new TypeError('offline'));
    const stale = await cacheFirst('t', request('/tiles/5.png'), { maxEntries: 10, maxAgeSeconds: 60 });
    expect(fetched).toHaveLength(2);
    await expect(stale.text()).resolves.toBe(`body of ${ORIGIN}/tiles/5.png`);
    await expect(cacheFirst('t', request('/tiles/6.png'), { maxEntries: 10 })).rejects.toThrow('offline');
  });

  it('empties its cache when the disk is full, and still answers', async () => {
    await cacheFirst('t', request('/tiles/7.png'), { maxEntries: 10 });
    (await storage.open('t')).failWith = new DOMException('full', 'QuotaExceededError');
    const response = await cacheFirst('t', request('/tiles/8.png'), { maxEntries: 10 });
    expect(response.status).toBe(200);
    expect(await storage.keys()).toEqual([]);
  });
});
