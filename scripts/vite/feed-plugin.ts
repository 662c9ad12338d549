// Ships the sample feed in built form (`npm run feed:build`): after `vite build`, dist/feed.json (copied from public/)
// is replaced by its built index, with feed-details/ and .br/.gz copies beside it. The app tells the two forms apart
// by content, so the feed address stays /feed.json and a hub's plain feed served there still works.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { parseFeedText } from '../../src/feed/parse';
import { buildFeed } from '../build-feed/build';
import { writeBuiltFiles } from '../build-feed/write';

export function builtFeedPlugin(feedFile = 'feed.json'): Plugin {
  let outDir = 'dist';
  return {
    name: 'thriving-communities:built-feed',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const source = join(outDir, feedFile);
      if (!existsSync(source)) return;
      const parsed = parseFeedText(readFileSync(source, 'utf8'));
      if (!parsed.ok) throw new Error(`${feedFile}: not valid JSON: ${parsed.message}`);
      const { check, files } = buildFeed(parsed.value, { indexName: feedFile });
      if (!files) throw new Error(`${feedFile} cannot be used: run npm run feed:check -- public/${feedFile} (${check.problems[0]?.detail ?? ''})`);
      writeBuiltFiles(outDir, files);
    },
  };
}
