// Leaflet's ES modules (node_modules/leaflet/src/), which src/map/leaflet.ts imports instead of the whole UMD bundle so
// the map chunk holds only the parts the app uses. Types only: each module is described by @types/leaflet's types for
// the same export. The interaction handlers (map/handler/*.js) are imported for their side effect alone: no types
// needed.
declare module 'leaflet/src/map/Map.js' {
  export { map as createMap } from 'leaflet';
}

declare module 'leaflet/src/control/Control.js' {
  export { Control } from 'leaflet';
}

declare module 'leaflet/src/control/Control.Zoom.js' {
  import type { control } from 'leaflet';
  export const zoom: typeof control.zoom;
}

declare module 'leaflet/src/layer/LayerGroup.js' {
  export { layerGroup } from 'leaflet';
}

declare module 'leaflet/src/layer/Popup.js' {
  // Also adds openPopup and closePopup to Map.
  export { popup } from 'leaflet';
}

declare module 'leaflet/src/layer/marker/Marker.js' {
  export { marker } from 'leaflet';
}

declare module 'leaflet/src/layer/marker/DivIcon.js' {
  export { divIcon } from 'leaflet';
}

declare module 'leaflet/src/layer/tile/TileLayer.js' {
  export { tileLayer } from 'leaflet';
}

declare module 'leaflet/src/geo/LatLng.js' {
  export { latLng as toLatLng } from 'leaflet';
}

declare module 'leaflet/src/dom/DomUtil.js' {
  import type { DomUtil } from 'leaflet';
  export const create: typeof DomUtil.create;
}

declare module 'leaflet/src/dom/DomEvent.js' {
  import type { DomEvent } from 'leaflet';
  export const disableClickPropagation: typeof DomEvent.disableClickPropagation;
}

declare module 'leaflet/src/layer/marker/Icon.js' {
  export { Icon } from 'leaflet';
}
