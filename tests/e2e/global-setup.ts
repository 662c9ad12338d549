// Builds the app once for all journeys (set E2E_SKIP_BUILD=1 to reuse the last build while iterating).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { E2E_DIST, TEST_TILE_URL } from './paths';

export default function setup(): void {
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(E2E_DIST)) return;
  // Map tiles come from the test server (no internet here); everything else is the production build (vitest sets
  // NODE_ENV=test, which would otherwise give development builds of Preact and of the service worker's Workbox).
  execFileSync('npx', ['vite', 'build', '--outDir', E2E_DIST, '--emptyOutDir', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', TILE_URL: TEST_TILE_URL, TILE_ATTRIBUTION: '© OpenStreetMap contributors (test tiles)' },
  });
}
