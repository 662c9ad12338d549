// The browse screen's results for the query being shown: worked out during render for a feed prepared on the page, or
// asked of the browse worker for a region-wide one (the last answer stays up until a newer one arrives, so the list
// never blanks while someone types).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { filterActivities, suggestRelaxation, type BrowseContext, type Relaxation } from './filter';
import type { BrowseQuery } from './query';
import { resultList, resultListFromAnswer, type ResultList } from './results';
import { stopSearchingInWorker, type BrowseSource } from './state';

export interface Shown {
  results: ResultList;
  /** When nothing is found: the one filter whose removal finds the most. */
  relaxation: Relaxation | null;
}

/** Null until the first answer of a worker-searched feed has arrived. `query` and `typed` are passed apart because `query` is memoised. */
export function useResults(source: BrowseSource | null, query: BrowseQuery, typed: string, context: BrowseContext | null): Shown | null {
  const local = useMemo((): Shown | null => {
    if (source?.kind !== 'local' || !context) return null;
    const live = { ...query, q: typed };
    const results = filterActivities(source.prepared, live, context);
    return { results: resultList(results), relaxation: results.length === 0 ? suggestRelaxation(source.prepared, live, context) : null };
  }, [source, context, query, typed]);

  const [answered, setAnswered] = useState<{ source: BrowseSource; shown: Shown } | null>(null);
  const asked = useRef(0);
  const answeredSeq = useRef(0);
  useEffect(() => {
    if (source?.kind !== 'remote' || !context) return;
    const seq = ++asked.current;
    source.remote.ask({ ...query, q: typed }, context.position, context.language ?? context.feed.defaultLanguage).then(
      (answer) => {
        // An older answer still helps if nothing newer is up yet; a dropped ask (null) gives way to a newer one.
        if (!answer || seq < answeredSeq.current) return;
        answeredSeq.current = seq;
        const clusters = (language: string) => source.remote.clusters(answer.id, language);
        setAnswered({ source, shown: { results: resultListFromAnswer(answer, context.feed, clusters), relaxation: answer.relaxation } });
      },
      // The worker stopped (out of memory, say): the feed is prepared on the page instead, and the screen carries on.
      () => stopSearchingInWorker(source.remote),
    );
  }, [source, context, query, typed]);

  if (local) return local;
  return answered?.source === source ? answered.shown : null;
}
