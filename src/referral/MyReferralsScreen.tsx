// 'My referrals' (/my-referrals, loaded lazily): the requests sent from this device. A delivered one keeps only its
// reference, date and the groups asked about; one still waiting links to its own page.
import { useEffect } from 'preact/hooks';
import { currentFeed } from '../feed/state';
import { pickText } from '../feed/text';
import { language, t } from '../i18n';
import { dateTimeFormat } from '../i18n/format';
import { usePageTitle } from '../app/usePageTitle';
import { outboxRecords, outboxStatus, startOutbox } from './outbox';
import type { OutboxRecord } from './outbox-core';
import './referral.css';

function longDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateTimeFormat({ day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

export default function MyReferralsScreen() {
  usePageTitle(t('referral.mine.title'));
  useEffect(() => startOutbox(), []);
  const records = outboxRecords.value;
  const status = outboxStatus.value;
  return (
    <section class="page referral my-referrals" aria-labelledby="my-referrals-title">
      <h1 id="my-referrals-title" tabIndex={-1}>
        {t('referral.mine.title')}
      </h1>
      <p>{t('referral.mine.intro')}</p>
      {status === 'unavailable' && (
        <p class="problem" role="note">
          {t('referral.mine.unavailable')}
        </p>
      )}
      {status === 'ready' && records.length === 0 && <p>{t('referral.mine.empty')}</p>}
      {records.length > 0 && (
        <ul class="card-list">
          {records.map((record) => (
            <li key={record.id}>
              <ReferralItem record={record} />
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/refer">{t('referral.mine.ask')}</a>
      </p>
    </section>
  );
}

function ReferralItem({ record }: { record: OutboxRecord }) {
  const feed = currentFeed.value;
  const date = longDate(record.createdAt);
  const names = record.interests.map((interest) => {
    const activity = feed?.activities.find((a) => a.id === interest.activityId);
    return activity && feed ? pickText(activity.name, language.value, feed.defaultLanguage).text.slice(0, 200) : interest.name;
  });
  return (
    <article class="card referral-item">
      <h2 class="card__title">{names.length > 0 ? names.join(', ') : t('referral.mine.general')}</h2>
      <p>{t('referral.mine.date', { date })}</p>
      <p>
        <span class={`referral-status referral-status--${record.status}`}>{t(`referral.mine.status.${record.status}`)}</span>
      </p>
      {record.status === 'delivered' && record.reference && (
        <p>
          {t('referral.mine.reference')} <strong dir="ltr">{record.reference}</strong>
        </p>
      )}
      {record.status !== 'delivered' && (
        <p>
          <a href={`/refer/sent/${record.id}`}>{t('referral.mine.open', { date })}</a>
        </p>
      )}
    </article>
  );
}
