// What a printed or shared listing says about an activity, from the feed record: pure, so posters, the shortlist
// and the venue page put the same facts the same way, in any language.
import type { Activity, Feed, Venue } from '../feed/schema';

/** The main-locale key that says how to join (the activity page's own words). */
export function howToJoinKey(activity: Activity): string {
  switch (activity.howToJoin) {
    case 'drop-in':
      return 'activity.join.dropIn';
    case 'self-refer':
      return 'activity.join.selfRefer';
    case 'professional-referral':
      return 'activity.join.professional';
    case 'contact-organiser':
      return 'activity.join.contactOrganiser';
    default:
      return 'activity.join.unknown';
  }
}

/** The number to ring about joining: the activity's contact, else its organisation, else (to self-refer) the hub. */
export function joiningPhone(activity: Activity, feed: Feed): string | undefined {
  if (activity.howToJoin === 'self-refer' && feed.referral?.phone) return feed.referral.phone;
  return activity.contact?.phone ?? feed.organisations.get(activity.organisation)?.phone;
}

export function venueOf(activity: Activity, feed: Feed): Venue | undefined {
  return activity.venue ? feed.venues.get(activity.venue) : undefined;
}

/** The activities held at a venue, in the feed's order, active ones first. */
export function activitiesAtVenue(feed: Feed, venueId: string): Activity[] {
  const here = feed.activities.filter((activity) => activity.venue === venueId);
  return [...here.filter((a) => a.status === 'active'), ...here.filter((a) => a.status !== 'active')];
}
