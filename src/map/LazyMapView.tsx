// Loads the map (Leaflet and its CSS) only when a map is near the screen, without suspending the route around it: the
// screen renders at once with a placeholder of the same size, and the map fills it when its code arrives. A map further
// down a page (the activity page's, on a phone) costs nothing, no code and no tiles, until someone scrolls towards it.
import type { ComponentProps, RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { lazily } from '../app/lazily';
import type { MapView as MapViewType } from './MapView';

type Props = ComponentProps<typeof MapViewType>;

function Placeholder({ props, near }: { props: Props; near?: RefObject<HTMLDivElement> }) {
  return <div ref={near} class={`map-placeholder ${props.class ?? ''}`} role="img" aria-label={props.label} />;
}

const LoadedMapView = lazily<Props>(
  () => import('./MapView').then((module) => module.MapView),
  (props) => <Placeholder props={props} />,
);

/** How far off screen a map starts loading, so it is usually drawn by the time it scrolls in. */
const NEAR = '300px';

export function LazyMapView(props: Props) {
  const [isNear, setNear] = useState(() => typeof IntersectionObserver !== 'function');
  const placeholder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = placeholder.current;
    if (isNear || !element) return;
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      setNear(true);
    }, { rootMargin: NEAR });
    observer.observe(element);
    return () => observer.disconnect();
  }, [isNear]);
  return isNear ? <LoadedMapView {...props} /> : <Placeholder props={props} near={placeholder} />;
}
