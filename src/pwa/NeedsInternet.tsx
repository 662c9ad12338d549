// '(needs internet)' after a link that leaves the app (directions, a group's website) while the device is offline.
// Placed inside the link, so it is part of the link's name for screen readers too.
import { t } from '../i18n';
import { isOnline } from './network';

export function NeedsInternet() {
  if (isOnline.value) return null;
  return <span class="needs-internet"> {t('pwa.needsInternet')}</span>;
}
