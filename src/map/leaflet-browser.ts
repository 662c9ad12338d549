// Leaflet's browser detection (leaflet/src/core/Browser.js) for the browsers this app runs in at all: ES2022 modules,
// so no Internet Explorer, EdgeHTML, Presto Opera or Android 2–3 stock browser. Put in its place at build time by
// scripts/vite/leaflet-trim.ts. It has the flags that the Leaflet modules in the map chunk read, with the values
// Browser.js itself works out in those browsers (3D transforms, passive listeners and Pointer Events are everywhere);
// the probes for the old ones (VML, MSPointer, WebKitCSSMatrix) are left out. A Leaflet upgrade that reads another
// flag finds it undefined (falsy): the map journeys (tests/e2e) are the check.
const agent = navigator.userAgent.toLowerCase();
const global = window as Window & { L_DISABLE_3D?: boolean; L_NO_TOUCH?: boolean };
const pointer = typeof PointerEvent === 'function';
const touchNative = 'ontouchstart' in window || typeof TouchEvent === 'function';
const chrome = agent.includes('chrome');

export default {
  ie3d: false,
  ielt9: false,
  edge: false,
  msPointer: false,
  mobileOpera: false,
  any3d: !global.L_DISABLE_3D,
  chrome,
  safari: !chrome && agent.includes('safari'),
  mobile: typeof (window as { orientation?: unknown }).orientation !== 'undefined' || agent.includes('mobile'),
  mac: navigator.platform.startsWith('Mac'),
  linux: navigator.platform.startsWith('Linux'),
  pointer,
  touchNative,
  touch: !global.L_NO_TOUCH && (touchNative || pointer),
  passiveEvents: true,
  retina: window.devicePixelRatio > 1,
};
