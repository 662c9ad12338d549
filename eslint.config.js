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

// Every word a person sees goes through i18next: text written straight into JSX, or into the attributes screen readers
// and tooltips read, is an error. Punctuation and symbols (' · ', '–') are fine.
const USER_VISIBLE_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'title', 'placeholder', 'alt', 'label']);
const hasLetters = (text) => /\p{L}/u.test(text);
const i18nPlugin = {
  rules: {
    'no-literal-text': {
      meta: { type: 'problem', messages: { literal: 'User-visible text "{{text}}" must come from i18next t().' } },
      create(context) {
        const report = (node, text) => context.report({ node, messageId: 'literal', data: { text: text.trim().slice(0, 40) } });
        return {
          JSXText(node) {
            if (hasLetters(node.value)) report(node, node.value);
          },
          JSXAttribute(node) {
            const name = typeof node.name.name === 'string' ? node.name.name : '';
            if (!USER_VISIBLE_ATTRIBUTES.has(name) || !node.value) return;
            if (node.value.type === 'Literal' && typeof node.value.value === 'string' && hasLetters(node.value.value)) report(node, node.value.value);
            if (node.value.type === 'JSXExpressionContainer' && node.value.expression.type === 'Literal' && typeof node.value.expression.value === 'string' && hasLetters(node.value.expression.value)) {
              report(node, node.value.expression.value);
            }
          },
        };
      },
    },
  },
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
    files: ['src/**/*.tsx'],
    plugins: { i18n: i18nPlugin },
    rules: { 'i18n/no-literal-text': 'error' },
  },
  {
    // The only modules allowed to import the wrapped libraries.
    files: ['src/map/leaflet.ts', 'src/map/leaflet-src.d.ts', 'src/map/MapView.tsx', 'src/storage/db.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Stand-ins for Leaflet modules (scripts/vite/leaflet-trim.ts): empty classes are what `instanceof` needs there.
    files: ['src/map/leaflet-unused.ts'],
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-extraneous-class': 'off' },
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
