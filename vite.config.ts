// Build settings. FEED_URL, TILE_URL and TILE_ATTRIBUTION are read from the environment at build time (README "Settings").
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [preact()],
  envPrefix: ['FEED_URL', 'TILE_', 'APP_VERSION'],
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
});
