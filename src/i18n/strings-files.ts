// Locale strings travel as plain JSON files (assets/<code>-<hash>.json), fetched when a language or a screen needs
// them, not as JavaScript chunks: JSON costs the phone no script parsing, and it keeps eight languages' text out of the
// JavaScript budget. Hashed names never change content, so the service worker keeps each file once fetched
// (src/pwa/sw.ts), and src/pwa/register.ts keeps the chosen language's files for offline use.

/** Loads one strings file; the same shape a JSON module import gives, so i18next's set-up does not care which it is. */
export type StringsLoader = () => Promise<{ default: Record<string, unknown> }>;

/** Every strings file of this build by its source path ('../../locales/referral/ur.json'), as a URL. */
const knownFiles = new Map<string, string>();

/** Each file's download, once started: asking early (before i18next is set up) and using it later is one download. */
const downloads = new Map<string, Promise<{ default: Record<string, unknown> }>>();

async function downloadStrings(url: string): Promise<{ default: Record<string, unknown> }> {
  // Development and tests run from source, where Vite serves each file as a JSON module (without the build's query).
  if (import.meta.env.DEV) return (await import(/* @vite-ignore */ url.replace(/\?.*$/, ''))) as { default: Record<string, unknown> };
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return { default: (await response.json()) as Record<string, unknown> };
}

function fetchStrings(url: string): Promise<{ default: Record<string, unknown> }> {
  let download = downloads.get(url);
  if (!download) {
    download = downloadStrings(url);
    downloads.set(url, download);
    // A failed download (offline, say) is tried again by the next use.
    download.catch(() => downloads.delete(url));
  }
  return download;
}

/** Turns `import.meta.glob(…, { query: '?url&no-inline', import: 'default', eager: true })` into loaders by path. */
export function fetchedStrings(urls: Record<string, string>): Record<string, StringsLoader> {
  const loaders: Record<string, StringsLoader> = {};
  for (const [path, url] of Object.entries(urls)) {
    knownFiles.set(path, url);
    loaders[path] = () => fetchStrings(url);
  }
  return loaders;
}

/** The URLs of every strings file for one language (its main file and each namespace's), to keep them for offline use. */
export function stringFilesFor(code: string): string[] {
  return [...knownFiles].filter(([path]) => path.endsWith(`/${code}.json`)).map(([, url]) => url);
}
