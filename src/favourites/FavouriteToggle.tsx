// The one-tap 'Save' toggle on cards and activity pages: a real toggle button, with what went wrong beside it when saving fails.
import type { Activity, Feed } from '../feed/schema';
import { pickText } from '../feed/text';
import { language, t } from '../i18n';
import { favouriteIds, toggleFavourite } from './state';
import { FavouriteFailureMessage } from './FavouriteFailureMessage';
import { HeartIcon } from './HeartIcon';
import './favourites.css';

interface Props {
  activity: Activity;
  feed: Feed;
  class?: string;
}

export function FavouriteToggle({ activity, feed, class: className }: Props) {
  const isSaved = favouriteIds.value.has(activity.id);
  const name = pickText(activity.name, language.value, feed.defaultLanguage).text.slice(0, 200);
  return (
    <div class={`fav-toggle ${className ?? ''}`}>
      <button
        type="button"
        class="fav-toggle__button"
        aria-pressed={isSaved}
        aria-label={t('favourites.toggle.label', { name })}
        onClick={() => void toggleFavourite(activity, feed)}
      >
        <HeartIcon isFilled={isSaved} />
        <span>{isSaved ? t('favourites.toggle.saved') : t('favourites.toggle.save')}</span>
      </button>
      <FavouriteFailureMessage activityId={activity.id} />
    </div>
  );
}
