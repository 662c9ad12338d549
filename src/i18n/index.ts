// i18next set up to load only the chosen language's file, on demand; `language` is the signal the UI follows.
import i18next from 'i18next';
import { signal } from '@preact/signals';
import { directionOf, preferredLanguage, sourceLanguage } from './languages';

const STORAGE_KEY = 'tc.language';

// One chunk per locale; Vite splits them so a phone downloads only the language it shows.
const localeLoaders = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*.json');

function loaderFor(code: string) {
  return localeLoaders[`../../locales/${code}.json`];
}

export const language = signal(sourceLanguage);

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

export async function initI18n(): Promise<void> {
  const remembered = rememberedLanguage();
  const initial = remembered && loaderFor(remembered) ? remembered : preferredLanguage(navigator.languages ?? [navigator.language]);
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
    });
  applyToDocument(initial);
  language.value = initial;
}

export async function changeLanguage(code: string): Promise<void> {
  await i18next.changeLanguage(code);
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this visit only.
  }
  applyToDocument(code);
  language.value = code;
}

export const t = i18next.t.bind(i18next);
