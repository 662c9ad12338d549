import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const E2E_DIST = fileURLToPath(new URL('../../dist-e2e/', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('./.artifacts/', import.meta.url));
