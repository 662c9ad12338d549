// One activity in the list: name (linking to its page), summary, when it next meets, where and how far, and the key facts.
import { Component } from 'preact';
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

/**
 * The card as the list draws it: again only when its row, the feed, the day or the language changes. The first list
 * is drawn a few cards per task (BrowseScreen), and each task then draws only its new cards; the card still follows
 * the signals it reads itself (its favourite toggle).
 */
export class ListCard extends Component<Props & { language: string }> {
  override shouldComponentUpdate(next: Props & { language: string }): boolean {
    const now = this.props;
    return next.result !== now.result || next.feed !== now.feed || next.now !== now.now || next.today !== now.today || next.language !== now.language;
  }

  override render() {
    const { result, feed, now, today } = this.props;
    return <ActivityCard result={result} feed={feed} now={now} today={today} />;
  }
}

