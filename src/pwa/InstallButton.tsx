// 'Install app' in the header, shown only while the browser has offered installation (`beforeinstallprompt`).
import { t } from '../i18n';
import { canInstall, promptInstall } from './install';

export function InstallButton() {
  if (!canInstall.value) return null;
  return (
    <button type="button" class="install-button" onClick={() => void promptInstall()}>
      {t('pwa.install.button')}
    </button>
  );
}
