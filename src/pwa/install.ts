// Installing the app: Chromium's `beforeinstallprompt` is kept so the header can offer 'Install'; iOS Safari has no such
// event, so it gets a short 'Add to Home Screen' hint instead. Imported by the entry: the event may fire early.
import { signal } from '@preact/signals';

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

const IOS_HINT_KEY = 'tc.iosInstallHintDismissed';

let deferredPrompt: BeforeInstallPromptEvent | null = null;

/** True while the browser has offered to install the app and it is not installed. */
export const canInstall = signal(false);

/** True on iPhone and iPad Safari outside an installed app, until the person dismisses the hint. */
export const showIosInstallHint = signal(false);

export async function promptInstall(): Promise<void> {
  const event = deferredPrompt;
  if (!event) return;
  // A prompt can be shown once; the browser fires the event again if it may offer again.
  deferredPrompt = null;
  canInstall.value = false;
  await event.prompt();
}

export function dismissIosInstallHint(): void {
  showIosInstallHint.value = false;
  try {
    localStorage.setItem(IOS_HINT_KEY, '1');
  } catch {
    // Private browsing may refuse storage: the hint is then dismissed for this visit only.
  }
}

/** Safari on iPhone or iPad (iPadOS says it is a Mac with touch); not Chrome, Firefox or Edge for iOS. */
export function isIosSafari(userAgent: string, maxTouchPoints: number): boolean {
  const isIos = /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
  return isIos && /Safari\//.test(userAgent) && !/CriOS|FxiOS|EdgiOS|OPiOS/.test(userAgent);
}

function isStandalone(): boolean {
  return (navigator as { standalone?: boolean }).standalone === true || window.matchMedia?.('(display-mode: standalone)').matches === true;
}

function wasHintDismissed(): boolean {
  try {
    return localStorage.getItem(IOS_HINT_KEY) === '1';
  } catch {
    return false;
  }
}

if (typeof window !== 'undefined') {
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault(); // no mini-infobar: the header's button is the offer
    deferredPrompt = event as BeforeInstallPromptEvent;
    canInstall.value = true;
  });
  window.addEventListener('appinstalled', () => {
    deferredPrompt = null;
    canInstall.value = false;
  });
  showIosInstallHint.value = isIosSafari(navigator.userAgent, navigator.maxTouchPoints ?? 0) && !isStandalone() && !wasHintDismissed();
}
