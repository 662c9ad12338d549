// Unit and component tests. End-to-end journeys have their own config (tests/e2e/vitest.config.ts).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [preact()],
  // The Dexie build the app ships (its ES build for modern browsers, which a browser build picks from the package's
  // exports), not the package's wrapper for Node around its ES5 file: the database tests run the code that ships. A
  // file path, because the exports list no such subpath.
  resolve: { alias: [{ find: /^dexie$/, replacement: fileURLToPath(new URL('node_modules/dexie/dist/modern/dexie.mjs', import.meta.url)) }] },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'components', include: ['tests/components/**/*.test.tsx'], environment: 'jsdom', setupFiles: ['tests/components/setup.ts'] },
      },
    ],
  },
});
