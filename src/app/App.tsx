// The shell: skip link, header, the routed screen, and the notices every screen shares.
import { LocationProvider, Router, Route } from 'preact-iso';
import { useEffect } from 'preact/hooks';
import { language, t } from '../i18n';
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
import { loadFavourites } from '../favourites/state';
import { ActivityScreen, FavouritesScreen, MyReferralsScreen, PosterScreen, ReferralScreen, ShortlistScreen, VenueScreen } from './screens';

export function App() {
  // Reading the signal here re-renders every screen in the new language. (The header is redrawn, not replaced: a keyboard
  // user who changed the language is still on the picker.)
  const lang = language.value;
  // Favourites are read after the first render, so opening the database never delays the first screen.
  useEffect(() => void loadFavourites(), []);
  return (
    <LocationProvider>
      <a class="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <header class="site-header" lang={lang}>
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
