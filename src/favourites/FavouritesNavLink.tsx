// 'Favourites (2)' in the header: the way to the Favourites screen, with how many are saved once that is known. With none
// saved it stays plain 'Favourites', the text it starts with, so the header never shifts on a first visit.
import { t } from '../i18n';
import { favouriteIds, favouritesStatus } from './state';

export function FavouritesNavLink() {
  const count = favouriteIds.value.size;
  const isCounted = favouritesStatus.value === 'ready' || favouritesStatus.value === 'full';
  return <a href="/favourites">{isCounted && count > 0 ? t('favourites.nav', { count }) : t('favourites.navPlain')}</a>;
}
