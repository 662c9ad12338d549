// The map, as a Preact component: Leaflet is created on mount, kept in step with the props, and removed on unmount.
// Load it lazily (`lazy(() => import('../map/MapView'))`): it brings Leaflet, supercluster and their CSS with it.
import 'leaflet/dist/leaflet.css';
import './map.css';
import { useEffect, useId, useRef } from 'preact/hooks';
import { language, t } from '../i18n';
import { createLeafletMap, type LatLng, type LeafletMap, type MapPosition } from './leaflet';
import { sameMarkers, type MarkerDescriptor } from './markers';
import type { ClusterSource } from './cluster';

export type { MarkerDescriptor } from './markers';
export type { LatLng, MapPosition } from './leaflet';

export interface MapViewProps {
  /** Everything to show; pass a memoised array (equal contents are detected anyway, but cost a comparison). */
  markers: MarkerDescriptor[];
  /** Clusters from elsewhere instead of `markers` (the browse worker, for a region-wide feed); null while on its way. */
  source?: ClusterSource | null;
  /** The view when not fitting to markers (and when there are none). */
  centre: LatLng;
  zoom: number;
  /** The device's position or the chosen place, drawn as a distinct ringed dot with its label. */
  position?: MapPosition | null;
  /** Fit the view to all markers whenever they change (default false). */
  fitToMarkers?: boolean;
  /** Accessible name of the map region, e.g. 'Map of 42 activities'. */
  label: string;
  class?: string;
  /** False for a small static map (no panning, zooming, focus stops or popups). Read once, on mount. */
  interactive?: boolean;
}

export function MapView({ markers, source = null, centre, zoom, position = null, fitToMarkers = false, label, class: className, interactive = true }: MapViewProps) {
  // Reading the signal re-renders on a language change, so controls and markers are relabelled below.
  const lang = language.value;
  const instructionsId = useId();
  const elementRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<LeafletMap | null>(null);
  const shown = useRef<{
    markers: readonly MarkerDescriptor[];
    source: ClusterSource | null;
    fitToMarkers: boolean;
    lang: string;
    lat: number;
    lng: number;
    zoom: number;
  } | null>(null);

  useEffect(() => {
    const element = elementRef.current;
    if (!element) return;
    const map = createLeafletMap(element, { centre, zoom, interactive });
    mapRef.current = map;
    if (source) map.setSource(source, fitToMarkers);
    else map.setMarkers(markers, fitToMarkers);
    map.setPosition(position);
    shown.current = { markers, source, fitToMarkers, lang, lat: centre.lat, lng: centre.lng, zoom };
    return () => {
      mapRef.current = null;
      shown.current = null;
      map.destroy();
    };
    // Created once; the effect below carries later prop changes to the same map.
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    const last = shown.current;
    if (!map || !last) return;
    if (last.lang !== lang) {
      last.lang = lang;
      map.relabel();
    }
    if (source) {
      if (last.source !== source || last.fitToMarkers !== fitToMarkers) map.setSource(source, fitToMarkers);
    } else if (last.source !== null || !sameMarkers(last.markers, markers) || last.fitToMarkers !== fitToMarkers) {
      map.setMarkers(markers, fitToMarkers);
    }
    last.markers = markers;
    last.source = source;
    last.fitToMarkers = fitToMarkers;
    if (last.lat !== centre.lat || last.lng !== centre.lng || last.zoom !== zoom) {
      last.lat = centre.lat;
      last.lng = centre.lng;
      last.zoom = zoom;
      if (!fitToMarkers || (source ? source.size : markers.length) === 0) map.setView(centre, zoom);
    }
  }, [markers, source, fitToMarkers, centre.lat, centre.lng, zoom, lang]);

  useEffect(() => {
    mapRef.current?.setPosition(position);
  }, [position?.lat, position?.lng, position?.label]);

  // The outer element is ours to restyle; Leaflet owns the inner one's classes and children, so its class never changes.
  return (
    <div class={className ? `map-view ${className}` : 'map-view'}>
      <div
        ref={elementRef}
        class="map-view__map"
        role="region"
        aria-label={label}
        aria-roledescription={t('map.roleDescription')}
        aria-describedby={interactive ? instructionsId : undefined}
      />
      {interactive && (
        <p id={instructionsId} class="map-sr-only">
          {t('map.instructions')}
        </p>
      )}
    </div>
  );
}

export default MapView;
