// Whether a newly fetched feed may replace the saved copy. The service worker asks this before caching, with the
// same parse and checks the app runs (src/feed/), so a broken publish never wipes a good copy. A built feed
// (`npm run feed:build`) was checked when it was built: it gets the app's structural guard instead.
import { feedFromBuiltIndex, isBuiltIndex } from '../feed/built';
import { checkFeed } from '../feed/check';
import { parseFeedText } from '../feed/parse';

/**
 * True when the app could show this feed: it is JSON, its envelope passes the checks, and it has listings to show
 * (a file in which every listing is broken is a mistake in publishing, not an empty town).
 */
export function isAcceptableFeedText(text: string, now = new Date()): boolean {
  const parsed = parseFeedText(text);
  if (!parsed.ok) return false;
  if (isBuiltIndex(parsed.value)) {
    const built = feedFromBuiltIndex(parsed.value, 'https://feed.invalid/');
    return built !== null && (built.feed.activities.length > 0 || built.skipped === 0);
  }
  const result = checkFeed(parsed.value, { now });
  if (!result.feed) return false;
  return result.feed.activities.length > 0 || result.skipped.activities === 0;
}

/** The same for a response: only a complete 200 whose body passes. Reads a clone, so `response` stays usable. */
export async function isAcceptableFeedResponse(response: Response, now = new Date()): Promise<boolean> {
  if (response.status !== 200 || response.type === 'opaque') return false;
  try {
    return isAcceptableFeedText(await response.clone().text(), now);
  } catch {
    return false; // the body broke off mid-way
  }
}
