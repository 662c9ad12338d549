// On an activity page: share it, put it in a calendar, or print a poster of it (the poster is the first of two taps).
import type { Activity, Feed } from '../feed/schema';
import { pickText } from '../feed/text';
import { language, t } from '../i18n';
import { CalendarLinks } from '../calendar/CalendarLinks';
import { ShareButton } from './ShareButton';
import { activityUrl } from './links';

export function ActivityShareBar({ activity, feed, now }: { activity: Activity; feed: Feed; now: Date }) {
  const name = pickText(activity.name, language.value, feed.defaultLanguage).text;
  return (
    <>
      <div class="share-bar">
        <ShareButton url={activityUrl(location.origin, activity.id)} title={name} text={t('share.activityText', { name })} label={t('share.share')} />
        <a class="button button--secondary" href={`/poster/activity/${encodeURIComponent(activity.id)}`}>
          {t('share.poster.link')}
        </a>
      </div>
      <CalendarLinks activity={activity} feed={feed} now={now} />
    </>
  );
}
