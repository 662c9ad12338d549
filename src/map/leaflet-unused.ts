// Stand-ins for Leaflet modules that its marker and popup modules import but the app's map never uses, put in their
// place at build time by scripts/vite/leaflet-trim.ts. Each keeps exactly what those importers do with it.
import { Icon } from 'leaflet/src/layer/marker/Icon.js';

/** Markers are never draggable: Marker.js leaves out its drag handler when this is undefined (it checks). */
export const MarkerDrag = undefined;

/** No vector layers: Popup.js only asks whether a popup's source is one (`instanceof`), which nothing is. */
export class Path {}

/** No feature groups: DivOverlay.js and Popup.js only ask `instanceof`. */
export class FeatureGroup {}

/** Every marker gets its own divIcon (src/map/leaflet.ts): the default image icon, which reads its path from CSS, is never drawn. */
export const IconDefault = Icon;
