// Shows the screens once the feed is usable; otherwise a loading line or a clear failure with a retry.
import type { ComponentChildren } from 'preact';
import { t } from '../i18n';
import { feedState } from '../feed/state';
import { loadFeed } from '../feed/load';

export function FeedGate({ children }: { children: ComponentChildren }) {
  const state = feedState.value;
  if (state.status === 'loading') {
    return (
      <p class="status" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <section class="problem" role="alert" aria-labelledby="feed-failed-title">
        <h1 id="feed-failed-title">{t('app.feedFailed.title')}</h1>
        <p>{t(`app.feedFailed.${state.failure}`)}</p>
        <button type="button" class="button" onClick={() => void loadFeed()}>
          {t('app.retry')}
        </button>
      </section>
    );
  }
  return (
    <>
      {state.feed.sample && (
        <p class="notice notice--sample" role="note">
          {t('app.sampleNotice')}
        </p>
      )}
      {state.skipped > 0 && (
        <p class="notice" role="note">
          {t('app.skipped', { count: state.skipped })}
        </p>
      )}
      {children}
    </>
  );
}
