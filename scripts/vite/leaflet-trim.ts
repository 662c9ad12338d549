// Leaves out of the map chunk four Leaflet modules that Leaflet's own marker and popup modules import but the app's map
// never uses: marker dragging, vector paths, feature groups and the default image icon. Each is replaced by a small
// stand-in (src/map/leaflet-unused.ts) that keeps what those importers do with it. Only imports made from inside
// Leaflet's ES sources are redirected.
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const STAND_INS = fileURLToPath(new URL('../../src/map/leaflet-unused.ts', import.meta.url));
const UNUSED = new Set(['./Marker.Drag', './vector/Path', './FeatureGroup', './Icon.Default']);
const LEAFLET_SOURCES = /[\\/]node_modules[\\/]leaflet[\\/]src[\\/]/;

export function leafletTrim(): Plugin {
  return {
    name: 'tc-leaflet-trim',
    enforce: 'pre',
    resolveId(source, importer) {
      return importer && LEAFLET_SOURCES.test(importer) && UNUSED.has(source) ? STAND_INS : undefined;
    },
  };
}
