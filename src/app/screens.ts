// The screens whose code (and strings) load when first needed, and how each one is started ahead of need: a shared link
// to an activity (or a poster's QR code to the referral form) opens on that screen, whose code would otherwise be asked
// for only once the feed and the strings had arrived and the router drew it, one more round trip after them.
import type { FunctionComponent } from 'preact';
import { lazy } from 'preact-iso';
import { loadStrings, prefetchStrings, type Namespace } from '../i18n';
import { prepareStorage } from '../favourites/state';

interface Screen {
  code: () => Promise<FunctionComponent<never>>;
  /** Strings namespaces that come with it: sharing, posters and venue pages (locales/share/), the referral journey. */
  strings: Namespace[];
  /**
   * The database code, which is not precached, so that saving or sending works offline once the screen has been open:
   * 'with': it downloads alongside the screen's code, and the screen shows without waiting for it (the referral: its
   * answers are kept in localStorage, and only Send, pages later, needs the outbox's database);
   * 'soon': the person may save there, so it downloads once the screen is painted.
   */
  storage?: 'with' | 'soon';
}

const screens = {
  activity: { code: () => import('../activity/ActivityScreen').then((module) => module.ActivityScreen), strings: ['share'], storage: 'soon' },
  favourites: { code: () => import('../favourites/FavouritesScreen').then((module) => module.default), strings: ['share'] },
  shortlist: { code: () => import('../favourites/ShortlistScreen').then((module) => module.default), strings: ['share'] },
  venue: { code: () => import('../venue/VenueScreen').then((module) => module.default), strings: ['share'] },
  poster: { code: () => import('../poster/PosterScreen').then((module) => module.default), strings: ['share'] },
  referral: { code: () => import('../referral/ReferralScreen').then((module) => module.default), strings: ['referral'], storage: 'with' },
  myReferrals: { code: () => import('../referral/MyReferralsScreen').then((module) => module.default), strings: ['referral'] },
} satisfies Record<string, Screen>;

type ScreenName = keyof typeof screens;

/** Each address's first path segment, as App's router maps it (src/app/App.tsx). */
const SCREEN_OF_SEGMENT: Record<string, ScreenName> = {
  activity: 'activity',
  favourites: 'favourites',
  shortlist: 'shortlist',
  venue: 'venue',
  poster: 'poster',
  refer: 'referral',
  'my-referrals': 'myReferrals',
};

/** Once the screen has been drawn and painted: its first paint never shares the line with a download it does not need. */
function afterScreenPainted(work: () => void): void {
  setTimeout(() => requestAnimationFrame(() => setTimeout(work, 0)), 0);
}

function load(screen: Screen): Promise<FunctionComponent<never>> {
  if (screen.storage === 'with') void prepareStorage();
  return Promise.all([screen.code(), ...screen.strings.map((namespace) => loadStrings(namespace))]).then(
    ([component]) => {
      if (screen.storage === 'soon') afterScreenPainted(() => void prepareStorage());
      return component;
    },
  );
}

const lazyScreen = <P>(screen: Screen) => lazy(() => load(screen)) as unknown as FunctionComponent<P>;

export const ActivityScreen = lazyScreen<{ params: { id: string } }>(screens.activity);
export const FavouritesScreen = lazyScreen(screens.favourites);
export const ShortlistScreen = lazyScreen(screens.shortlist);
export const VenueScreen = lazyScreen<{ params: { id: string } }>(screens.venue);
export const PosterScreen = lazyScreen<{ params: { kind: string; id: string } }>(screens.poster);
export const ReferralScreen = lazyScreen<{ params: { step?: string; id?: string } }>(screens.referral);
export const MyReferralsScreen = lazyScreen(screens.myReferrals);

/**
 * Starts downloading the code and strings of the screen at `path`, before the strings' language is set up (main.tsx).
 * Nothing is drawn or added yet: the screen's own load later uses these downloads. The database code comes now only
 * for a screen that fetches it alongside its own ('with').
 */
export function prepareScreenFor(path: string): void {
  const name = SCREEN_OF_SEGMENT[path.split('/')[1] ?? ''];
  if (!name) return;
  const screen: Screen = screens[name];
  void screen.code().catch(() => undefined); // a failed chunk is reported when the screen itself loads it
  for (const namespace of screen.strings) prefetchStrings(namespace);
  if (screen.storage === 'with') void prepareStorage();
}
