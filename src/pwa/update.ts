// 'A new version is ready': offered when a new service worker is waiting, or when a part of the app failed to load
// (after a deploy, an old page may ask for files that are gone). Nothing reloads until the person presses 'Reload':
// they may be half-way through a form.
import { signal } from '@preact/signals';

export type UpdateOffer = 'none' | 'ready' | 'unavailable-offline';

export const updateOffer = signal<UpdateOffer>('none');

let activateWaitingWorker: (() => void) | null = null;

/** Called by register.ts when a new service worker is installed and waiting; `activate` hands over and reloads. */
export function offerUpdate(activate: (() => void) | null): void {
  activateWaitingWorker = activate;
  updateOffer.value = 'ready';
}

/** The 'Reload' button. */
export function acceptUpdate(): void {
  if (activateWaitingWorker) activateWaitingWorker();
  else location.reload();
}

if (typeof window !== 'undefined') {
  // Vite's signal that a lazily loaded chunk (the map, a language) could not be fetched.
  window.addEventListener('vite:preloadError', () => {
    if (updateOffer.value === 'ready') return;
    updateOffer.value = navigator.onLine ? 'ready' : 'unavailable-offline';
  });
  window.addEventListener('online', () => {
    if (updateOffer.value === 'unavailable-offline') updateOffer.value = 'ready';
  });
}
