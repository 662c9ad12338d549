// The short facts a person scans for on a card or page: cost, women only, children welcome, step-free, languages, status.
import type { Activity, Venue } from '../feed/schema';
import { FeedText } from '../feed/FeedText';
import { isStale } from '../feed/stale';
import { language, t } from '../i18n';
import { languageName } from './facts';

interface Props {
  activity: Activity;
  venue: Venue | undefined;
  today: string;
}

export function Badges({ activity, venue, today }: Props) {
  const spoken = activity.languages.filter((code) => code.split('-')[0] !== 'en');
  return (
    <ul class="badges" aria-label={t('activity.badges.label')}>
      <li class={`badge ${activity.cost.free ? 'badge--free' : ''}`}>
        {activity.cost.free ? t('activity.badges.free') : activity.cost.note ? <FeedText value={activity.cost.note} maxLength={80} /> : t('activity.badges.paid')}
      </li>
      {activity.audience?.gender === 'women' && <li class="badge badge--women">{t('activity.badges.women')}</li>}
      {activity.audience?.gender === 'men' && <li class="badge">{t('activity.badges.men')}</li>}
      {activity.childcare && <li class="badge badge--children">{t('activity.badges.children')}</li>}
      {venue?.accessibility.includes('step-free') && <li class="badge">{t('activity.badges.stepFree')}</li>}
      {activity.online && <li class="badge">{t('activity.badges.online')}</li>}
      {spoken.length > 0 && (
        <li class="badge badge--languages">
          {t('activity.badges.languages', { languages: spoken.map((code) => languageName(code, language.value)).join(', ') })}
        </li>
      )}
      {activity.status === 'paused' && <li class="badge badge--warning">{t('activity.status.paused')}</li>}
      {activity.status === 'cancelled' && <li class="badge badge--danger">{t('activity.status.cancelled')}</li>}
      {isStale(activity, today) && <li class="badge badge--muted">{t('activity.stale.badge')}</li>}
    </ul>
  );
}
