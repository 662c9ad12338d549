// Whether the browser thinks it is online, as a signal: offline notices and 'needs internet' notes follow it.
import { signal } from '@preact/signals';

export const isOnline = signal(typeof navigator === 'undefined' ? true : navigator.onLine);

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => (isOnline.value = true));
  window.addEventListener('offline', () => (isOnline.value = false));
}
