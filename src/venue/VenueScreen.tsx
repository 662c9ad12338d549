// A venue's own page at /venue/<id>: where it is, how to get there, what access it has, and everything held there.
import { useMemo } from 'preact/hooks';
import type { Feed, Venue } from '../feed/schema';
import { currentFeed } from '../feed/state';
import { FeedText } from '../feed/FeedText';
import { pickText } from '../feed/text';
import { language, t } from '../i18n';
import { usePageTitle } from '../app/usePageTitle';
import { BackLink } from '../app/BackLink';
import { AccessibilityList, DirectionsLink, VenueAddressLines, accessibilityOf } from '../activity/VenueParts';
import { LazyMapView } from '../map/LazyMapView';
import { ListingSummary } from '../share/ListingSummary';
import { ShareButton } from '../share/ShareButton';
import { activitiesAtVenue } from '../share/listing';
import { venueUrl } from '../share/links';
import '../share/share.css';

interface Props {
  params?: { id?: string };
}

export default function VenueScreen({ params }: Props) {
  const feed = currentFeed.value;
  const id = params?.id ?? '';
  const venue = feed?.venues.get(id);
  if (!feed) return null;
  if (!venue) return <VenueNotFound />;
  return <VenueDetails feed={feed} venue={venue} />;
}

function VenueNotFound() {
  usePageTitle(t('share.venue.notFound.title'));
  return (
    <section class="page">
      <h1 tabIndex={-1}>{t('share.venue.notFound.title')}</h1>
      <p>{t('share.venue.notFound.body')}</p>
      <p>
        <a href="/">{t('notFound.home')}</a>
      </p>
    </section>
  );
}

function VenueDetails({ feed, venue }: { feed: Feed; venue: Venue }) {
  const name = pickText(venue.name, language.value, feed.defaultLanguage).text.slice(0, 200);
  usePageTitle(name);
  const now = useMemo(() => new Date(), [venue]);
  const activities = useMemo(() => activitiesAtVenue(feed, venue.id), [feed, venue]);
  const accessibility = accessibilityOf(venue);
  return (
    <article class="page venue-page">
      <BackLink />
      <h1 tabIndex={-1}>
        <FeedText value={venue.name} maxLength={200} />
      </h1>
      <div class="share-bar">
        <ShareButton url={venueUrl(location.origin, venue.id)} title={name} text={t('share.venue.shareText', { name })} label={t('share.share')} />
        <a class="button button--secondary" href={`/poster/venue/${encodeURIComponent(venue.id)}`}>
          {t('share.poster.venueLink')}
        </a>
      </div>
      <div class="activity__grid">
        <section aria-labelledby="venue-address" class="activity__section">
          <h2 id="venue-address">{t('share.venue.address')}</h2>
          <address class="venue">
            <VenueAddressLines venue={venue} />
          </address>
          <DirectionsLink venue={venue} />
          <div class="activity__map">
            <LazyMapView
              markers={[{ id: venue.id, lat: venue.lat, lng: venue.lng, title: name, href: `/venue/${venue.id}` }]}
              centre={{ lat: venue.lat, lng: venue.lng }}
              zoom={15}
              label={t('share.venue.mapLabel', { name })}
              interactive={false}
            />
          </div>
        </section>
        <section aria-labelledby="venue-access" class="activity__section">
          <h2 id="venue-access">{t('share.venue.access')}</h2>
          {accessibility.length > 0 ? (
            <AccessibilityList words={accessibility} />
          ) : (
            <p>{t('share.venue.noAccess')}</p>
          )}
        </section>
      </div>
      <section aria-labelledby="venue-activities">
        <h2 id="venue-activities">{t('share.venue.activities')}</h2>
        {activities.length === 0 ? (
          <p>{t('share.venue.none')}</p>
        ) : (
          <>
            <p class="result-count">{t('browse.count', { count: activities.length })}</p>
            <ul class="plain-list">
              {activities.map((activity) => (
                <li key={activity.id}>
                  <ListingSummary activity={activity} feed={feed} now={now} level={3} showVenue={false} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </article>
  );
}
