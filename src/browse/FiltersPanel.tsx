// Every filter as plain form controls in fieldsets: each change updates the URL, so the back button undoes it.
import type { Feed } from '../feed/schema';
import { FeedText } from '../feed/FeedText';
import { language, t } from '../i18n';
import { languageName } from '../activity/facts';
import type { FilterOptions } from './filter';
import { JOIN_FILTERS, TIMES_OF_DAY, type BrowseQuery, type DayFilter } from './query';

export const ACCESS_WORDS = ['step-free', 'hearing-loop', 'accessible-toilet', 'parking'] as const;

interface Props {
  feed: Feed;
  /** What the feed offers (`filterOptions`): only choices that find something. */
  options: FilterOptions;
  query: BrowseQuery;
  onChange: (next: BrowseQuery) => void;
  today: string;
}

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
}

export function FiltersPanel({ feed, options, query, onChange, today }: Props) {
  const spokenLanguages = options.languages.map((l) => l.code).filter((code) => code !== 'en');
  const dayChoice = query.day === null ? 'any' : /^\d/.test(query.day) ? 'date' : query.day;
  const setDay = (day: DayFilter | null) => onChange({ ...query, day });
  const checkbox = (id: string, label: string, checked: boolean, change: (on: boolean) => void) => (
    <div class="choice" key={id}>
      <input type="checkbox" id={id} checked={checked} onChange={(event) => change(event.currentTarget.checked)} />
      <label for={id}>{label}</label>
    </div>
  );
  return (
    <div class="filters">
      <fieldset class="filters__group">
        <legend>{t('browse.filters.category')}</legend>
        {[...feed.categories.values()].map((category) => (
          <div class="choice" key={category.id}>
            <input
              type="checkbox"
              id={`cat-${category.id}`}
              checked={query.categories.includes(category.id)}
              onChange={(event) => onChange({ ...query, categories: toggle(query.categories, category.id, event.currentTarget.checked) })}
            />
            <label for={`cat-${category.id}`}>
              <FeedText value={category.name} maxLength={80} />
            </label>
          </div>
        ))}
      </fieldset>

      <fieldset class="filters__group">
        <legend>{t('browse.filters.when')}</legend>
        {(['any', 'today', 'week', 'weekend', 'date'] as const).map((choice) => (
          <div class="choice" key={choice}>
            <input
              type="radio"
              name="day"
              id={`day-${choice}`}
              checked={dayChoice === choice}
              onChange={() => setDay(choice === 'any' ? null : choice === 'date' ? (today as DayFilter) : choice)}
            />
            <label for={`day-${choice}`}>{t(`browse.filters.day.${choice}`)}</label>
          </div>
        ))}
        {dayChoice === 'date' && (
          <div class="field">
            <label for="day-date-input">{t('browse.filters.day.chooseDate')}</label>
            <input
              id="day-date-input"
              type="date"
              min={today}
              value={query.day ?? today}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (/^\d{4}-\d{2}-\d{2}$/.test(value)) setDay(value as DayFilter);
              }}
            />
          </div>
        )}
        <p class="filters__sub" id="time-of-day-label">
          {t('browse.filters.timeOfDay')}
        </p>
        <div role="group" aria-labelledby="time-of-day-label">
          {TIMES_OF_DAY.map((time) =>
            checkbox(`time-${time}`, t(`browse.filters.time.${time}`), query.times.includes(time), (on) => onChange({ ...query, times: toggle(query.times, time, on) })),
          )}
        </div>
      </fieldset>

      <fieldset class="filters__group">
        <legend>{t('browse.filters.whoAndCost')}</legend>
        {checkbox('filter-free', t('browse.filters.free'), query.free, (on) => onChange({ ...query, free: on }))}
        {checkbox('filter-women', t('browse.filters.women'), query.women, (on) => onChange({ ...query, women: on }))}
        {checkbox('filter-children', t('browse.filters.children'), query.children, (on) => onChange({ ...query, children: on }))}
        {checkbox('filter-online', t('browse.filters.online'), query.online, (on) => onChange({ ...query, online: on }))}
      </fieldset>

      <fieldset class="filters__group">
        <legend>{t('browse.filters.languages')}</legend>
        {spokenLanguages.map((code) =>
          checkbox(`lang-${code}`, languageName(code, language.value), query.languages.includes(code), (on) => onChange({ ...query, languages: toggle(query.languages, code, on) })),
        )}
      </fieldset>

      <fieldset class="filters__group">
        <legend>{t('browse.filters.access')}</legend>
        {ACCESS_WORDS.map((word) =>
          checkbox(`access-${word}`, t(`activity.access.${word}`), query.access.includes(word), (on) => onChange({ ...query, access: toggle(query.access, word, on) })),
        )}
      </fieldset>

      <fieldset class="filters__group">
        <legend>{t('browse.filters.join')}</legend>
        {JOIN_FILTERS.map((join) =>
          checkbox(`join-${join}`, t(`browse.filters.joinHow.${join}`), query.join.includes(join), (on) => onChange({ ...query, join: toggle(query.join, join, on) })),
        )}
      </fieldset>
    </div>
  );
}
