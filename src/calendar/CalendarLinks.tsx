// 'Add to calendar': the next session, or every session, as an .ics file the phone hands to its calendar app.
import { useEffect, useMemo } from 'preact/hooks';
import type { Activity, Feed } from '../feed/schema';
import { nextOccurrences } from '../feed/schedule';
import { pickText } from '../feed/text';
import { t } from '../i18n';
import { activityUrl } from '../share/links';
import { calendarFileName, nextSessionCalendar, seriesCalendar, type CalendarListing } from './ics';

/** A download link for calendar text, through a Blob URL that is let go when the link goes. */
function useCalendarFile(text: string | null): string | null {
  const href = useMemo(() => (text ? URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' })) : null), [text]);
  useEffect(() => () => void (href && URL.revokeObjectURL(href)), [href]);
  return href;
}

export function CalendarLinks({ activity, feed, now }: { activity: Activity; feed: Feed; now: Date }) {
  const timeZone = feed.area.timeZone;
  const { next, series, fileName } = useMemo(() => {
    // The file is in the feed's own words (the default language): calendars keep it long after the app's language changes.
    const name = pickText(activity.name, feed.defaultLanguage, feed.defaultLanguage).text;
    const venue = activity.venue ? feed.venues.get(activity.venue) : undefined;
    const listing: CalendarListing = {
      id: activity.id,
      name,
      location: venue ? [pickText(venue.name, feed.defaultLanguage, feed.defaultLanguage).text, venue.address, venue.postcode].filter(Boolean).join(', ') : '',
      url: activityUrl(location.origin, activity.id),
      description: pickText(activity.summary, feed.defaultLanguage, feed.defaultLanguage).text,
      host: location.host,
    };
    const upcoming = activity.status === 'active' ? nextOccurrences(activity.schedule, now, timeZone, 2) : [];
    const first = upcoming[0];
    return {
      next: first ? nextSessionCalendar(listing, first, timeZone, now) : null,
      // Only worth offering when there is more than one session to come.
      series: upcoming.length > 1 ? seriesCalendar(listing, activity.schedule, timeZone, now) : null,
      fileName: calendarFileName(name),
    };
  }, [activity, feed, now, timeZone]);
  const nextHref = useCalendarFile(next);
  const seriesHref = useCalendarFile(series);
  if (!nextHref) return null;
  return (
    <section class="calendar" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading" class="subheading">
        {t('share.calendar.title')}
      </h2>
      <ul class="calendar-links">
        <li>
          <a class="button button--secondary" href={nextHref} download={fileName}>
            {t('share.calendar.next')}
          </a>
        </li>
        {seriesHref && (
          <li>
            <a class="button button--secondary" href={seriesHref} download={fileName.replace(/\.ics$/, '-all.ics')}>
              {t('share.calendar.series')}
            </a>
          </li>
        )}
      </ul>
    </section>
  );
}
