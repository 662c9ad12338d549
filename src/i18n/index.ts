// i18next set up to load only the chosen language's file, on demand; `language` is the signal the UI follows.
import i18next from 'i18next';
import { signal } from '@preact/signals';
import { directionOf, languages, preferredLanguage, sourceLanguage, type LanguageInfo } from './languages';
import { fetchedStrings } from './strings-files';

const STORAGE_KEY = 'tc.language';

// One JSON file per locale (strings-files.ts), fetched so a phone downloads only the language it shows.
const localeLoaders = fetchedStrings(import.meta.glob<string>('../../locales/*.json', { query: '?url&no-inline', import: 'default', eager: true }));

function loaderFor(code: string) {
  return localeLoaders[`../../locales/${code}.json`];
}

// Strings used only by some screens (the referral journey: a third of the text; sharing, posters and venue pages) come
// with those screens, not with the first screen. Each namespace is merged under its own prefix: t('referral.…'), t('share.…').
const namespaceLoaders = fetchedStrings(import.meta.glob<string>('../../locales/{referral,share}/*.json', { query: '?url&no-inline', import: 'default', eager: true }));
export type Namespace = 'referral' | 'share';
const loadedNamespaces = new Set<string>();
const wantedNamespaces = new Set<Namespace>();

async function addNamespaceStrings(namespace: Namespace, code: string): Promise<void> {
  const key = `${namespace}/${code}`;
  if (loadedNamespaces.has(key)) return;
  const load = namespaceLoaders[`../../locales/${key}.json`];
  if (!load) return;
  const module = await load();
  i18next.addResourceBundle(code, 'translation', { [namespace]: module.default }, true, true);
  loadedNamespaces.add(key);
}

/** Loads a namespace's strings for the current language (and, from then on, for any language switched to); `code` loads another language's too (posters). */
export async function loadStrings(namespace: Namespace, code = language.value): Promise<void> {
  wantedNamespaces.add(namespace);
  await addNamespaceStrings(namespace, code);
}

export const language = signal(sourceLanguage);

/** The languages that have a locale file in this build, in the picker's order. */
export const availableLanguages: readonly LanguageInfo[] = languages.filter((l) => loaderFor(l.code) !== undefined);

/** Development only: `?pseudo` shows every translated string accented and bracketed, so text that bypasses i18next stands out. */
const isPseudo = import.meta.env.DEV && typeof location !== 'undefined' && new URLSearchParams(location.search).has('pseudo');

const PSEUDO_LETTERS: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú', c: 'ç', n: 'ñ', s: 'š', y: 'ý' };

function pseudoLocalise(value: string): string {
  // Leave {{placeholders}} alone; lengthen by about a third, as many languages run longer than English.
  const accented = value.replace(/{{[^}]*}}|./gs, (part) => (part.length > 1 ? part : (PSEUDO_LETTERS[part] ?? part)));
  return `[!! ${accented}${'·'.repeat(Math.ceil(value.length / 3))} !!]`;
}

function rememberedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function applyToDocument(code: string): void {
  document.documentElement.lang = code;
  document.documentElement.dir = directionOf(code);
}

/** The language the app starts in: the one chosen before on this device, else the best match for the browser's. */
export function startingLanguage(): string {
  const remembered = rememberedLanguage();
  if (remembered && loaderFor(remembered)) return remembered;
  return preferredLanguage(navigator.languages ?? [navigator.language], availableLanguages.map((l) => l.code));
}

/**
 * Starts downloading a screen's strings in the starting language before i18next is set up, so that they arrive beside
 * the screen's code (src/app/screens.ts); `loadStrings` later uses that download.
 */
export function prefetchStrings(namespace: Namespace, code = startingLanguage()): void {
  void namespaceLoaders[`../../locales/${namespace}/${code}.json`]?.().catch(() => undefined);
}

export async function initI18n(): Promise<void> {
  const initial = startingLanguage();
  // i18next asks its backend for the file a task later; the download starts now, with the feed's.
  void loaderFor(initial)?.().catch(() => undefined);
  if (isPseudo) {
    i18next.use({ type: 'postProcessor', name: 'pseudo', process: (value: string) => pseudoLocalise(value) });
  }
  await i18next
    .use({
      type: 'backend',
      init() {},
      read(lng: string, _ns: string, callback: (error: unknown, data?: Record<string, unknown>) => void) {
        const load = loaderFor(lng);
        if (!load) {
          callback(new Error(`No locale file for ${lng}`));
          return;
        }
        load().then((module) => callback(null, module.default), (error: unknown) => callback(error));
      },
    })
    .init({
      lng: initial,
      // Every locale has every key (a test checks), so no second language file is ever fetched as a fallback.
      fallbackLng: false,
      supportedLngs: Object.keys(localeLoaders).map((path) => path.replace(/^.*\/(.+)\.json$/, '$1')),
      load: 'currentOnly',
      interpolation: { escapeValue: false }, // Preact escapes text itself.
      returnNull: false,
      ...(isPseudo ? { postProcess: ['pseudo'] } : {}),
    });
  // The store exists once i18next is set up; strings added later (a screen's namespace) may answer a remembered key.
  translated.clear();
  i18next.store.on('added', () => translated.clear());
  applyToDocument(initial);
  language.value = initial;
}

/** Switches the interface language; rejects (keeping the current one) when its file cannot be loaded, e.g. offline before it was ever used. */
export async function changeLanguage(code: string): Promise<void> {
  const previous = language.value;
  for (const namespace of wantedNamespaces) await addNamespaceStrings(namespace, code).catch(() => undefined);
  await i18next.changeLanguage(code);
  if (!i18next.hasResourceBundle(code, 'translation')) {
    await i18next.changeLanguage(previous);
    throw new Error(`The ${code} language file could not be loaded`);
  }
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this visit only.
  }
  applyToDocument(code);
  language.value = code;
}

/** Translations already worked out (see `t` below) in this language; cleared when the language or the loaded strings change. */
const translated = new Map<string, string>();
const TRANSLATED_MAX = 4000;
i18next.on('languageChanged', () => translated.clear());

/**
 * i18next's `t`, remembering each answer: a list of 30 cards asks for the same few strings (badges, 'Next: …') again
 * and again, and each i18next lookup (resolving, interpolating, nesting) costs a cheap phone about a millisecond. Calls
 * whose options are not all plain values (objects, arrays) are not remembered.
 */
function rememberingT(key: string | string[], options?: Record<string, unknown>): string {
  let id = typeof key === 'string' ? key : null;
  if (id !== null && options) {
    for (const name in options) {
      const value = options[name];
      if (value !== null && typeof value === 'object') {
        id = null;
        break;
      }
      id += `\u0000${name}\u0001${String(value)}`;
    }
  }
  if (id === null) return i18next.t(key, options) as string;
  let answer = translated.get(id);
  if (answer === undefined) {
    if (translated.size >= TRANSLATED_MAX) translated.clear();
    answer = plainTranslation(key as string, options) ?? (i18next.t(key, options) as string);
    translated.set(id, answer);
  }
  return answer;
}

/** Options that ask i18next for more than a lookup and plain {{name}} values (plurals, contexts, another language…). */
const I18NEXT_OPTIONS = /^(count|context|lng|lngs|ns|defaultValue|returnObjects|postProcess|replace|interpolation|ordinal|keyPrefix)$/;

/**
 * The answer i18next would give for the common case, without its general machinery: a string found in the current
 * language whose only placeholders are {{name}} values given in `options`. Anything else (plurals, {{count, number}},
 * nesting, a missing key) is left to i18next: undefined. A test checks both agree for every string of every language.
 */
function plainTranslation(key: string, options?: Record<string, unknown>): string | undefined {
  if (isPseudo) return undefined;
  if (options) for (const name in options) if (I18NEXT_OPTIONS.test(name)) return undefined;
  const found: unknown = i18next.getResource(i18next.resolvedLanguage ?? i18next.language, 'translation', key);
  if (typeof found !== 'string' || found.includes('$t(')) return undefined;
  if (!found.includes('{{')) return found;
  if (!options) return undefined;
  const filled = found.replace(/{{(\w+)}}/g, (placeholder, name: string) => (options[name] === undefined ? placeholder : String(options[name])));
  return filled.includes('{{') ? undefined : filled;
}

export const t = rememberingT as unknown as typeof i18next.t;
