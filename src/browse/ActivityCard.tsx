// One activity in the list: name (linking to its page), summary, when it next meets, where and how far, and the key facts.
import type { Feed } from '../feed/schema';
import { FeedText } from '../feed/FeedText';
import { t } from '../i18n';
import { describeOccurrence } from '../activity/when';
import { Badges } from '../activity/Badges';
import { formatMiles } from './format';
import { FavouriteToggle } from '../favourites/FavouriteToggle';
import type { Result } from './filter';

interface Props {
  result: Result;
  feed: Feed;
  now: Date;
  today: string;
}

export function ActivityCard({ result, feed, now, today }: Props) {
  const { activity, next, distanceKm } = result;
  const venue = activity.venue ? feed.venues.get(activity.venue) : undefined;
  const category = feed.categories.get(activity.categories[0] ?? '');
  let when: string;
  if (activity.status === 'cancelled') when = t('browse.cancelled');
  else if (activity.status === 'paused') when = t('browse.paused');
  else if (next) when = t('browse.nextSession', { when: describeOccurrence(next, now, feed.area.timeZone, t) });
  else if (activity.schedule.length === 0) when = t('browse.byArrangement');
  else when = t('browse.noUpcoming');
  return (
    <article class={`card card--${activity.status}`}>
      {category && (
        <p class="card__category">
          <FeedText value={category.name} maxLength={80} />
        </p>
      )}
      <h2 class="card__title">
        <a href={`/activity/${activity.id}`}>
          <FeedText value={activity.name} maxLength={200} />
        </a>
      </h2>
      <p class="card__when">{when}</p>
      <FeedText as="p" class="card__summary" value={activity.summary} maxLength={300} />
      <p class="card__where">
        {venue ? <FeedText value={venue.name} maxLength={120} /> : activity.online ? t('activity.badges.online') : null}
        {distanceKm !== null && <span class="card__distance">{t('browse.distance', { distance: formatMiles(distanceKm) })}</span>}
      </p>
      <Badges activity={activity} venue={venue} today={today} />
      <FavouriteToggle activity={activity} feed={feed} />
    </article>
  );
}
