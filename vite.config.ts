// Build settings. FEED_URL, TILE_URL and TILE_ATTRIBUTION are read from the environment at build time (README "Settings").
// The service worker (src/pwa/sw.ts, built to /sw.js) and the web app manifest come from vite-plugin-pwa (README "Offline
// use and installing").
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { builtFeedPlugin } from './scripts/vite/feed-plugin';
import { cspPlugin } from './scripts/vite/csp';
import { precompress } from './scripts/vite/precompress';
import { browseWorkerChunk } from './scripts/vite/worker-chunk';
import { leafletTrim } from './scripts/vite/leaflet-trim';
import { feedPreload } from './scripts/vite/feed-preload';

const THEME_COLOUR = '#1f5f5b'; // --colour-primary in src/app/styles.css: the header
const BACKGROUND_COLOUR = '#fbf8f3'; // --colour-background

export default defineConfig({
  plugins: [
    precompress(), // .br and .gz beside every text file, written last (enforce: 'post')
    preact(),
    builtFeedPlugin(), // dist/feed.json in built form (README "Publishing your feed")
    browseWorkerChunk(), // the search worker for region-wide feeds, sharing the app's chunks (src/browse/remote.ts)
    leafletTrim(), // four Leaflet modules the map never uses, left out (src/map/leaflet-unused.ts)
    // The Content-Security-Policy <meta> of the built index.html, from the settings (README "Security headers").
    cspPlugin(),
    feedPreload(), // the feed's download starts with the page's, not after the code has run
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/pwa',
      filename: 'sw.ts', // built as /sw.js: never rename it, or installed copies would never hear of updates
      // src/pwa/register.ts registers it with workbox-window after the first screen is drawn.
      injectRegister: false,
      // The kill switch (README "If a bad service worker goes out"): SW_KILL_SWITCH=1 builds a /sw.js that takes over at
      // once, deletes every cache, unregisters itself and reloads open pages from the network.
      selfDestroying: process.env.SW_KILL_SWITCH === '1',
      // The manifest and its icons are in globPatterns below; the plugin adds the manifest itself.
      includeManifestIcons: false,
      injectManifest: {
        // The app shell, every JS chunk a screen may need offline, and CSS: what a first visit downloads in the
        // background (its size budget: tests/e2e/first-screen.e2e.ts). Kept when first used instead (src/pwa/sw.ts):
        // the map (Leaflet: a quarter of all the JavaScript, useless offline without tiles that were looked at online) and
        // the strings (JSON files; src/pwa/keep-for-offline.ts keeps the reader's language), the poster page (printed
        // by a centre online), the database code (Dexie: fetched by the screens that save or send, src/app/App.tsx), the
        // full feed checker (only for a plain, unbuilt feed). Not the feed (runtime-cached, see sw.ts), not the PNG icons
        // and screenshots (the browser and app stores fetch them, the app never shows them).
        globPatterns: ['**/*.{html,js,css,svg,woff2}'],
        globIgnores: ['screenshots/**', 'sw.js', '**/*.map', 'assets/MapView-*', 'assets/PosterScreen-*', 'assets/db-*', 'assets/check-*'],
        // Leaflet's map chunk is the biggest file, about 170 kB; anything near this limit is a mistake worth failing on.
        maximumFileSizeToCacheInBytes: 1024 * 1024,
      },
      manifest: {
        id: '/',
        name: 'Thriving Communities',
        short_name: 'Thriving',
        description: 'Find community groups and activities near you, save the ones you like, and ask your local social-prescribing service for support.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        // The manifest cannot follow the reader's language: it is English and left-to-right, and the app switches language inside.
        lang: 'en',
        dir: 'ltr',
        theme_color: THEME_COLOUR,
        background_color: BACKGROUND_COLOUR,
        categories: ['health', 'lifestyle', 'social'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
        shortcuts: [
          {
            name: 'Favourites',
            short_name: 'Favourites',
            description: 'The groups and activities you saved',
            url: '/favourites',
            icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
          },
        ],
        screenshots: [
          { src: '/screenshots/narrow.png', sizes: '360x780', type: 'image/png', form_factor: 'narrow', label: 'Groups and activities near you, on a phone' },
          { src: '/screenshots/wide.png', sizes: '1280x800', type: 'image/png', form_factor: 'wide', label: 'Groups and activities near you, on a computer' },
        ],
      },
    }),
  ],
  envPrefix: ['FEED_URL', 'TILE_', 'APP_VERSION'],
  build: {
    target: 'es2022',
    // Every browser the app supports (ES2022 modules) knows <link rel="modulepreload">: no polyfill in the first download.
    modulePreload: { polyfill: false },
    minify: 'terser',
    terserOptions: { ecma: 2020, module: true, compress: { passes: 3, pure_getters: true, keep_fargs: false, unsafe_arrows: true, toplevel: true }, mangle: { toplevel: true }, format: { comments: false } },
    sourcemap: false,
    reportCompressedSize: false,
  },
});
