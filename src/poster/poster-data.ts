// What a poster says, in one language: pure, so the same record gives the same English and second-language text,
// and a test can check it without a browser. The poster prints two of these side by side.
import type { TFunction } from 'i18next';
import type { Activity, Feed, Venue } from '../feed/schema';
import { pickText } from '../feed/text';
import { describeSession } from '../activity/facts';
import { directionOf } from '../i18n/languages';
import { howToJoinKey, joiningPhone, venueOf } from '../share/listing';

export type PosterSize = 'a4' | 'a5';

/** How many activities fit on a venue poster, so it always stays one page; the rest are behind the QR code. */
export const VENUE_POSTER_LIMIT: Record<PosterSize, number> = { a4: 8, a5: 4 };

export interface PosterText {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** Whether the feed has the name in this language (else the feed's default is shown once, not twice). */
  hasOwnName: boolean;
  name: string;
  when: string[];
  where: string;
  join: string;
  cost: string;
  scan: string;
}

function textIn(value: Parameters<typeof pickText>[0], code: string, feed: Feed): { text: string; isOwn: boolean } {
  const shown = pickText(value, code, feed.defaultLanguage);
  return { text: shown.text, isOwn: shown.lang === code };
}

export function activityPosterText(activity: Activity, feed: Feed, code: string, t: TFunction): PosterText {
  const name = textIn(activity.name, code, feed);
  const venue = venueOf(activity, feed);
  return {
    lang: code,
    dir: directionOf(code),
    hasOwnName: name.isOwn,
    name: name.text.slice(0, 200),
    when: activity.schedule.length === 0 ? [t('activity.when.byArrangement')] : activity.schedule.map((session) => describeSession(session, t, code)),
    where: venue ? pickText(venue.name, code, feed.defaultLanguage).text.slice(0, 200) : t('activity.where.online'),
    join: t(howToJoinKey(activity)),
    cost: activity.cost.free ? t('activity.badges.free') : t('activity.badges.paid'),
    scan: t('share.poster.scan'),
  };
}

export interface VenuePosterText {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  activities: { id: string; name: string; when: string[] }[];
  more: string | null;
  scan: string;
}

export function venuePosterText(venue: Venue, activities: readonly Activity[], feed: Feed, code: string, t: TFunction, size: PosterSize): VenuePosterText {
  const shown = activities.filter((activity) => activity.status === 'active').slice(0, VENUE_POSTER_LIMIT[size]);
  const rest = activities.filter((activity) => activity.status === 'active').length - shown.length;
  return {
    lang: code,
    dir: directionOf(code),
    title: t('share.poster.venueTitle', { venue: pickText(venue.name, code, feed.defaultLanguage).text.slice(0, 200) }),
    activities: shown.map((activity) => ({
      id: activity.id,
      name: pickText(activity.name, code, feed.defaultLanguage).text.slice(0, 200),
      when: activity.schedule.length === 0 ? [t('activity.when.byArrangement')] : activity.schedule.map((session) => describeSession(session, t, code)),
    })),
    more: rest > 0 ? t('share.poster.more', { count: rest }) : null,
    scan: t('share.poster.scanVenue'),
  };
}

/** The phone to print on an activity poster, if any. */
export function posterPhone(activity: Activity, feed: Feed): string | undefined {
  return joiningPhone(activity, feed)?.slice(0, 40);
}

export function sizeFrom(value: string | null | undefined): PosterSize {
  return value === 'a5' ? 'a5' : 'a4';
}
