// The browse state read from and written to the URL, so links, reloads and the back button restore it.
import { useMemo } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { queryFromSearch, searchFromQuery, type BrowseQuery } from './query';

export function useBrowseQuery(): [BrowseQuery, (next: BrowseQuery, options?: { replace?: boolean }) => void] {
  const location = useLocation();
  const questionMark = location.url.indexOf('?');
  const search = questionMark === -1 ? '' : location.url.slice(questionMark);
  const query = useMemo(() => queryFromSearch(search), [search]);
  const update = (next: BrowseQuery, options: { replace?: boolean } = {}) => {
    location.route(`/${searchFromQuery(next)}`, options.replace ?? false);
  };
  return [query, update];
}
