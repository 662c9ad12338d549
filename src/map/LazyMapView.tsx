// Loads the map (Leaflet and its CSS) only when a map is on screen, without suspending the route around it:
// the screen renders at once with a placeholder of the same size, and the map fills it when its code arrives.
import { useEffect, useState } from 'preact/hooks';
import type { ComponentProps, FunctionComponent } from 'preact';
import type { MapView as MapViewType } from './MapView';

type Props = ComponentProps<typeof MapViewType>;

let loaded: FunctionComponent<Props> | null = null;

export function LazyMapView(props: Props) {
  const [MapView, setMapView] = useState<FunctionComponent<Props> | null>(() => loaded);
  useEffect(() => {
    if (MapView) return;
    let isCurrent = true;
    void import('./MapView').then((module) => {
      loaded = module.MapView as FunctionComponent<Props>;
      if (isCurrent) setMapView(() => loaded);
    });
    return () => {
      isCurrent = false;
    };
  }, [MapView]);
  if (!MapView) return <div class={`map-placeholder ${props.class ?? ''}`} role="img" aria-label={props.label} />;
  return <MapView {...props} />;
}
