// Lint rules. Besides the TypeScript recommendations, it keeps Leaflet and Dexie behind their one wrapper each.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const wrappedLibraries = {
  paths: [
    { name: 'leaflet', message: 'Use the MapView wrapper in src/map/ instead of importing Leaflet.' },
    { name: 'dexie', message: 'Use the database module in src/storage/ instead of importing Dexie.' },
  ],
  patterns: [
    { group: ['leaflet/*', 'leaflet.*'], message: 'Use the MapView wrapper in src/map/.' },
    { group: ['dexie/*'], message: 'Use the database module in src/storage/.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'coverage/**', 'dev-dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', wrappedLibraries],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The only modules allowed to import the wrapped libraries.
    files: ['src/map/leaflet.ts', 'src/map/MapView.tsx', 'src/storage/db.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The service worker runs in a worker: no window or document there (its own tsconfig says so too).
    files: ['src/pwa/sw.ts'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: ['scripts/**', 'tests/**', '*.config.ts', '*.config.js', 'tests/**/*.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
