// What the map shows for one listing: its venue's point, its name in the reader's language, and the venue as the
// second line. Made on the page for a small feed (BrowseScreen) and in the browse worker for a region-wide one.
import type { Activity, Feed } from '../feed/schema';
import { pickText } from '../feed/text';
import type { MarkerDescriptor } from '../map/markers';

/** Null for an online activity without a venue (it has no place on the map). */
export function markerFor(activity: Activity, feed: Feed, language: string): MarkerDescriptor | null {
  const venue = activity.venue ? feed.venues.get(activity.venue) : undefined;
  if (!venue) return null;
  const name = pickText(activity.name, language, feed.defaultLanguage);
  return {
    id: activity.id,
    lat: venue.lat,
    lng: venue.lng,
    title: name.text,
    ...(name.lang !== language ? { titleLang: name.lang } : {}),
    subtitle: pickText(venue.name, language, feed.defaultLanguage).text,
    href: `/activity/${activity.id}`,
  };
}
