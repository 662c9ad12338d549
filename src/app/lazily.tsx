// A component whose code loads the first time it is drawn, without suspending the screen around it: `fallback` (or
// nothing) stands in for the moment the chunk takes to arrive, and later uses draw it at once. Keeps parts most visits
// never open (the map, the filter and place panels) off the first screen's download.
import type { ComponentChild, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazily<P extends object>(load: () => Promise<FunctionComponent<P>>, fallback: (props: P) => ComponentChild = () => null): FunctionComponent<P> {
  let loaded: FunctionComponent<P> | null = null;
  return function Lazy(props: P) {
    const [Component, setComponent] = useState<FunctionComponent<P> | null>(() => loaded);
    useEffect(() => {
      if (Component) return;
      let isCurrent = true;
      void load().then((component) => {
        loaded = component;
        if (isCurrent) setComponent(() => component);
      });
      return () => {
        isCurrent = false;
      };
    }, [Component]);
    return Component ? <Component {...props} /> : <>{fallback(props)}</>;
  };
}
