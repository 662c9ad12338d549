import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The journeys' build; E2E_DIST_DIR moves it, so two people (or two runs) on one machine do not rebuild under each other. */
export const E2E_DIST = process.env.E2E_DIST_DIR ? resolve(process.env.E2E_DIST_DIR) : fileURLToPath(new URL('../../dist-e2e/', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('./.artifacts/', import.meta.url));

/** The e2e build's tile URL template, answered by the test server with a plain tile. */
export const TEST_TILE_URL = '/test-tiles/{z}/{x}/{y}.png';
