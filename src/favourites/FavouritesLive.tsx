// Shared by every screen: the polite announcement after a save or removal, and what to do when another tab
// holds or has upgraded the database. It is rendered once, in the shell, so announcements survive re-renders.
import { t } from '../i18n';
import { databaseNotice, favouriteAnnouncement } from './state';

export function FavouritesLive() {
  const announcement = favouriteAnnouncement.value;
  const notice = databaseNotice.value;
  return (
    <>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement && <span key={announcement.id}>{t(`favourites.announce.${announcement.kind}`)}</span>}
      </div>
      {notice === 'reload' && (
        <p class="notice" role="alert">
          {t('favourites.notice.reload')}{' '}
          <button type="button" class="button button--link" onClick={() => location.reload()}>
            {t('favourites.notice.reloadButton')}
          </button>
        </p>
      )}
      {notice === 'blocked' && (
        <p class="notice" role="alert">
          {t('favourites.notice.blocked')}
        </p>
      )}
    </>
  );
}
