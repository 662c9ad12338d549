// The shell's notices about the app itself: a new version is ready, you are offline (and how old the saved listings
// are), and on iPhone how to install. Polite live regions that stay in the page, so changes are announced.
import { t } from '../i18n';
import { dateTimeFormat } from '../i18n/format';
import type { Feed } from '../feed/schema';
import { currentFeed } from '../feed/state';
import { isOnline } from './network';
import { acceptUpdate, updateOffer } from './update';
import { dismissIosInstallHint, showIosInstallHint } from './install';

/** When the listings were produced (the feed's `generated`), as a date in the area's time zone. */
export function listingsDate(feed: Feed): string {
  return dateTimeFormat({ day: 'numeric', month: 'long', year: 'numeric', timeZone: feed.area.timeZone }).format(new Date(feed.generated));
}

export function PwaNotices() {
  const offer = updateOffer.value;
  const feed = currentFeed.value;
  return (
    <>
      <div role="status" class="pwa-status">
        {offer === 'ready' && (
          <p class="notice notice--update">
            <span>{t('pwa.update.ready')}</span>{' '}
            <button type="button" class="button button--small" onClick={acceptUpdate}>
              {t('pwa.update.reload')}
            </button>
          </p>
        )}
        {offer === 'unavailable-offline' && <p class="notice notice--update">{t('pwa.update.unavailableOffline')}</p>}
      </div>
      <div role="status" class="pwa-status">
        {!isOnline.value && <p class="notice notice--offline">{feed ? t('pwa.offline.savedFrom', { date: listingsDate(feed) }) : t('pwa.offline.plain')}</p>}
      </div>
      {showIosInstallHint.value && (
        <p class="notice notice--install">
          <span>{t('pwa.install.iosHint')}</span>{' '}
          <button type="button" class="button button--link button--small" onClick={dismissIosInstallHint}>
            {t('pwa.install.dismiss')}
          </button>
        </p>
      )}
    </>
  );
}
