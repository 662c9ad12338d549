// The footer: how old the listings are (the feed's own date), and which version of the app this is.
import { t } from '../i18n';
import { currentFeed } from '../feed/state';
import { listingsDate } from '../pwa/PwaNotices';
import { settings } from './settings';

export function SiteFooter() {
  const feed = currentFeed.value;
  return (
    <footer class="site-footer">
      {feed && <p>{t('pwa.footer.listingsUpdated', { date: listingsDate(feed) })}</p>}
      <p>{t('pwa.footer.version', { version: settings.appVersion })}</p>
      <p>
        <a href="/my-referrals">{t('nav.myReferrals')}</a>
      </p>
    </footer>
  );
}
