// A shared link to a listing that is no longer in the feed: say so kindly and offer a search.
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { usePageTitle } from '../app/usePageTitle';

export function ActivityNotFound({ id }: { id: string }) {
  usePageTitle(t('activity.notFound.title'));
  const { route } = useLocation();
  const [query, setQuery] = useState(id.replace(/-/g, ' ').slice(0, 80));
  return (
    <section class="page">
      <h1 tabIndex={-1}>{t('activity.notFound.title')}</h1>
      <p>{t('activity.notFound.body')}</p>
      <form
        role="search"
        class="inline-search"
        onSubmit={(event) => {
          event.preventDefault();
          route(`/?q=${encodeURIComponent(query.trim())}`);
        }}
      >
        <label for="not-found-search">{t('activity.notFound.searchLabel')}</label>
        <div class="inline-search__row">
          <input id="not-found-search" type="search" value={query} onInput={(event) => setQuery(event.currentTarget.value)} />
          <button type="submit" class="button">
            {t('activity.notFound.search')}
          </button>
        </div>
      </form>
      <p>
        <a href="/">{t('notFound.home')}</a>
      </p>
    </section>
  );
}
