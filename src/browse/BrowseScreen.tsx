// The home screen: search, near, filters, and the results as a list and a map that always show the same set.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { currentFeed } from '../feed/state';
import { pickText } from '../feed/text';
import { language, t } from '../i18n';
import { usePageTitle } from '../app/usePageTitle';
import { ListCard } from './ActivityCard';
import { lazily } from '../app/lazily';
import { filterOptions } from './filter';
import { activeFilterCount, activeFilters, emptyQuery, NEAR_HERE, withoutFilter, type BrowseQuery, type SortOrder } from './query';
import { browseSource, devicePosition, listLength } from './state';
import type { ResultList } from './results';
import type { Feed } from '../feed/schema';
import { useResults } from './useResults';
import { useBrowseQuery } from './useBrowseQuery';
import type { MarkerDescriptor } from '../map/markers';
import type { ClusterSource } from '../map/cluster';
import { markerFor } from './map-markers';
import { LazyMapView } from '../map/LazyMapView';

const PAGE_SIZE = 30;
/**
 * The first time the app shows its list, a phone screen's worth of cards paints at once and the rest follow a few per
 * task, so the page answers a tap in between (on a cheap phone, 30 cards with their dates are a long task). Only the
 * list draws again for each few (CardList), not the search, filters and buttons above it.
 */
const FIRST_CARDS = 3;
const CARDS_PER_TASK = 3;
let hasDrawnList = false;

// Opened by a tap, so their code is not part of the first screen.
const FiltersPanel = lazily(() => import('./FiltersPanel').then((module) => module.FiltersPanel));
const NearPicker = lazily(() => import('./NearPicker').then((module) => module.NearPicker));
const WIDE_SCREEN = '(min-width: 64rem)';

function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const onChange = () => setMatches(list.matches);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

export function BrowseScreen() {
  const feed = currentFeed.value;
  const source = browseSource.value;
  const [query, setQuery] = useBrowseQuery();
  const [isFiltersOpen, setFiltersOpen] = useState(false);
  const [isNearOpen, setNearOpen] = useState(false);
  const [typed, setTyped] = useState(query.q);
  const isWide = useMediaQuery(WIDE_SCREEN);
  const searchKey = `${query.q}|${query.categories}|${query.day}|${query.times}|${query.free}|${query.women}|${query.children}|${query.languages}|${query.access}|${query.join}|${query.online}|${query.near}|${query.sort}`;
  const [shown, setShown] = useState(() => (listLength.forSearch === searchKey ? Math.max(PAGE_SIZE, listLength.shown) : PAGE_SIZE));
  const lastSearchKey = useRef(searchKey);
  usePageTitle(t('browse.title'));
  useEffect(() => {
    // The panels' code, fetched once the list is up and the page is idle, so a tap (or Enter and Tab) finds them drawn.
    const preload = () => {
      FiltersPanel.preload();
      NearPicker.preload();
    };
    if (typeof requestIdleCallback === 'function') {
      const idle = requestIdleCallback(preload, { timeout: 2000 });
      return () => cancelIdleCallback(idle);
    }
    const timer = setTimeout(preload, 500);
    return () => clearTimeout(timer);
  }, []);

  // The URL may change under us (back button, a link): the search box follows it, but not the echo of
  // its own typing, which arrives a render late and would swallow fast keystrokes.
  const echoesAwaited = useRef<string[]>([]);
  useEffect(() => {
    const echo = echoesAwaited.current.indexOf(query.q);
    if (echo >= 0) {
      echoesAwaited.current.splice(0, echo + 1);
    } else {
      echoesAwaited.current = [];
      setTyped(query.q);
    }
  }, [query.q]);
  useEffect(() => {
    if (lastSearchKey.current !== searchKey) {
      lastSearchKey.current = searchKey;
      setShown(PAGE_SIZE);
    }
  }, [searchKey]);
  useEffect(() => {
    listLength.shown = shown;
    listLength.forSearch = searchKey;
  }, [shown, searchKey]);

  const context = useMemo(
    () => (feed && source ? { feed, now: source.now, position: devicePosition.value, language: language.value } : null),
    [feed, source, devicePosition.value, language.value],
  );
  const shownResults = useResults(source, query, typed, context);
  const options = useMemo(() => (source?.kind === 'local' ? filterOptions(source.prepared) : source?.remote.options), [source]);
  if (!feed || !source || !context || !options) return null;
  if (!shownResults) {
    // A region-wide feed's first answer from the search worker, a moment after it has prepared the feed.
    return (
      <p class="status" role="status">
        {t('app.loading')}
      </p>
    );
  }
  const { results, relaxation } = shownResults;

  const liveQuery: BrowseQuery = { ...query, q: typed };
  const filterCount = activeFilterCount(query);
  const isMapShown = isWide || query.view === 'map';
  const isListShown = isWide || query.view === 'list';
  const hasOrigin = query.near !== null && (query.near !== NEAR_HERE || devicePosition.value !== null);

  const chosenPlace = query.near && query.near !== NEAR_HERE ? feed.area.places.find((p) => p.id === query.near) : undefined;
  const nearLabel = chosenPlace
    ? t('browse.near.toggleChosen', { place: pickText(chosenPlace.name, language.value, feed.defaultLanguage).text })
    : query.near === NEAR_HERE && devicePosition.value !== null
      ? t('browse.near.toggleHere')
      : t('browse.near.toggle');

  const onSearchInput = (value: string) => {
    echoesAwaited.current.push(value);
    setTyped(value);
    setQuery({ ...query, q: value }, { replace: true });
  };

  return (
    <section class="browse" aria-labelledby="browse-title">
      <h1 id="browse-title">{t('browse.title')}</h1>
      <div class="browse__controls">
        <form role="search" class="browse__search" onSubmit={(event) => event.preventDefault()}>
          <label for="browse-search">{t('browse.search.label')}</label>
          <input
            id="browse-search"
            type="search"
            value={typed}
            placeholder={t('browse.search.placeholder')}
            autoComplete="off"
            enterKeyHint="search"
            onInput={(event) => onSearchInput(event.currentTarget.value)}
          />
        </form>
        <div class="browse__toggles">
          <button type="button" class="button button--secondary near-toggle" aria-expanded={isNearOpen} aria-controls="browse-near" onClick={() => setNearOpen(!isNearOpen)}>
            {nearLabel}
          </button>
          <button type="button" class="button button--secondary filters-toggle" aria-expanded={isFiltersOpen} aria-controls="browse-filters" onClick={() => setFiltersOpen(!isFiltersOpen)}>
            {filterCount > 0 ? t('browse.filters.toggleCount', { count: filterCount }) : t('browse.filters.toggle')}
          </button>
        </div>
        <div id="browse-near" class="browse__near" hidden={!isNearOpen}>
          {isNearOpen && (
            <NearPicker
              feed={feed}
              query={query}
              onChange={(next) => {
                setQuery(next);
                // A place chosen: the panel has done its job; the button now names the place.
                if (next.near !== null && next.near !== query.near) setNearOpen(false);
              }}
            />
          )}
        </div>
        <div id="browse-filters" class="browse__filters" hidden={!isFiltersOpen}>
          {isFiltersOpen && <FiltersPanel feed={feed} options={options} query={query} onChange={(next) => setQuery(next)} today={source.today} />}
        </div>
        {(filterCount > 0 || query.q !== '') && (
          <p class="browse__clear">
            <button type="button" class="button button--link" onClick={() => setQuery({ ...emptyQuery, near: query.near, sort: query.sort, view: query.view })}>
              {t('browse.filters.clearAll')}
            </button>
          </p>
        )}
      </div>

      <div class="browse__bar">
        <p class="result-count" role="status" aria-live="polite" aria-atomic="true">
          {t('browse.count', { count: results.length })}
        </p>
        <div class="browse__sort">
          <label for="browse-sort">{t('browse.sort.label')}</label>
          <select id="browse-sort" value={query.sort} onChange={(event) => setQuery({ ...query, sort: event.currentTarget.value as SortOrder })}>
            <option value="soonest">{t('browse.sort.soonest')}</option>
            <option value="distance" disabled={!hasOrigin}>
              {hasOrigin ? t('browse.sort.distance') : t('browse.sort.distanceNeedsPlace')}
            </option>
            <option value="name">{t('browse.sort.name')}</option>
          </select>
        </div>
        {!isWide && (
          <div class="view-switch" role="group" aria-label={t('browse.view.label')}>
            <button type="button" aria-pressed={query.view === 'list'} onClick={() => setQuery({ ...query, view: 'list' }, { replace: true })}>
              {t('browse.view.list')}
            </button>
            <button type="button" aria-pressed={query.view === 'map'} onClick={() => setQuery({ ...query, view: 'map' }, { replace: true })}>
              {t('browse.view.map')}
            </button>
          </div>
        )}
      </div>

      {results.length === 0 ? (
        <div class="empty-state">
          <h2>{t('browse.empty.title')}</h2>
          {relaxation ? (
            <p>
              {t('browse.empty.suggestion', { filter: t(`browse.filterNames.${relaxation.filter}`), count: relaxation.results })}{' '}
              <button type="button" class="button button--secondary" onClick={() => setQuery(withoutFilter(liveQuery, relaxation.filter))}>
                {t('browse.empty.relax', { filter: t(`browse.filterNames.${relaxation.filter}`) })}
              </button>
            </p>
          ) : (
            <p>{t('browse.empty.generic')}</p>
          )}
          {activeFilters(liveQuery).length > 0 && (
            <button type="button" class="button button--link" onClick={() => setQuery({ ...emptyQuery, near: query.near, sort: query.sort, view: query.view })}>
              {t('browse.filters.clearAll')}
            </button>
          )}
        </div>
      ) : (
        <div class={`browse__results ${isWide ? 'browse__results--split' : ''}`}>
          {isListShown && (
            <CardList results={results} shown={shown} feed={feed} now={source.now} today={source.today} onShowMore={() => setShown(shown + PAGE_SIZE)} />
          )}
          {isMapShown && (
            <div class="browse__map">
              <ResultsMap results={results} />
            </div>
          )}
        </div>
      )}
    </section>
  );
}

interface CardListProps {
  results: ResultList;
  shown: number;
  feed: Feed;
  now: Date;
  today: string;
  onShowMore: () => void;
}

function CardList({ results, shown, feed, now, today, onShowMore }: CardListProps) {
  // Cards drawn so far, while the first list is being drawn; null once it is (every later list is drawn whole).
  const [drawing, setDrawing] = useState<number | null>(() => (hasDrawnList ? null : FIRST_CARDS));
  useEffect(() => {
    if (drawing === null) return;
    hasDrawnList = true;
    const timer = setTimeout(() => setDrawing(drawing + CARDS_PER_TASK >= shown ? null : drawing + CARDS_PER_TASK), 0);
    return () => clearTimeout(timer);
  }, [drawing, shown]);
  return (
    <div class="browse__list">
      <ol class="card-list">
        {results.slice(0, drawing === null ? shown : Math.min(shown, drawing)).map((result) => (
          <li key={result.activity.id}>
            <ListCard result={result} feed={feed} now={now} today={today} language={language.value} />
          </li>
        ))}
      </ol>
      {drawing === null && shown < results.length && (
        <button type="button" class="button button--secondary show-more" onClick={onShowMore}>
          {t('browse.showMore', { count: Math.min(PAGE_SIZE, results.length - shown), total: results.length - shown })}
        </button>
      )}
    </div>
  );
}

function ResultsMap({ results }: { results: ResultList }) {
  const feed = currentFeed.value!;
  const [query] = useBrowseQuery();
  const markers = useMemo(() => {
    const list: MarkerDescriptor[] = [];
    if (results.clusters) return list; // the worker makes the markers and clusters them
    for (let k = 0; k < results.length; k++) {
      const marker = markerFor(results.activityAt(k), feed, language.value);
      if (marker) list.push(marker);
    }
    return list;
  }, [results, feed, language.value]);
  const [source, setSource] = useState<{ for: ResultList; language: string; source: ClusterSource } | null>(null);
  useEffect(() => {
    if (!results.clusters) return;
    let isCurrent = true;
    const lang = language.value;
    results.clusters(lang).then(
      (clusters) => {
        if (isCurrent && clusters) setSource({ for: results, language: lang, source: clusters });
      },
      () => undefined, // the worker stopped: the list falls back to the page (useResults), and the map with it
    );
    return () => {
      isCurrent = false;
    };
  }, [results, language.value]);
  const clusterSource = results.clusters ? (source?.for === results && source.language === language.value ? source.source : null) : undefined;
  const place = query.near && query.near !== NEAR_HERE ? feed.area.places.find((p) => p.id === query.near) : undefined;
  const here = query.near === NEAR_HERE ? devicePosition.value : null;
  const position = place
    ? { lat: place.lat, lng: place.lng, label: pickText(place.name, language.value, feed.defaultLanguage).text }
    : here
      ? { ...here, label: t('browse.near.you') }
      : null;
  return (
    <LazyMapView
      markers={markers}
      source={clusterSource}
      centre={position ?? feed.area.centre}
      zoom={position ? 14 : feed.area.zoom}
      position={position}
      fitToMarkers={!position}
      label={t('browse.map.label', { count: clusterSource ? clusterSource.size : markers.length })}
    />
  );
}
