import { t } from '../i18n';
import { usePageTitle } from './usePageTitle';

export function NotFoundScreen() {
  usePageTitle(t('notFound.title'));
  return (
    <section class="page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <a href="/">{t('notFound.home')}</a>
      </p>
    </section>
  );
}
