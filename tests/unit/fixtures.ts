// A small valid feed for tests to copy and break: 2 categories, 2 organisations, 2 venues in Oldham,
// 3 activities (weekly, monthly, once) in 2026–2027. Each call returns a fresh object to mutate.
import type * as v from 'valibot';
import type { ActivitySchema, CategorySchema, OrganisationSchema, PlaceSchema, ReferralSchema, TextSchema, VenueSchema } from '../../src/feed/schema';

export type CategoryJson = v.InferInput<typeof CategorySchema>;
export type OrganisationJson = v.InferInput<typeof OrganisationSchema>;
export type VenueJson = v.InferInput<typeof VenueSchema>;
export type ActivityJson = v.InferInput<typeof ActivitySchema>;
export type PlaceJson = v.InferInput<typeof PlaceSchema>;
export type ReferralJson = v.InferInput<typeof ReferralSchema>;

export interface AreaJson {
  name: v.InferInput<typeof TextSchema>;
  timeZone: string;
  centre: { lat: number; lng: number; [key: string]: unknown };
  zoom: number;
  places?: PlaceJson[];
  [key: string]: unknown;
}

/** A feed as written in JSON (input types: defaults not filled in); extra fields allowed so tests can add unknown ones. */
export interface FeedJson {
  format: string;
  version: number;
  generated: string;
  sample?: boolean;
  defaultLanguage: string;
  area: AreaJson;
  referral?: ReferralJson;
  categories: CategoryJson[];
  organisations: OrganisationJson[];
  venues: VenueJson[];
  activities: ActivityJson[];
  [key: string]: unknown;
}

/** A moment when every activity of `minimalFeed()` still has sessions to come and none is stale. */
export const FIXTURE_NOW = new Date('2026-11-20T09:00:00Z');

export function minimalFeed(): FeedJson {
  return {
    format: 'activity-feed',
    version: 1,
    generated: '2026-11-20T09:00:00Z',
    sample: true,
    defaultLanguage: 'en',
    area: {
      name: 'Oldham',
      timeZone: 'Europe/London',
      centre: { lat: 53.5409, lng: -2.1114 },
      zoom: 12,
      places: [
        { id: 'oldham-town-centre', name: 'Oldham town centre', postcodeDistricts: ['OL1'], lat: 53.5426, lng: -2.1142 },
        { id: 'werneth', name: 'Werneth', postcodeDistricts: ['OL8'], lat: 53.5361, lng: -2.1322 },
      ],
    },
    referral: {
      hub: 'Oldham Social Prescribing',
      endpoint: '/api/referrals',
      email: 'referrals@example.org',
      phone: '0161 000 0000',
      minimumAge: 18,
      responseDays: 5,
      privacyNotice: 'https://example.org/privacy',
    },
    categories: [
      { id: 'craft', name: 'Arts and crafts', description: 'Making things together.' },
      { id: 'social', name: 'Social groups' },
    ],
    organisations: [
      { id: 'action-together', name: 'Action Together', website: 'https://example.org/action-together', phone: '0161 111 1111' },
      { id: 'age-uk-oldham', name: 'Age UK Oldham', email: 'hello@example.org' },
    ],
    venues: [
      {
        id: 'werneth-community-centre',
        name: 'Werneth Community Centre',
        address: '1 Example Street, Oldham',
        postcode: 'OL8 1AA',
        lat: 53.5361,
        lng: -2.1322,
        accessibility: ['step-free', 'accessible-toilet'],
      },
      { id: 'oldham-library', name: 'Oldham Library', postcode: 'OL1 1AL', lat: 53.5431, lng: -2.1168, accessibility: ['hearing-loop'] },
    ],
    activities: [
      {
        id: 'knit-and-natter-werneth',
        name: 'Knit and Natter',
        summary: 'Bring your knitting, or learn, over a cup of tea.',
        description: 'All welcome.\n\nWool and needles provided.',
        categories: ['craft', 'social'],
        organisation: 'action-together',
        venue: 'werneth-community-centre',
        schedule: [{ freq: 'weekly', days: ['tu', 'th'], start: '10:00', end: '12:00', from: '2026-09-01', until: '2027-07-20', except: ['2026-12-22', '2026-12-29'] }],
        cost: { free: true },
        audience: { minAge: 18, tags: ['new-to-area'] },
        languages: ['en', 'ur'],
        howToJoin: 'drop-in',
        checked: '2026-10-01',
      },
      {
        id: 'memory-cafe-library',
        name: 'Memory Café',
        summary: 'A friendly afternoon for people living with dementia and their carers.',
        categories: ['social'],
        organisation: 'age-uk-oldham',
        venue: 'oldham-library',
        schedule: [{ freq: 'monthly', days: ['we'], weekOfMonth: 1, start: '13:30', end: '15:00' }],
        cost: { free: false, note: '£2 including refreshments' },
        howToJoin: 'contact-organiser',
        contact: { name: 'Sam', phone: '0161 222 2222', website: 'https://example.org/memory-cafe' },
        checked: '2026-09-15',
      },
      {
        id: 'winter-craft-fair-online',
        name: 'Winter craft fair',
        summary: 'Show and sell what you have made, online.',
        categories: ['craft'],
        organisation: 'action-together',
        online: true,
        schedule: [{ freq: 'once', date: '2026-12-05', start: '11:00', end: '14:00' }],
        cost: { free: true },
        status: 'active',
        checked: '2026-11-01',
      },
    ],
  };
}

/** `list[index]`, failing the test clearly when it is not there. */
export function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index} in a list of ${list.length}`);
  return item;
}
