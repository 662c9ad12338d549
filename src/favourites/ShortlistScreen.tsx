// A shortlist someone shared (/shortlist?ids=a,b,c): read-only, works on a first visit with nothing saved, saves every
// listing in one tap, says plainly which ones the feed no longer has, and prints as a clean A4 list.
import { useLocation } from 'preact-iso';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { currentFeed } from '../feed/state';
import { t } from '../i18n';
import { usePageTitle } from '../app/usePageTitle';
import { ListingSummary } from '../share/ListingSummary';
import { idsFromSearch } from '../share/links';
import { favouriteIds, favouritesStatus, loadFavourites, saveFavourite } from './state';
import '../share/share.css';

export default function ShortlistScreen() {
  usePageTitle(t('share.shortlist.title'));
  const { url } = useLocation();
  const feed = currentFeed.value;
  const ids = useMemo(() => idsFromSearch(url.includes('?') ? url.slice(url.indexOf('?')) : ''), [url]);
  const now = useMemo(() => new Date(), [feed]);
  const [isSaving, setIsSaving] = useState(false);
  const [hasSaved, setHasSaved] = useState(false);
  useEffect(() => void loadFavourites(), []);
  if (!feed) return null;
  const listed = ids.map((id) => feed.activities.find((activity) => activity.id === id)).filter((activity) => activity !== undefined);
  const missing = ids.length - listed.length;
  const saved = favouriteIds.value;
  const isAllSaved = listed.length > 0 && listed.every((activity) => saved.has(activity.id));

  const saveAll = async () => {
    setIsSaving(true);
    // One after another: each save is its own small transaction, and a failure is shown by the usual message.
    for (const activity of listed) if (!favouriteIds.value.has(activity.id)) await saveFavourite(activity, feed);
    setIsSaving(false);
    setHasSaved(listed.every((activity) => favouriteIds.value.has(activity.id)));
  };

  return (
    <section class="page shortlist" aria-labelledby="shortlist-title">
      <h1 id="shortlist-title" tabIndex={-1}>
        {t('share.shortlist.title')}
      </h1>
      <p class="no-print">{t('share.shortlist.intro')}</p>
      {missing > 0 && (
        <p class="notice" role="note">
          {t('share.shortlist.missing', { count: missing })}
        </p>
      )}
      {listed.length === 0 ? (
        <div class="empty-state">
          <p>{t('share.shortlist.empty')}</p>
          <p>
            <a href="/" class="button">
              {t('favourites.findActivities')}
            </a>
          </p>
        </div>
      ) : (
        <>
          <div class="share-bar">
            {favouritesStatus.value !== 'unavailable' && (
              <button type="button" class="button" onClick={() => void saveAll()} disabled={isSaving || isAllSaved}>
                {isAllSaved ? t('share.shortlist.allSaved') : t('share.shortlist.saveAll', { count: listed.length })}
              </button>
            )}
            <button type="button" class="button button--secondary" onClick={() => window.print()}>
              {t('share.shortlist.print')}
            </button>
          </div>
          <p class="share__outcome no-print" role="status">
            {hasSaved && (
              <>
                {t('share.shortlist.saved')} <a href="/favourites">{t('share.shortlist.seeFavourites')}</a>
              </>
            )}
          </p>
          {favouritesStatus.value === 'unavailable' && (
            <p class="notice" role="note">
              {t('favourites.unavailable.body')}
            </p>
          )}
          <ul class="plain-list">
            {listed.map((activity) => (
              <li key={activity.id}>
                <ListingSummary activity={activity} feed={feed} now={now} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
