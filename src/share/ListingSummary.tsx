// One activity as a short, printable block: name, next sessions, address, phone, how to join. Used by the shortlist
// and the venue page, on screen and on paper.
import type { Activity, Feed } from '../feed/schema';
import { nextOccurrences } from '../feed/schedule';
import { FeedText } from '../feed/FeedText';
import { t } from '../i18n';
import { describeOccurrence } from '../activity/when';
import { describeSession, telHref } from '../activity/facts';
import { howToJoinKey, joiningPhone, venueOf } from './listing';

interface Props {
  activity: Activity;
  feed: Feed;
  now: Date;
  /** The heading level that fits the page around it. */
  level?: 2 | 3;
  /** Leave out the address when the page is about one venue already. */
  showVenue?: boolean;
}

export function ListingSummary({ activity, feed, now, level = 2, showVenue = true }: Props) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const timeZone = feed.area.timeZone;
  const upcoming = activity.status === 'active' ? nextOccurrences(activity.schedule, now, timeZone, 3) : [];
  const venue = venueOf(activity, feed);
  const phone = joiningPhone(activity, feed);
  const tel = phone ? telHref(phone) : null;
  return (
    <article class="listing-summary" aria-labelledby={`listing-${activity.id}`}>
      <Heading id={`listing-${activity.id}`}>
        <a href={`/activity/${encodeURIComponent(activity.id)}`}>
          <FeedText value={activity.name} maxLength={200} />
        </a>
      </Heading>
      {activity.status !== 'active' ? (
        <p>
          <strong>{t(`activity.status.${activity.status}`)}</strong>
        </p>
      ) : upcoming.length > 0 ? (
        <>
          <p>{t('activity.when.next')}</p>
          <ul>
            {upcoming.map((occurrence) => (
              <li key={occurrence.start.toISOString()}>{describeOccurrence(occurrence, now, timeZone, t)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{activity.schedule.length === 0 ? t('activity.when.byArrangement') : t('activity.when.noneComing')}</p>
      )}
      {activity.schedule.length > 0 && <p class="status">{activity.schedule.map((session) => describeSession(session, t)).join('; ')}</p>}
      {showVenue && (
        <p>
          {venue ? (
            <>
              <FeedText value={venue.name} maxLength={200} />
              {(venue.address || venue.postcode) && (
                <span lang="en" dir="ltr">
                  {', '}
                  {[venue.address?.slice(0, 300), venue.postcode?.slice(0, 12)].filter(Boolean).join(', ')}
                </span>
              )}
            </>
          ) : (
            t('activity.where.online')
          )}
        </p>
      )}
      <p>
        {t(howToJoinKey(activity))}
        {tel && phone && (
          <>
            {' '}
            {t('activity.contact.phone')}{' '}
            <a href={tel} dir="ltr" lang="en">
              {phone.slice(0, 40)}
            </a>
          </>
        )}
      </p>
    </article>
  );
}
