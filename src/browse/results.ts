// The results of a search as the browse screen reads them: how many, a page of rows, and the activity at any position
// (for the map). A small feed's results are an array; a region-wide feed's come from the browse worker as columns
// (worker-core.ts), and only the rows on screen are ever made into objects.
import type { Activity, Feed } from '../feed/schema';
import type { ClusterSource } from '../map/cluster';
import type { Result } from './filter';
import type { Answer } from './worker-core';

export interface ResultList {
  readonly length: number;
  /** Rows `from` up to (not including) `to`. */
  slice(from: number, to: number): Result[];
  activityAt(position: number): Activity;
  /** For results from the browse worker: the map's clusters of these results, made and kept there (null: replaced meanwhile). */
  clusters?: (language: string) => Promise<ClusterSource | null>;
}

export function resultList(results: readonly Result[]): ResultList {
  return {
    length: results.length,
    slice: (from, to) => results.slice(from, to),
    activityAt: (position) => results[position]!.activity,
  };
}

/** The worker's answer read against the page's own copy of the feed (decoded from the same text, so positions agree). */
export function resultListFromAnswer(answer: Answer, feed: Feed, clusters: ResultList['clusters']): ResultList {
  const rows = new Map<number, Result>();
  const row = (k: number): Result => {
    let made = rows.get(k);
    if (!made) {
      const activity = feed.activities[answer.indices[k]!]!;
      const session = activity.schedule[answer.nextSession[k]!];
      const start = answer.nextStart[k]!;
      const distance = answer.distance[k]!;
      made = {
        activity,
        next: session && !Number.isNaN(start) ? { start: new Date(start), end: new Date(answer.nextEnd[k]!), session } : undefined,
        distanceKm: Number.isNaN(distance) ? null : distance,
      };
      rows.set(k, made);
    }
    return made;
  };
  return {
    length: answer.indices.length,
    slice: (from, to) => {
      const page: Result[] = [];
      for (let k = Math.max(0, from); k < Math.min(to, answer.indices.length); k++) page.push(row(k));
      return page;
    },
    activityAt: (position) => feed.activities[answer.indices[position]!]!,
    clusters,
  };
}
