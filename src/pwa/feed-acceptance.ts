// Whether a newly fetched feed may replace the saved copy. The service worker asks this before caching, so a failed or
// cut-off publish (an error page, half a file, some other JSON) never wipes a good copy. It checks the shape only: the
// full record checks (valibot, the schedules) stay in the app, which would otherwise ship them twice. A plain feed that
// has the right shape but in which the app can show nothing is caught there, and the app puts back the last copy it
// could show (src/feed/last-good.ts). A built feed (`npm run feed:build`) was checked when it was built: here it gets
// the same shape guard the app's decoder starts with, without decoding 100,000 records in the worker on every refresh.
import { hasBuiltIndexShape, isBuiltIndex } from '../feed/built';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * True when the text has the shape of a feed the app reads: JSON, the format 1 envelope with a list of activities,
 * or a built index of this version, columns intact, with listings to show (a built file in which every listing was
 * skipped is a mistake in publishing, not an empty town).
 */
export function isAcceptableFeedText(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    return false;
  }
  if (isBuiltIndex(value)) return hasBuiltIndexShape(value) && (value.activities.count > 0 || value.skipped === 0);
  return isObject(value) && value.format === 'activity-feed' && value.version === 1 && isObject(value.area) && (value.activities === undefined || Array.isArray(value.activities));
}

/** The same for a response: only a complete 200 whose body passes. Reads a clone, so `response` stays usable. */
export async function isAcceptableFeedResponse(response: Response): Promise<boolean> {
  if (response.status !== 200 || response.type === 'opaque') return false;
  try {
    return isAcceptableFeedText(await response.clone().text());
  } catch {
    return false; // the body broke off mid-way
  }
}
