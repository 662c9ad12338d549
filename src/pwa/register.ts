// Registers the service worker with workbox-window once the first screen is up (main.tsx imports this lazily), and
// offers updates without ever reloading by itself.
import { Workbox } from 'workbox-window';
import { offerUpdate } from './update';
import { keepForOffline } from './keep-for-offline';
import { language } from '../i18n';
import { stringFilesFor } from '../i18n/strings-files';

/** How often an open app asks whether a new version has been deployed (browsers also check on every full page load). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

export async function registerServiceWorker(): Promise<void> {
  const wb = new Workbox('/sw.js', { scope: '/' });
  const hadController = navigator.serviceWorker.controller !== null;
  let isReloadAsked = false;

  // A new version has installed and waits for every tab of the old one to close, or for 'Reload'.
  wb.addEventListener('waiting', () => {
    offerUpdate(() => {
      isReloadAsked = true;
      wb.addEventListener('controlling', () => location.reload());
      wb.messageSkipWaiting();
    });
  });
  // Another tab accepted the update: this page's files may be gone from the new worker's cache, so offer a reload too.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (hadController && !isReloadAsked) offerUpdate(null);
  });

  await wb.register();
  // Once the worker runs, keep what this visit used before it (and the reader's other strings) for offline use.
  void navigator.serviceWorker.ready.then(() => keepForOffline(stringFilesFor(language.value))).catch(() => undefined);
  const check = () => {
    if (navigator.onLine) void wb.update().catch(() => undefined);
  };
  setInterval(check, UPDATE_CHECK_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
}

