// The feed as the app holds it: loading, ready (with how many records were skipped) or failed.
import { computed, signal } from '@preact/signals';
import type { Feed } from './schema';

export type FeedFailure = 'network' | 'http' | 'not-json' | 'not-a-feed';

export type FeedState =
  | { status: 'loading' }
  | { status: 'ready'; feed: Feed; skipped: number }
  | { status: 'failed'; failure: FeedFailure; detail: string };

export const feedState = signal<FeedState>({ status: 'loading' });

export const currentFeed = computed(() => (feedState.value.status === 'ready' ? feedState.value.feed : null));

export const feedDefaultLanguage = computed(() => currentFeed.value?.defaultLanguage ?? 'en');
