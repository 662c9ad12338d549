// Loads the map (Leaflet and its CSS) only when a map is on screen, without suspending the route around it:
// the screen renders at once with a placeholder of the same size, and the map fills it when its code arrives.
import type { ComponentProps } from 'preact';
import { lazily } from '../app/lazily';
import type { MapView as MapViewType } from './MapView';

type Props = ComponentProps<typeof MapViewType>;

export const LazyMapView = lazily<Props>(
  () => import('./MapView').then((module) => module.MapView),
  (props) => <div class={`map-placeholder ${props.class ?? ''}`} role="img" aria-label={props.label} />,
);
