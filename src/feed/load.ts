// Fetches the feed named at build time, checks it, and publishes the usable part to the feed state.
import { settings } from '../app/settings';
import { checkFeed } from './check';
import { parseFeedText } from './parse';
import { feedState, type FeedState } from './state';

/** Turns the text of a feed into the state the app shows; pure, so tests and the service worker can share it. */
export function feedStateFromText(text: string, now = new Date()): FeedState {
  const parsed = parseFeedText(text);
  if (!parsed.ok) return { status: 'failed', failure: 'not-json', detail: parsed.message };
  const result = checkFeed(parsed.value, { now });
  if (!result.feed) {
    const firstError = result.problems.find((p) => p.level === 'error');
    return { status: 'failed', failure: 'not-a-feed', detail: firstError?.message ?? '' };
  }
  return { status: 'ready', feed: result.feed, skipped: result.skipped.activities };
}

export async function loadFeed(url = settings.feedUrl): Promise<void> {
  feedState.value = { status: 'loading' };
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (error) {
    feedState.value = { status: 'failed', failure: 'network', detail: String(error) };
    return;
  }
  if (!response.ok) {
    feedState.value = { status: 'failed', failure: 'http', detail: `${response.status} ${response.statusText}` };
    return;
  }
  feedState.value = feedStateFromText(await response.text());
}
