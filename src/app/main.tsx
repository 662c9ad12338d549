// Entry point: set up the language, start loading the feed, and render the shell; then, in the background, the service worker.
// First: the Trusted Types policy must exist before any other module (Leaflet, the service worker) needs it.
import './trusted-types';
import { render } from 'preact';
import './styles.css';
import '../pwa/pwa.css';
import { initI18n, startingLanguage } from '../i18n';
import { dateTimeFormat } from '../i18n/format';
import { loadFeed } from '../feed/load';
import { App } from './App';
import { prepareScreenFor } from './screens';
import { listenForSavedFeedUpdates } from '../pwa/saved-feed';
import { hasPendingReferrals } from '../referral/pending-flag';

listenForSavedFeedUpdates();
const feedLoading = loadFeed();
// Opened on an activity (a shared link) or the referral form (a poster's QR code): that screen's code comes now too.
prepareScreenFor(location.pathname);
// The page's first date formatter makes the browser load its date and time-zone data (about a tenth of a second on a
// phone), and its first time range the data for ranges. Made in a task of its own once the downloads have started, in
// the language the app starts in, they load while the strings and the feed download rather than in the first drawing
// of the list (each card says '10:00–11:30'; the first range was its most expensive call).
setTimeout(() => dateTimeFormat({ hour: '2-digit', minute: '2-digit' }, startingLanguage()).formatRange(0, 3_600_000), 0);
void initI18n().then(() => {
  render(<App />, document.getElementById('app')!);
  // A referral waiting in the outbox goes now; the outbox code (and the database) load only when one is waiting.
  if (hasPendingReferrals()) {
    void import('../referral/outbox').then(({ startOutbox }) => startOutbox()).catch(() => undefined);
  }
  // workbox-window and the worker's downloads wait until the first screen and its feed are in.
  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    // Two animation frames: the list has been painted before workbox-window (or anything of the worker) is fetched.
    void feedLoading
      .then(() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))))
      .then(() => import('../pwa/register'))
      .then(({ registerServiceWorker }) => registerServiceWorker())
      .catch(() => undefined); // no worker means no offline use, never a broken app
  }
});
