// Each screen names itself in the tab title, so people (and screen readers) know where they are.
import { useEffect } from 'preact/hooks';
import { t } from '../i18n';

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title]);
}
