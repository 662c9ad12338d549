// Writes a brotli (.br) and a gzip (.gz) copy next to every text file of the build, once, at the highest settings, so
// the server sends them as they are (scripts/server/static.ts picks the sibling the browser accepts) instead of
// compressing on every request or not at all. The size budgets (tests/e2e/first-screen.e2e.ts) measure these same
// settings: brotli quality 11, gzip level 9.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

/** Files worth compressing: text. Images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|json|svg|webmanifest|txt)$/;

export function brotli(bytes: Buffer): Buffer {
  return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
}

export function gzip(bytes: Buffer): Buffer {
  return gzipSync(bytes, { level: 9 });
}

async function* filesUnder(folder: string): AsyncGenerator<string> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** Compresses every text file in the output folder, after every other plugin (the service worker's build included). */
export function precompress(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'thriving-communities:precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const outDir = resolve(config.root, config.build.outDir);
        for await (const path of filesUnder(outDir)) {
          if (!COMPRESSIBLE.test(path)) continue;
          const bytes = await readFile(path);
          // Tiny files gain nothing (and the headers would outweigh the saving).
          if (bytes.length < 256) continue;
          await writeFile(`${path}.br`, brotli(bytes));
          await writeFile(`${path}.gz`, gzip(bytes));
        }
      },
    },
  };
}
