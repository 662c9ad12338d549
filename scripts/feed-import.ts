// `npm run feed:import -- --from oruk|openactive|csv INPUT... --out FILE`: turns the listings a hub already keeps
// (an Open Referral UK directory, an OpenActive feed, a spreadsheet) into an activity feed, format 1. Everything
// the importer could not use is listed per source record on stderr. The result is checked with the same code as
// `npm run feed:check` and only written if it has no errors.
// Exit status: 0 written (maybe with warnings), 1 nothing usable or the feed would not pass the check,
// 2 bad options or unreadable input.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkFeed } from '../src/feed/check';
import { parseFeedText } from '../src/feed/parse';
import { isIsoDate, isTimeZone } from '../src/feed/schema';
import type { ImportWarning } from './import/common';
import { importCsv } from './import/csv';
import { buildFeed, type ImportOptions, type ImportResult } from './import/feed';
import { importOpenActive } from './import/openactive';
import { importOruk } from './import/oruk';

const USAGE = `Usage: npm run feed:import -- --from oruk|openactive|csv INPUT... --out FILE [options]

Makes an activity feed (format 1) from listings kept elsewhere:
  --from oruk        Open Referral UK services (UK profile or version 3): JSON files holding a list of
                     services or a paged API response ({"content": [...]})
  --from openactive  OpenActive RPDE pages: page files, or folders of them (read in name order)
  --from csv         spreadsheets saved as CSV from scripts/import/templates/activities-template.csv
Options:
  --out FILE           where to write the feed (required)
  --town NAME          the area's name (default: the most common town in the venues' addresses)
  --centre LAT,LNG     the map's centre (default: the middle of the venues)
  --zoom N             the map's starting zoom (default 12)
  --base FEED          keep the area (with its places) and referral details of this existing feed
  --publisher NAME     list records that name no organisation under this organisation
  --time-zone ZONE     the area's time zone (default Europe/London)
  --now YYYY-MM-DD     import as if it were that day (00:00 UTC), for reproducible output
  --json               print the result as JSON on stdout instead of a summary on stderr
Exit status: 0 written (warnings allowed), 1 nothing usable or the feed would not pass feed:check,
2 bad options or unreadable input. See scripts/import/README.md for the mappings.`;

const SOURCES = ['oruk', 'openactive', 'csv'] as const;
type SourceKind = (typeof SOURCES)[number];

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const OPTIONS = {
  from: { type: 'string' },
  out: { type: 'string' },
  town: { type: 'string' },
  centre: { type: 'string' },
  zoom: { type: 'string' },
  base: { type: 'string' },
  publisher: { type: 'string' },
  'time-zone': { type: 'string', default: 'Europe/London' },
  now: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function readArguments() {
  try {
    return parseArgs({ options: OPTIONS, allowPositionals: true });
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`, 2);
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'no such file' : String(error);
    return fail(`${file}: cannot read the file: ${reason}`, 2);
  }
}

function readJson(file: string): unknown {
  const parsed = parseFeedText(readText(file));
  if (!parsed.ok) fail(`${parsed.line === undefined ? file : `${file}:${parsed.line}:${parsed.column ?? 1}`}: not valid JSON: ${parsed.message}`, 2);
  return parsed.value;
}

/** Input files, with folders opened: their .json files in natural name order (page-2 before page-10). */
function expandInputs(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    let isFolder = false;
    try {
      isFolder = statSync(input).isDirectory();
    } catch {
      fail(`${input}: cannot read the file: no such file`, 2);
    }
    if (!isFolder) {
      files.push(input);
      continue;
    }
    const names = readdirSync(input).filter((name) => name.toLowerCase().endsWith('.json'));
    names.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    if (names.length === 0) fail(`${input}: the folder has no .json page files`, 2);
    files.push(...names.map((name) => join(input, name)));
  }
  return files;
}

function runImporter(kind: SourceKind, files: readonly string[], options: ImportOptions): ImportResult {
  switch (kind) {
    case 'oruk':
      return importOruk(files.map((file) => ({ name: basename(file), json: readJson(file) })), options);
    case 'openactive':
      return importOpenActive(files.map((file) => ({ name: basename(file), json: readJson(file) })), options);
    case 'csv':
      return importCsv(files.map((file) => ({ name: basename(file), text: readText(file) })), options);
  }
}

function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const date = isIsoDate(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) fail(`--now must be a date such as 2026-11-20 (got ${JSON.stringify(value)})`, 2);
  return date;
}

function parseCentre(value: string | undefined): { lat: number; lng: number } | undefined {
  if (value === undefined) return undefined;
  const [lat, lng, ...rest] = value.split(',').map((part) => Number(part.trim()));
  if (lat === undefined || lng === undefined || rest.length > 0 || !(Math.abs(lat) <= 90) || !(Math.abs(lng) <= 180)) {
    fail(`--centre must be a latitude and longitude such as 53.5409,-2.1114 (got ${JSON.stringify(value)})`, 2);
  }
  return { lat, lng };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function warningLines(groups: ReadonlyMap<string, readonly ImportWarning[]>): string[] {
  const lines: string[] = [];
  for (const [source, list] of groups) {
    lines.push(`${source}:`);
    for (const warning of list) lines.push(`  ${warning.field ? `${warning.field}: ` : ''}${warning.message}`);
  }
  return lines;
}

function main(): void {
  const { values, positionals } = readArguments();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const kind = values.from as SourceKind | undefined;
  if (kind === undefined || !SOURCES.includes(kind)) fail(`--from must be one of ${SOURCES.join(', ')}\n\n${USAGE}`, 2);
  if (values.out === undefined) fail(`--out FILE is required\n\n${USAGE}`, 2);
  if (positionals.length === 0) fail(`give at least one input file\n\n${USAGE}`, 2);
  const timeZone = values['time-zone'];
  if (!isTimeZone(timeZone)) fail(`--time-zone must be an IANA time zone such as Europe/London (got ${JSON.stringify(timeZone)})`, 2);
  const now = parseNow(values.now);
  const centre = parseCentre(values.centre);
  const zoom = values.zoom === undefined ? undefined : Number(values.zoom);
  if (zoom !== undefined && !(zoom >= 0 && zoom <= 22)) fail(`--zoom must be a number from 0 to 22 (got ${JSON.stringify(values.zoom)})`, 2);
  let base: Record<string, unknown> | undefined;
  if (values.base !== undefined) {
    const json = readJson(values.base);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) fail(`${values.base}: is not a feed`, 2);
    base = json as Record<string, unknown>;
  }

  const files = expandInputs(positionals);
  const options: ImportOptions = { now, timeZone };
  if (values.publisher) options.publisher = values.publisher;
  const result = runImporter(kind, files, options);
  const warnings = result.warnings.list;

  const built = result.activities.length === 0 ? { error: 'no activity could be imported' } : buildFeed(result, {
    now, timeZone, town: values.town, centre, zoom, base,
  });
  const check = 'feed' in built ? checkFeed(built.feed, { now }) : undefined;
  const errors = check?.problems.filter((problem) => problem.level === 'error') ?? [];
  const checkWarnings = check?.problems.filter((problem) => problem.level === 'warning') ?? [];
  const ok = 'feed' in built && errors.length === 0;
  if (ok) {
    mkdirSync(dirname(values.out), { recursive: true });
    writeFileSync(values.out, `${JSON.stringify(built.feed, null, 2)}\n`);
  }

  const counts = 'feed' in built
    ? { activities: built.feed.activities.length, venues: (built.feed.venues as unknown[]).length, organisations: (built.feed.organisations as unknown[]).length, categories: (built.feed.categories as unknown[]).length }
    : { activities: 0, venues: 0, organisations: 0, categories: 0 };
  if (values.json) {
    const report = {
      ok,
      from: kind,
      inputs: files,
      out: ok ? values.out : null,
      ...counts,
      warnings,
      check: check === undefined ? null : { errors: errors.length, warnings: checkWarnings.length, problems: check.problems },
      error: 'error' in built ? built.error : errors.length > 0 ? 'the imported feed does not pass feed:check' : undefined,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const lines = warningLines(result.warnings.grouped());
    if (check !== undefined && check.problems.length > 0) {
      lines.push('feed:check on the result:');
      for (const problem of [...errors, ...checkWarnings]) lines.push(`  ${problem.level} ${problem.message}`);
    }
    const sources = new Set(warnings.map((warning) => warning.source)).size;
    const about = warnings.length === 0 ? 'no warnings' : `${plural(warnings.length, 'warning')} about ${plural(sources, 'source record')}`;
    if (ok) {
      lines.push(`Imported ${plural(counts.activities, 'activity').replace('activitys', 'activities')} (${plural(counts.venues, 'venue')}, ${plural(counts.organisations, 'organisation')}, ${counts.categories} ${counts.categories === 1 ? 'category' : 'categories'}) from ${plural(files.length, 'file')} into ${values.out}; ${about}.`);
    } else if ('error' in built) {
      lines.push(`Nothing written: ${built.error} (${about}).`);
    } else {
      lines.push(`Nothing written: the feed would have ${plural(errors.length, 'error')} in feed:check (listed above).`);
    }
    process.stderr.write(`${lines.join('\n')}\n`);
  }
  process.exitCode = ok ? 0 : 1;
}

main();
