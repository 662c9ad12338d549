// Puts what an importer collected into one feed (shared/feed-format.md): the envelope around it, only the
// categories, organisations and venues that activities use, and records in a stable order so that re-importing
// unchanged listings gives an unchanged file.
import { slug, type Activity, type IdRegistry, type Registry, type Warnings } from './common';

export interface ImportOptions {
  /** 'Now' for the import: which one-off sessions are still to come. */
  now: Date;
  /** The hub's time zone: wall-clock times in the feed are in it. */
  timeZone: string;
  /** The organisation to use for listings whose source names none (e.g. the hub publishing the feed). */
  publisher?: string;
}

export interface ImportResult {
  activities: Activity[];
  registry: Registry;
  warnings: Warnings;
}

export interface FeedHeader {
  now: Date;
  timeZone: string;
  /** The area's name; by default the most common town in the venues' addresses. */
  town?: string;
  centre?: { lat: number; lng: number };
  zoom?: number;
  defaultLanguage?: string;
  /** An existing feed whose `area` (with its places) and `referral` are kept. */
  base?: Record<string, unknown>;
}

export type FeedJson = Record<string, unknown> & { activities: Activity[] };

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The feed for an import, or a reason why no area could be worked out. */
export function buildFeed(result: ImportResult, header: FeedHeader): { feed: FeedJson } | { error: string } {
  const { activities, registry } = result;
  const usedCategories = new Set(activities.flatMap((activity) => activity.categories));
  const usedOrganisations = new Set(activities.map((activity) => activity.organisation));
  const usedVenues = new Set(activities.flatMap((activity) => (activity.venue === undefined ? [] : [activity.venue])));
  const venues = [...registry.venues.values()].filter((venue) => usedVenues.has(venue.id)).sort(byId);

  const baseArea = header.base?.area;
  let area: Record<string, unknown>;
  if (typeof baseArea === 'object' && baseArea !== null) {
    area = { ...(baseArea as Record<string, unknown>), timeZone: header.timeZone };
    if (header.town) area.name = header.town;
    if (header.centre) area.centre = header.centre;
  } else {
    const town = header.town ?? mostCommonTown(venues.map((venue) => venue.address));
    if (town === undefined) return { error: 'cannot tell which town this feed is for: give --town NAME' };
    const centre = header.centre ?? (venues.length > 0 ? { lat: round(mean(venues.map((v) => v.lat))), lng: round(mean(venues.map((v) => v.lng))) } : undefined);
    if (centre === undefined) return { error: 'no venue has coordinates to centre the map on: give --centre LAT,LNG' };
    area = { name: town, timeZone: header.timeZone, centre, zoom: header.zoom ?? 12 };
  }
  if (header.zoom !== undefined) area.zoom = header.zoom;

  const feed: FeedJson = {
    format: 'activity-feed',
    version: 1,
    generated: header.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    defaultLanguage: header.defaultLanguage ?? 'en',
    area,
    categories: [...registry.categories.values()].filter((category) => usedCategories.has(category.id)).sort(byId),
    organisations: [...registry.organisations.values()].filter((organisation) => usedOrganisations.has(organisation.id)).sort(byId),
    venues,
    activities: [...activities].sort(byId),
  };
  if (header.base?.referral !== undefined) feed.referral = header.base.referral;
  // Keep the envelope's field order readable: referral after area, as in the format description.
  const { categories, organisations, venues: venueList, activities: activityList, ...envelope } = feed;
  return { feed: { ...envelope, categories, organisations, venues: venueList, activities: activityList } };
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** The town most venues' addresses end in ('…, Werneth, Oldham' → 'Oldham'), ignoring postcodes. */
function mostCommonTown(addresses: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const address of addresses) {
    const parts = (address ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '' && !/\d/.test(part));
    const town = parts.at(-1);
    if (town !== undefined) counts.set(town, (counts.get(town) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [town, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = town;
  return best;
}

/** What every importer carries while it reads one source's records. */
export interface ImportContext {
  registry: Registry;
  warnings: Warnings;
  activityIds: IdRegistry;
  options: ImportOptions;
}

/** The organisation id for listings whose source names no organisation: the publisher, or a warning and none. */
export function publisherOrganisation(registry: Registry, options: ImportOptions): string | undefined {
  if (!options.publisher) return undefined;
  return registry.organisation(`publisher:${options.publisher}`, slug(options.publisher) || 'publisher', (id) => ({ id, name: options.publisher! }));
}

/**
 * For a record that names no organisation (the source's own word for it: 'organisation', 'organizer'): the publisher
 * given with --publisher, with a warning, or a warning that the record was left out.
 */
export function publisherFallback(
  { registry, warnings, options }: Pick<ImportContext, 'registry' | 'warnings' | 'options'>,
  source: string,
  field: string,
  words: { noun: string; records: string },
): string | undefined {
  const fallback = publisherOrganisation(registry, options);
  if (fallback !== undefined) {
    warnings.add(source, `names no ${words.noun}; it is listed under the publisher "${options.publisher}"`, field);
    return fallback;
  }
  warnings.add(source, `names no ${words.noun} (give --publisher NAME to list such ${words.records} under the hub); it was not imported`, field);
  return undefined;
}
