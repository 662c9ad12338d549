// 'Near me': the device position, asked for only when the button is pressed, or a place chosen by typing
// its name or postcode district (matched on the device from the feed's places, no network needed).
import { useId, useState } from 'preact/hooks';
import type { Feed, Place } from '../feed/schema';
import { FeedText } from '../feed/FeedText';
import { pickText } from '../feed/text';
import { language, t } from '../i18n';
import { matchPlaces } from './places';
import { NEAR_HERE, type BrowseQuery } from './query';
import { devicePosition } from './state';

interface Props {
  feed: Feed;
  query: BrowseQuery;
  onChange: (next: BrowseQuery) => void;
}

type LocationProblem = 'denied' | 'unavailable' | 'timeout' | 'unsupported' | null;

export function NearPicker({ feed, query, onChange }: Props) {
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(-1);
  const [isOpen, setIsOpen] = useState(false);
  const [isLocating, setIsLocating] = useState(false);
  const [problem, setProblem] = useState<LocationProblem>(null);
  const listId = useId();
  const inputId = useId();
  const matches = typed.trim() === '' ? [] : matchPlaces(feed.area.places, typed, { limit: 8 });
  const chosenPlace = query.near && query.near !== NEAR_HERE ? feed.area.places.find((p) => p.id === query.near) : undefined;
  const isHere = query.near === NEAR_HERE && devicePosition.value !== null;

  const choose = (place: Place) => {
    setTyped('');
    setIsOpen(false);
    setActive(-1);
    onChange({ ...query, near: place.id, sort: 'distance' });
  };

  const locate = () => {
    setProblem(null);
    if (!('geolocation' in navigator)) {
      setProblem('unsupported');
      return;
    }
    setIsLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setIsLocating(false);
        devicePosition.value = { lat: position.coords.latitude, lng: position.coords.longitude };
        onChange({ ...query, near: NEAR_HERE, sort: 'distance' });
      },
      (error) => {
        setIsLocating(false);
        setProblem(error.code === error.PERMISSION_DENIED ? 'denied' : error.code === error.TIMEOUT ? 'timeout' : 'unavailable');
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  };

  const clear = () => {
    devicePosition.value = null;
    onChange({ ...query, near: null, sort: query.sort === 'distance' ? 'soonest' : query.sort });
  };

  if (chosenPlace || isHere) {
    return (
      <div class="near near--chosen">
        <p class="near__current">
          {chosenPlace ? (
            <>
              {t('browse.near.showingNear')} <FeedText value={chosenPlace.name} as="strong" />
            </>
          ) : (
            t('browse.near.showingNearYou')
          )}
        </p>
        <button type="button" class="button button--link" onClick={clear}>
          {t('browse.near.clear')}
        </button>
      </div>
    );
  }

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <div class="near">
      <div class="near__row">
        <button type="button" class="button button--secondary near__locate" onClick={locate} disabled={isLocating} aria-describedby={problem ? `${inputId}-problem` : undefined}>
          {isLocating ? t('browse.near.locating') : t('browse.near.useLocation')}
        </button>
        <span class="near__or">{t('browse.near.or')}</span>
        <div class="near__combo">
          <label for={inputId}>{t('browse.near.placeLabel')}</label>
          <input
            id={inputId}
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={isOpen && matches.length > 0}
            aria-controls={listId}
            aria-activedescendant={isOpen && active >= 0 ? optionId(active) : undefined}
            aria-describedby={`${inputId}-hint`}
            value={typed}
            onInput={(event) => {
              setTyped(event.currentTarget.value);
              setIsOpen(true);
              setActive(-1);
            }}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown' && matches.length > 0) {
                event.preventDefault();
                setIsOpen(true);
                setActive((active + 1) % matches.length);
              } else if (event.key === 'ArrowUp' && matches.length > 0) {
                event.preventDefault();
                setActive(active <= 0 ? matches.length - 1 : active - 1);
              } else if (event.key === 'Enter') {
                const place = matches[active >= 0 ? active : 0];
                if (place) {
                  event.preventDefault();
                  choose(place);
                }
              } else if (event.key === 'Escape') {
                setIsOpen(false);
                setActive(-1);
              }
            }}
            onBlur={() => setTimeout(() => setIsOpen(false), 150)}
          />
          <p id={`${inputId}-hint`} class="hint">
            {t('browse.near.placeHint')}
          </p>
          <ul id={listId} role="listbox" class="near__options" hidden={!isOpen || matches.length === 0} aria-label={t('browse.near.suggestions')}>
            {matches.map((place, index) => (
              <li
                key={place.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                class={index === active ? 'is-active' : undefined}
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(place);
                }}
              >
                {pickText(place.name, language.value, feed.defaultLanguage).text}
                {place.postcodeDistricts.length > 0 && (
                  <span class="near__districts" dir="ltr" lang="en">
                    {' '}
                    ({place.postcodeDistricts.join(', ')})
                  </span>
                )}
              </li>
            ))}
          </ul>
          {typed.trim().length >= 2 && matches.length === 0 && <p class="hint">{t('browse.near.noMatch')}</p>}
        </div>
      </div>
      {problem && (
        <p id={`${inputId}-problem`} class="error-message" role="alert">
          {t(`browse.near.problem.${problem}`)}
        </p>
      )}
      {query.near === NEAR_HERE && devicePosition.value === null && !problem && <p class="hint">{t('browse.near.askAgain')}</p>}
    </div>
  );
}
