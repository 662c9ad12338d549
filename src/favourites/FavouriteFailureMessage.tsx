// Says, next to the control that was used, why a favourite could not be saved or removed on this device.
import { t } from '../i18n';
import { favouriteFailure } from './state';

export function FavouriteFailureMessage({ activityId }: { activityId: string }) {
  const failure = favouriteFailure.value;
  if (failure?.activityId !== activityId) return null;
  return (
    <p class="fav-failure" role="alert">
      {t(`favourites.failed.${failure.action}`, { reason: t(`favourites.failed.${failure.reason}`) })}
    </p>
  );
}
