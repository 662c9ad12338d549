// Build-time settings (environment variables read by Vite when the app is built; see README "Settings").
export const settings = {
  /** Where the activity feed is fetched from at run time. */
  feedUrl: import.meta.env.FEED_URL || '/feed.json',
  /** Map tiles: URL template and the attribution their provider requires. */
  tileUrl: import.meta.env.TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  tileAttribution: import.meta.env.TILE_ATTRIBUTION || '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
  appVersion: import.meta.env.APP_VERSION || '0.0.0',
} as const;
