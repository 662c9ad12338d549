// Leaves out of the map chunk what Leaflet carries for browsers or features the app's map never meets:
// - four modules that Leaflet's own marker and popup modules import but the map never uses: marker dragging, vector
//   paths, feature groups and the default image icon. Each is replaced by a small stand-in (src/map/leaflet-unused.ts)
//   that keeps what those importers do with it.
// - its browser detection, which probes for Internet Explorer, VML and the like: replaced by the same flags worked out
//   for the browsers that can run the app at all (src/map/leaflet-browser.ts).
// Only imports made from inside Leaflet's ES sources are redirected.
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const STAND_INS = fileURLToPath(new URL('../../src/map/leaflet-unused.ts', import.meta.url));
const BROWSER = fileURLToPath(new URL('../../src/map/leaflet-browser.ts', import.meta.url));
const UNUSED = new Set(['./Marker.Drag', './vector/Path', './FeatureGroup', './Icon.Default']);
const LEAFLET_SOURCES = /[\\/]node_modules[\\/]leaflet[\\/]src[\\/]/;
const BROWSER_MODULE = /^(\.\.?\/)+core\/Browser(\.js)?$|^\.\/Browser(\.js)?$/;

export function leafletTrim(): Plugin {
  return {
    name: 'tc-leaflet-trim',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !LEAFLET_SOURCES.test(importer)) return undefined;
      if (UNUSED.has(source)) return STAND_INS;
      if (BROWSER_MODULE.test(source)) return BROWSER;
      return undefined;
    },
  };
}
