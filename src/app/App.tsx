// The shell: skip link, header, the routed screen, and the notices every screen shares.
import { LocationProvider, Router, Route, lazy } from 'preact-iso';
import { useEffect } from 'preact/hooks';
import { language, loadReferralStrings, loadStrings, t } from '../i18n';
import { BrowseScreen } from '../browse/BrowseScreen';
import { noteRouteChange } from './navigation';
import { NotFoundScreen } from './NotFoundScreen';
import { FeedGate } from './FeedGate';
import { SiteFooter } from './SiteFooter';
import { PwaNotices } from '../pwa/PwaNotices';
import { InstallButton } from '../pwa/InstallButton';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { FavouritesNavLink } from '../favourites/FavouritesNavLink';
import { FavouritesLive } from '../favourites/FavouritesLive';
import { loadFavourites, prepareStorage } from '../favourites/state';

// Screens that share, print or list venues bring the sharing strings (locales/share/) with their code, fetched side by side.
const withShareStrings = <T,>(load: () => Promise<T>) => () => Promise.all([loadStrings('share'), load()]).then(([, screen]) => screen);
const FavouritesScreen = lazy(withShareStrings(() => import('../favourites/FavouritesScreen').then((module) => module.default)));
const ShortlistScreen = lazy(withShareStrings(() => import('../favourites/ShortlistScreen').then((module) => module.default)));
const VenueScreen = lazy(withShareStrings(() => import('../venue/VenueScreen').then((module) => module.default)));
const PosterScreen = lazy(withShareStrings(() => import('../poster/PosterScreen').then((module) => module.default)));
// An activity page is the second screen (or the first, from a shared link): its code arrives when it is needed.
// Where the person may save or send, the database code comes too (not precached; kept by the worker once used).
const ActivityScreen = lazy(withShareStrings(() => (void prepareStorage(), import('../activity/ActivityScreen').then((module) => module.ActivityScreen))));
// The referral's outbox needs it to send at all, so it is in before the first question shows.
const ReferralScreen = lazy(() => Promise.all([prepareStorage(), loadReferralStrings()]).then(() => import('../referral/ReferralScreen').then((module) => module.default)));
const MyReferralsScreen = lazy(() => loadReferralStrings().then(() => import('../referral/MyReferralsScreen').then((module) => module.default)));

export function App() {
  // Reading the signal here re-renders every screen in the new language.
  const lang = language.value;
  // Favourites are read after the first render, so opening the database never delays the first screen.
  useEffect(() => void loadFavourites(), []);
  return (
    <LocationProvider>
      <a class="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <header class="site-header" key={lang}>
        <a class="site-name" href="/">
          {t('app.name')}
        </a>
        <nav aria-label={t('nav.main')}>
          <a href="/">{t('nav.browse')}</a>
          <FavouritesNavLink />
          <a href="/refer">{t('nav.askForSupport')}</a>
        </nav>
        {/* The browser offers installation when it decides, often after the first paint: the offer shares a row of fixed
            height with the language picker, so its arrival moves nothing (it used to push the whole page down). */}
        <div class="site-header__tools">
          <InstallButton />
          <LanguagePicker />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <PwaNotices />
        <FavouritesLive />
        <FeedGate>
          <Router onRouteChange={noteRouteChange}>
            <Route path="/" component={BrowseScreen} />
            <Route path="/activity/:id" component={ActivityScreen} />
            <Route path="/favourites" component={FavouritesScreen} />
            <Route path="/shortlist" component={ShortlistScreen} />
            <Route path="/venue/:id" component={VenueScreen} />
            <Route path="/poster/:kind/:id" component={PosterScreen} />
            <Route path="/refer" component={ReferralScreen} />
            <Route path="/refer/:step" component={ReferralScreen} />
            <Route path="/refer/sent/:id" component={ReferralScreen} />
            <Route path="/my-referrals" component={MyReferralsScreen} />
            <Route default component={NotFoundScreen} />
          </Router>
        </FeedGate>
      </main>
      <SiteFooter />
    </LocationProvider>
  );
}
