// The shell: skip link, header, the routed screen, and the notices every screen shares.
import { LocationProvider, Router, Route } from 'preact-iso';
import { language, t } from '../i18n';
import { BrowseScreen } from '../browse/BrowseScreen';
import { ActivityScreen } from '../activity/ActivityScreen';
import { noteRouteChange } from './navigation';
import { NotFoundScreen } from './NotFoundScreen';
import { FeedGate } from './FeedGate';

export function App() {
  // Reading the signal here re-renders every screen in the new language.
  const lang = language.value;
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
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <FeedGate>
          <Router onRouteChange={noteRouteChange}>
            <Route path="/" component={BrowseScreen} />
            <Route path="/activity/:id" component={ActivityScreen} />
            <Route default component={NotFoundScreen} />
          </Router>
        </FeedGate>
      </main>
    </LocationProvider>
  );
}
