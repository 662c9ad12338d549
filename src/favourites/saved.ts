// What is kept of an activity when it is saved, and how each favourite is shown: from the live feed while
// the activity is listed, else from that snapshot, so a group that leaves the feed is not silently lost.
import type { Activity, Feed } from '../feed/schema';
import { nextOccurrences, type Occurrence } from '../feed/schedule';
import type { ActivitySnapshot, FavouriteRecord } from '../storage/db';

export function snapshotOf(activity: Activity, feed: Feed): ActivitySnapshot {
  const venue = activity.venue ? feed.venues.get(activity.venue) : undefined;
  return {
    activity,
    venueName: venue?.name ?? null,
    organisationName: feed.organisations.get(activity.organisation)?.name ?? null,
    categoryNames: activity.categories.map((id) => feed.categories.get(id)?.name).filter((name) => name !== undefined),
    defaultLanguage: feed.defaultLanguage,
    timeZone: feed.area.timeZone,
  };
}

export interface FavouriteEntry extends ActivitySnapshot {
  activityId: string;
  savedAt: string;
  /** 'gone' when the feed no longer has it; 'unknown' when there is no feed to compare with. */
  listing: 'listed' | 'gone' | 'unknown';
  /** The live record while listed, else the saved one. */
  activity: Activity;
  /** The next session still to come (or under way), for an active activity with a schedule. */
  next: Occurrence | null;
}

function nextSession(activity: Activity, from: Date, timeZone: string): Occurrence | null {
  if (activity.status !== 'active') return null;
  try {
    return nextOccurrences(activity.schedule, from, timeZone, 1)[0] ?? null;
  } catch {
    // A damaged saved record (say, an unknown time zone) loses its next session, not the whole list.
    return null;
  }
}

export function favouriteEntries(records: readonly FavouriteRecord[], feed: Feed | null, now: Date): FavouriteEntry[] {
  const live = new Map(feed?.activities.map((activity) => [activity.id, activity]));
  return records.map(({ activityId, savedAt, snapshot }): FavouriteEntry => {
    const activity = live.get(activityId);
    if (feed && activity) {
      const current = snapshotOf(activity, feed);
      return { activityId, savedAt, listing: 'listed', ...current, next: nextSession(activity, now, current.timeZone) };
    }
    return {
      activityId,
      savedAt,
      listing: feed ? 'gone' : 'unknown',
      ...snapshot,
      next: nextSession(snapshot.activity, now, snapshot.timeZone),
    };
  });
}

/** Is a record read from the device one this version can show? (Storage outlives any one version of the app.) */
export function isUsableRecord(value: unknown): value is FavouriteRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<FavouriteRecord>;
  const activity = record.snapshot?.activity;
  return (
    typeof record.activityId === 'string' &&
    typeof record.savedAt === 'string' &&
    typeof activity === 'object' &&
    activity !== null &&
    activity.id === record.activityId &&
    Array.isArray(activity.schedule) &&
    typeof record.snapshot?.timeZone === 'string'
  );
}
