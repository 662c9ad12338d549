// Full descriptions, the one thing the built form leaves out of its index (src/feed/built.ts). For a plain feed the
// description is already in the activity; for a built feed it is fetched from the shard holding that activity, once,
// and kept in memory (the service worker keeps the shards seen, so activity pages seen before work offline).
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { builtDetailsOf, shardOf } from './built';
import type { Activity, Feed, Text } from './schema';
import { currentFeed } from './state';

const shards = new Map<string, Promise<Record<string, Text>>>();

function isTextRecord(value: unknown): value is Record<string, Text> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fetchShard(url: string): Promise<Record<string, Text>> {
  let shard = shards.get(url);
  if (!shard) {
    shard = fetch(url)
      .then((response) => (response.ok ? (response.json() as Promise<{ descriptions?: unknown }>) : Promise.reject(new Error(`${response.status}`))))
      .then((json) => (isTextRecord(json.descriptions) ? json.descriptions : {}));
    // A failure (offline, before the shard was ever seen) is not kept: the next visit to the page tries again.
    shard.catch(() => shards.delete(url));
    shards.set(url, shard);
  }
  return shard;
}

/** The activity's full description: at once from a plain feed, from its shard for a built one (undefined if it has none). */
export async function loadActivityDetails(feed: Feed, activity: Activity): Promise<{ description: Text | undefined }> {
  const built = builtDetailsOf(feed);
  if (!built || activity.description !== undefined || !built.withDescription.has(activity.id)) return { description: activity.description };
  const file = built.files[shardOf(activity.id, built.files.length)];
  if (file === undefined) return { description: undefined };
  const descriptions = await fetchShard(new URL(file, built.indexUrl).href);
  return { description: descriptions[activity.id] };
}

/** For the activity page: the description as soon as it is known (undefined while a shard loads, or if it cannot). */
export function useActivityDescription(activity: Activity): Text | undefined {
  const feed = currentFeed.value;
  const [loaded, setLoaded] = useState<{ id: string; description: Text | undefined } | null>(null);
  useEffect(() => {
    if (!feed || activity.description !== undefined) return;
    let isCurrent = true;
    loadActivityDetails(feed, activity)
      .then(({ description }) => isCurrent && setLoaded({ id: activity.id, description }))
      .catch(() => undefined); // offline and never seen: the page shows everything else
    return () => {
      isCurrent = false;
    };
  }, [feed, activity]);
  return activity.description ?? (loaded?.id === activity.id ? loaded.description : undefined);
}

/** Renders `children` with the activity's description as soon as it is known (a component, so the hook has its own place). */
export function WithDescription({ activity, children }: { activity: Activity; children: (description: Text | undefined) => ComponentChildren }): ComponentChildren {
  return children(useActivityDescription(activity));
}
