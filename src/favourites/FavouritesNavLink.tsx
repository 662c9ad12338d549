// 'Favourites (2)' in the header: the way to the Favourites screen, with how many are saved once that is known.
import { t } from '../i18n';
import { favouriteIds, favouritesStatus } from './state';

export function FavouritesNavLink() {
  const count = favouriteIds.value.size;
  const isCounted = favouritesStatus.value === 'ready' || favouritesStatus.value === 'full';
  return <a href="/favourites">{isCounted ? t('favourites.nav', { count }) : t('favourites.navPlain')}</a>;
}
