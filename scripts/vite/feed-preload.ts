// The feed is the first screen's biggest wait: the app asks for it only once its code has arrived and run. A preload in
// the built index.html starts the download with the page instead, beside the code (on a slow 4G line about one round
// trip and the code's download earlier). `as="fetch"` with `crossorigin="anonymous"` is exactly the request the app
// makes (src/feed/load.ts: a plain fetch, same-origin credentials), so the browser hands the app this response and never
// downloads the feed twice. The feed's address comes from the settings (FEED_URL), as in the app.
import { loadEnv, type Plugin } from 'vite';
import { DEFAULT_FEED_URL } from './csp';

export function feedPreload(): Plugin {
  let feedUrl = DEFAULT_FEED_URL;
  return {
    name: 'thriving-communities:feed-preload',
    apply: 'build',
    configResolved(config) {
      feedUrl = loadEnv(config.mode, config.envDir || config.root, '').FEED_URL || DEFAULT_FEED_URL;
    },
    transformIndexHtml: () => [{ tag: 'link', attrs: { rel: 'preload', href: feedUrl, as: 'fetch', crossorigin: 'anonymous' }, injectTo: 'head' }],
  };
}
