// 'Add to calendar': the next session, or every session, as an .ics file the phone hands to its calendar app.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Activity, Feed } from '../feed/schema';
import { nextOccurrences } from '../feed/schedule';
import { pickText } from '../feed/text';
import { t } from '../i18n';
import { activityUrl } from '../share/links';
import { calendarFileName, nextSessionCalendar, seriesCalendar, type CalendarListing } from './ics';

/**
 * Props for a link that downloads calendar text. The text is made when the link is about to be used (pointer down,
 * focus or click all come before the browser follows it), not when the page is drawn: a series file lists a year of
 * the zone's clock changes, a tenth of a second on a phone, and was half of the activity page's longest task. The
 * Blob URL is let go when the link goes.
 */
function useCalendarFile(makeText: (() => string) | null) {
  const made = useRef<{ makeText: () => string; href: string } | null>(null);
  useEffect(() => () => void (made.current && URL.revokeObjectURL(made.current.href)), []);
  if (!makeText) return null;
  const prepare = (event: Event) => {
    if (made.current?.makeText !== makeText) {
      if (made.current) URL.revokeObjectURL(made.current.href);
      made.current = { makeText, href: URL.createObjectURL(new Blob([makeText()], { type: 'text/calendar;charset=utf-8' })) };
    }
    (event.currentTarget as HTMLAnchorElement).href = made.current.href;
  };
  return { href: '#calendar-heading', onPointerDown: prepare, onFocus: prepare, onClick: prepare };
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
    const next = first ? () => nextSessionCalendar(listing, first, timeZone, now) : null;
    return {
      next,
      // Only worth offering when there is more than one session to come, so the series has one at least (were it
      // empty after all, the next session's file stands in).
      series: next && upcoming.length > 1 ? () => seriesCalendar(listing, activity.schedule, timeZone, now) ?? next() : null,
      fileName: calendarFileName(name),
    };
  }, [activity, feed, now, timeZone]);
  const nextLink = useCalendarFile(next);
  const seriesLink = useCalendarFile(series);
  if (!nextLink) return null;
  return (
    <section class="calendar" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading" class="subheading">
        {t('share.calendar.title')}
      </h2>
      <ul class="calendar-links">
        <li>
          <a class="button button--secondary" {...nextLink} download={fileName}>
            {t('share.calendar.next')}
          </a>
        </li>
        {seriesLink && (
          <li>
            <a class="button button--secondary" {...seriesLink} download={fileName.replace(/\.ics$/, '-all.ics')}>
              {t('share.calendar.series')}
            </a>
          </li>
        )}
      </ul>
    </section>
  );
}
