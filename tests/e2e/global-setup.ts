// Builds the app once for all journeys (set E2E_SKIP_BUILD=1 to reuse the last build while iterating).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { E2E_DIST } from './paths';

export default function setup(): void {
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(E2E_DIST)) return;
  execFileSync('npx', ['vite', 'build', '--outDir', E2E_DIST, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
}
