// A component whose code loads the first time it is drawn, without suspending the screen around it: `fallback` (or
// nothing) stands in for the moment the chunk takes to arrive, and later uses draw it at once. Keeps parts most visits
// never open (the map, the filter and place panels) off the first screen's download.
import type { ComponentChild, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type LazyComponent<P> = FunctionComponent<P> & {
  /** Fetches the code ahead of need (e.g. once the screen is idle), so the first use draws at once. */
  preload(): void;
};

export function lazily<P extends object>(load: () => Promise<FunctionComponent<P>>, fallback: (props: P) => ComponentChild = () => null): LazyComponent<P> {
  let loaded: FunctionComponent<P> | null = null;
  let loading: Promise<FunctionComponent<P>> | null = null;
  const loadOnce = (): Promise<FunctionComponent<P>> =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null; // offline, say: the next use tries again
        throw error;
      },
    ));
  function Lazy(props: P) {
    const [Component, setComponent] = useState<FunctionComponent<P> | null>(() => loaded);
    useEffect(() => {
      if (Component) return;
      let isCurrent = true;
      loadOnce().then(
        (component) => {
          if (isCurrent) setComponent(() => component);
        },
        () => undefined, // Vite reports a chunk that failed to load ('vite:preloadError'), and the app offers a reload
      );
      return () => {
        isCurrent = false;
      };
    }, [Component]);
    return Component ? <Component {...props} /> : <>{fallback(props)}</>;
  }
  return Object.assign(Lazy, { preload: () => void loadOnce().catch(() => undefined) });
}
