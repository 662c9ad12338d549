// `npm run feed:build -- FEED --out DIR`: checks a feed with the app's own checks and writes its built form into DIR:
// index.json (every usable listing without its description: what the first screen downloads), feed-details/ (the
// descriptions, in shards named by their content) and a .br and .gz copy of each file. Point the app's feed address at
// DIR/index.json (README "Publishing your feed"). Exit status: 0 built, 1 the feed cannot be used, 2 bad arguments or
// a file that cannot be read or is not JSON.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseFeedText } from '../src/feed/parse';
import { isIsoDate } from '../src/feed/schema';
import { buildFeed } from './build-feed/build';
import { writeBuiltFiles } from './build-feed/write';

const USAGE = `Usage: npm run feed:build -- FEED --out DIR [--now YYYY-MM-DD]

Builds the form of an activity feed the app loads fastest into DIR: index.json, feed-details/ and
precompressed .br and .gz copies. Records that fail the checks (npm run feed:check) are left out.`;

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

function main(): void {
  let parsedArgs;
  try {
    parsedArgs = parseArgs({ options: { out: { type: 'string' }, now: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`, 2);
  }
  const { values, positionals } = parsedArgs;
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0 || values.out === undefined) fail(USAGE, 2);
  if (values.now !== undefined && !isIsoDate(values.now)) fail(`--now must be a date such as 2026-11-20\n\n${USAGE}`, 2);
  const now = values.now === undefined ? new Date() : new Date(`${values.now}T00:00:00Z`);

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`${file}: cannot read the file: ${error instanceof Error ? error.message : String(error)}`, 2);
  }
  const json = parseFeedText(text);
  if (!json.ok) fail(`${file}${json.line === undefined ? '' : `:${json.line}:${json.column ?? 1}`}: not valid JSON: ${json.message}`, 2);

  const { check, files } = buildFeed(json.value, { now });
  const errors = check.problems.filter((p) => p.level === 'error');
  if (!files || !check.feed) {
    fail(`${file}: the feed cannot be used: ${errors[0]?.path ?? ''} ${errors[0]?.detail ?? ''}\nRun npm run feed:check -- ${file} for every problem.`, 1);
  }
  const written = writeBuiltFiles(values.out, files);
  const [index, ...shards] = written;
  const shardBytes = (key: 'raw' | 'brotli' | 'gzip') => shards.reduce((total, shard) => total + shard[key], 0);
  const lines = [
    `${check.feed.activities.length} activities built into ${values.out}/${check.skipped.activities > 0 ? ` (${check.skipped.activities} left out: they fail the checks, see npm run feed:check)` : ''}`,
    `  ${index?.path}: ${kB(index?.raw ?? 0)}, brotli ${kB(index?.brotli ?? 0)}, gzip ${kB(index?.gzip ?? 0)} (what the first screen downloads)`,
    `  ${shards.length} description shard${shards.length === 1 ? '' : 's'}: ${kB(shardBytes('raw'))} in all, brotli ${kB(shardBytes('brotli'))}, gzip ${kB(shardBytes('gzip'))}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
