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

/** The browse worker's script URL (scripts/vite/worker-chunk.ts): built as a chunk of the app, sharing its modules. */
declare module 'virtual:browse-worker-url' {
  const url: string;
  export default url;
}
