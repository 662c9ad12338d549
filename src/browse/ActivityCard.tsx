// One activity in the list: its name (linking to its page), summary and when it next meets.
import type { Activity } from '../feed/schema';
import type { Occurrence } from '../feed/schedule';
import { FeedText } from '../feed/FeedText';
import { t } from '../i18n';
import { describeOccurrence } from '../activity/when';

interface Props {
  activity: Activity;
  next: Occurrence | undefined;
  now: Date;
  timeZone: string;
}

export function ActivityCard({ activity, next, now, timeZone }: Props) {
  let when: string;
  if (next) when = t('browse.nextSession', { when: describeOccurrence(next, now, timeZone, t) });
  else if (activity.schedule.length === 0) when = t('browse.byArrangement');
  else when = t('browse.noUpcoming');
  return (
    <article class="card">
      <h2 class="card__title">
        <a href={`/activity/${activity.id}`}>
          <FeedText value={activity.name} maxLength={200} />
        </a>
      </h2>
      <FeedText as="p" class="card__summary" value={activity.summary} maxLength={400} />
      <p class="card__when">{when}</p>
    </article>
  );
}
