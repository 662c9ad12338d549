// The home screen: every listing with its next session, shown a page at a time so long feeds stay quick.
import { useMemo, useState } from 'preact/hooks';
import { currentFeed } from '../feed/state';
import { nextOccurrences } from '../feed/schedule';
import { t } from '../i18n';
import { usePageTitle } from '../app/usePageTitle';
import { ActivityCard } from './ActivityCard';

const PAGE_SIZE = 30;

export function BrowseScreen() {
  const feed = currentFeed.value;
  const [shown, setShown] = useState(PAGE_SIZE);
  usePageTitle(t('browse.title'));
  const now = useMemo(() => new Date(), [feed]);
  if (!feed) return null;
  const timeZone = feed.area.timeZone;
  const visible = feed.activities.slice(0, shown);
  return (
    <section class="browse">
      <h1>{t('browse.title')}</h1>
      <p class="result-count" role="status">
        {t('browse.count', { count: feed.activities.length })}
      </p>
      <ol class="card-list">
        {visible.map((activity) => (
          <li key={activity.id}>
            <ActivityCard activity={activity} next={nextOccurrences(activity.schedule, now, timeZone, 1)[0]} now={now} timeZone={timeZone} />
          </li>
        ))}
      </ol>
      {shown < feed.activities.length && (
        <button type="button" class="button button--secondary" onClick={() => setShown(shown + PAGE_SIZE)}>
          {t('browse.showMore', { count: Math.min(PAGE_SIZE, feed.activities.length - shown) })}
        </button>
      )}
    </section>
  );
}
