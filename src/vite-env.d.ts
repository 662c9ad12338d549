/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly FEED_URL?: string;
  readonly TILE_URL?: string;
  readonly TILE_ATTRIBUTION?: string;
  readonly APP_VERSION?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
