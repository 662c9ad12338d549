// Writes built files into a folder, each with its .br and .gz copies beside it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compressed, type BuiltFile } from './build';

export interface WrittenFile {
  path: string;
  raw: number;
  brotli: number;
  gzip: number;
}

/** `compress: false` writes the plain files only (tests serving a feed over loopback, where brotli's minutes buy nothing). */
export function writeBuiltFiles(outDir: string, files: readonly BuiltFile[], { compress = true } = {}): WrittenFile[] {
  return files.map(({ path, body }) => {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, body);
    if (!compress) return { path, raw: body.length, brotli: NaN, gzip: NaN };
    const { br, gz } = compressed(body);
    writeFileSync(`${target}.br`, br);
    writeFileSync(`${target}.gz`, gz);
    return { path, raw: body.length, brotli: br.length, gzip: gz.length };
  });
}
