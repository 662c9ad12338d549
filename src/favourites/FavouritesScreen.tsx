// The Favourites screen at /favourites (loaded lazily): each saved activity with its next session, from the live
// feed while it is listed, else from what was saved, with a note that it is no longer listed.
import { useEffect, useMemo } from 'preact/hooks';
import { currentFeed } from '../feed/state';
import { pickText } from '../feed/text';
import { language, t } from '../i18n';
import { dateTimeFormat } from '../i18n/format';
import { usePageTitle } from '../app/usePageTitle';
import { describeOccurrence } from '../activity/when';
import { describeSession } from '../activity/facts';
import { favourites, favouritesStatus, loadFavourites, removeFavourite } from './state';
import { favouriteEntries, type FavouriteEntry } from './saved';
import { FavouriteFailureMessage } from './FavouriteFailureMessage';
import { HeartIcon } from './HeartIcon';
import { SavedText } from './SavedText';
import { ShareButton } from '../share/ShareButton';
import { shortlistUrl } from '../share/links';
import './favourites.css';

export default function FavouritesScreen() {
  usePageTitle(t('favourites.title'));
  useEffect(() => void loadFavourites({ evenIfNoneSaved: true }), []); // says so if this device cannot keep any
  const feed = currentFeed.value;
  const status = favouritesStatus.value;
  const records = favourites.value;
  const now = useMemo(() => new Date(), [records, feed]);
  const entries = useMemo(() => favouriteEntries(records, feed, now), [records, feed, now]);

  return (
    <section class="page favourites" aria-labelledby="favourites-title">
      <h1 id="favourites-title" tabIndex={-1}>
        {t('favourites.title')}
      </h1>
      <p class="favourites__intro">{t('favourites.intro')}</p>
      {status === 'loading' && (
        <p class="status" role="status">
          {t('favourites.loading')}
        </p>
      )}
      {status === 'unavailable' && (
        <div class="problem favourites__problem" role="note" aria-labelledby="favourites-unavailable">
          <h2 id="favourites-unavailable">{t('favourites.unavailable.title')}</h2>
          <p>{t('favourites.unavailable.body')}</p>
          <p>
            <a href="/">{t('favourites.findActivities')}</a>
          </p>
        </div>
      )}
      {status === 'full' && (
        <p class="notice" role="note">
          {t('favourites.full')}
        </p>
      )}
      {status === 'ready' && entries.length === 0 && (
        <div class="empty-state favourites__empty">
          <h2>{t('favourites.empty.title')}</h2>
          <p>{t('favourites.empty.body')}</p>
          <p>
            <a href="/" class="button">
              {t('favourites.findActivities')}
            </a>
          </p>
        </div>
      )}
      {entries.length > 0 && (
        <>
          <p class="result-count">{t('favourites.count', { count: entries.length })}</p>
          <ShareList ids={entries.filter((entry) => entry.listing !== 'gone').map((entry) => entry.activityId)} />
          <ul class="card-list">
            {entries.map((entry) => (
              <li key={entry.activityId}>
                <FavouriteItem entry={entry} now={now} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** One link for the whole list (the ids in the address), opened by the recipient as a read-only shortlist. */
function ShareList({ ids }: { ids: string[] }) {
  if (ids.length === 0) return null;
  const url = shortlistUrl(location.origin, ids);
  return (
    <div class="share-bar">
      <ShareButton url={url} title={t('share.shortlist.title')} text={t('share.shortlist.shareText')} label={t('share.shortlist.share')} />
      <a class="button button--secondary" href={url.slice(location.origin.length)}>
        {t('share.shortlist.open')}
      </a>
    </div>
  );
}

function whenText(entry: FavouriteEntry, now: Date): string {
  const { activity, next } = entry;
  if (activity.status === 'cancelled') return t('browse.cancelled');
  if (activity.status === 'paused') return t('browse.paused');
  if (next) return t('browse.nextSession', { when: describeOccurrence(next, now, entry.timeZone, t) });
  if (activity.schedule.length === 0) return t('browse.byArrangement');
  return t('browse.noUpcoming');
}

function savedOn(entry: FavouriteEntry): string {
  const date = new Date(entry.savedAt);
  if (Number.isNaN(date.getTime())) return '';
  return t('favourites.savedOn', { date: dateTimeFormat({ day: 'numeric', month: 'long', year: 'numeric', timeZone: entry.timeZone }).format(date) });
}

function FavouriteItem({ entry, now }: { entry: FavouriteEntry; now: Date }) {
  const { activity, defaultLanguage } = entry;
  const isGone = entry.listing === 'gone';
  const name = pickText(activity.name, language.value, defaultLanguage).text.slice(0, 200);
  const category = entry.categoryNames[0];
  const titleId = `favourite-${activity.id}`;
  const onRemove = () => {
    // The button goes with the item, so focus returns to the screen's heading rather than being lost.
    document.getElementById('favourites-title')?.focus();
    void removeFavourite(activity.id);
  };
  return (
    <article class={`card fav-item ${isGone ? 'fav-item--gone' : ''}`} aria-labelledby={titleId}>
      {category && (
        <p class="card__category">
          <SavedText value={category} defaultLanguage={defaultLanguage} maxLength={80} />
        </p>
      )}
      <h2 class="card__title" id={titleId}>
        {isGone ? (
          <SavedText value={activity.name} defaultLanguage={defaultLanguage} />
        ) : (
          <a href={`/activity/${activity.id}`}>
            <SavedText value={activity.name} defaultLanguage={defaultLanguage} />
          </a>
        )}
      </h2>
      {isGone && (
        <p class="fav-item__gone" role="note">
          {t('favourites.gone')}
        </p>
      )}
      <p class="card__when">{whenText(entry, now)}</p>
      <p class="card__where">
        {entry.venueName ? <SavedText value={entry.venueName} defaultLanguage={defaultLanguage} maxLength={120} /> : activity.online ? t('activity.badges.online') : null}
      </p>
      {isGone && (
        <div class="fav-item__saved-details">
          <p class="fav-item__as-saved">{t('favourites.asSaved')}</p>
          <p class="card__summary">
            <SavedText value={activity.summary} defaultLanguage={defaultLanguage} maxLength={300} />
          </p>
          {activity.schedule.length > 0 && (
            <>
              <h3 class="subheading">{t('favourites.usually')}</h3>
              <ul class="sessions">
                {activity.schedule.map((session, index) => (
                  <li key={index}>{describeSession(session, t)}</li>
                ))}
              </ul>
            </>
          )}
          {entry.organisationName && (
            <p>
              {t('favourites.runBy')} <SavedText value={entry.organisationName} defaultLanguage={defaultLanguage} />
            </p>
          )}
        </div>
      )}
      <div class="fav-item__footer">
        <p class="fav-item__saved-on">
          <HeartIcon isFilled />
          {savedOn(entry)}
        </p>
        <button type="button" class="button button--secondary fav-item__remove" aria-label={t('favourites.removeLabel', { name })} onClick={onRemove}>
          {t('favourites.remove')}
        </button>
      </div>
      <FavouriteFailureMessage activityId={activity.id} />
    </article>
  );
}
