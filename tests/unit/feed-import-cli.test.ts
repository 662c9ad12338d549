// Runs `scripts/feed-import.ts` as a hub worker would, on each fixture set, into a temporary folder: the written
// feed must pass the feed checker with no errors, and bad input must give the documented exit codes.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFeed } from '../../src/feed/check';

const root = resolve(import.meta.dirname, '../..');
const NOW = new Date('2026-11-23T00:00:00Z');
let folder = '';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runImporter(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/feed-import.ts', ...args], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      done({ code, stdout, stderr });
    });
  });
}

function readFeed(file: string): Record<string, unknown> & { activities: { id: string; name: string }[] } {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { activities: { id: string; name: string }[] };
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'feed-import-'));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

const SETS = [
  { from: 'oruk', inputs: ['tests/fixtures/import/oruk/services-v1.json', 'tests/fixtures/import/oruk/services-v3-page.json'], activities: 6 },
  { from: 'openactive', inputs: ['tests/fixtures/import/openactive'], activities: 5 },
  { from: 'csv', inputs: ['tests/fixtures/import/csv/hub-listings.csv'], activities: 3 },
  { from: 'csv', inputs: ['scripts/import/templates/activities-example.csv'], activities: 7 },
];

describe('npm run feed:import', { timeout: 90_000 }, () => {
  for (const set of SETS) {
    it(`imports ${set.inputs.join(' ')} (${set.from}) into a feed that passes feed:check with no errors`, async () => {
      const out = join(folder, set.from, `${set.inputs.length}-${set.activities}.json`);
      const run = await runImporter('--from', set.from, ...set.inputs, '--out', out, '--now', '2026-11-23');
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(new RegExp(`^Imported ${set.activities} activities \\(.*\\) from \\d+ files? into ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}; .*\\.$`, 'm'));
      const feed = readFeed(out);
      expect(feed).toMatchObject({ format: 'activity-feed', version: 1, generated: '2026-11-23T00:00:00Z', defaultLanguage: 'en', area: { name: 'Oldham', timeZone: 'Europe/London', zoom: 12 } });
      const result = checkFeed(feed, { now: NOW });
      expect(result.problems.filter((problem) => problem.level === 'error')).toEqual([]);
      expect(result.feed?.activities).toHaveLength(set.activities);
    });
  }

  it('lists warnings per source record on stderr, and all of them with --json', async () => {
    const out = join(folder, 'oa.json');
    const text = await runImporter('--from', 'openactive', 'tests/fixtures/import/openactive', '--out', out, '--now', '2026-11-23');
    expect(text.stderr).toContain('SessionSeries ss-106 (Tai Chi in the Park):\n  coordinates: has coordinates outside the valid range (latitude 153.5361, longitude -2.1322); they were dropped\n  location.geo: its place "Werneth Park" cannot be shown on the map; it was not imported\n');
    const json = await runImporter('--from', 'openactive', 'tests/fixtures/import/openactive', '--out', out, '--now', '2026-11-23', '--json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { ok: boolean; activities: number; venues: number; warnings: { source: string }[]; check: { errors: number } };
    expect(report).toMatchObject({ ok: true, activities: 5, venues: 3, check: { errors: 0 } });
    expect(report.warnings.map((warning) => warning.source)).toContain('ScheduledSession ss-999-s1');
  });

  it('keeps the area places and referral details of --base, and names the town with --town', async () => {
    const out = join(folder, 'based.json');
    const run = await runImporter('--from', 'csv', 'scripts/import/templates/activities-example.csv', '--out', out, '--now', '2026-11-23', '--base', 'public/feed.json', '--town', 'Oldham borough');
    expect(run.code).toBe(0);
    const base = readFeed(join(root, 'public/feed.json')) as unknown as { area: { places: unknown[] }; referral: unknown };
    const feed = readFeed(out) as unknown as { area: { name: string; places: unknown[] }; referral: unknown };
    expect(feed.area.name).toBe('Oldham borough');
    expect(feed.area.places).toEqual(base.area.places);
    expect(feed.referral).toEqual(base.referral);
  });

  it('gives the same file for the same input (stable ids and order)', async () => {
    const first = join(folder, 'same-1.json');
    const second = join(folder, 'same-2.json');
    await Promise.all([
      runImporter('--from', 'oruk', 'tests/fixtures/import/oruk/services-v1.json', '--out', first, '--now', '2026-11-23'),
      runImporter('--from', 'oruk', 'tests/fixtures/import/oruk/services-v1.json', '--out', second, '--now', '2026-11-23'),
    ]);
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
  });

  it('exits 2 for a missing file, a file that is not JSON or an unknown --from, and writes nothing', async () => {
    const out = join(folder, 'never.json');
    const broken = join(folder, 'broken.json');
    writeFileSync(broken, '[{"id": "a",\n  "name": }]');
    // Four runs at once: each starts a TypeScript runner, which is slow on a busy machine.
    const [missing, notJson, unknown, noOut] = await Promise.all([
      runImporter('--from', 'oruk', 'no-such-file.json', '--out', out),
      runImporter('--from', 'oruk', broken, '--out', out),
      runImporter('--from', 'excel', 'x.xlsx', '--out', out),
      runImporter('--from', 'csv', 'scripts/import/templates/activities-example.csv'),
    ]);
    expect(missing).toMatchObject({ code: 2, stderr: 'no-such-file.json: cannot read the file: no such file\n' });
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:\\d+: not valid JSON`));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--from must be one of oruk, openactive, csv');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out FILE is required');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 and writes nothing when the result would not pass feed:check (here: a --base feed with a bad area)', async () => {
    const out = join(folder, 'unchecked.json');
    const base = join(folder, 'bad-base.json');
    writeFileSync(base, JSON.stringify({ area: { name: 'Oldham', timeZone: 'Europe/London', centre: { lat: 253.5, lng: -2.11 }, zoom: 12 } }));
    const run = await runImporter('--from', 'csv', 'scripts/import/templates/activities-example.csv', '--out', out, '--now', '2026-11-23', '--base', base);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('feed:check on the result:\n  error feed: area.centre.lat must be between -90 and 90');
    expect(run.stderr).toMatch(/Nothing written: the feed would have 1 error in feed:check \(listed above\)\.\n$/);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 and writes nothing when no record can be used', async () => {
    const out = join(folder, 'empty.json');
    const csv = join(folder, 'bad.csv');
    writeFileSync(csv, 'name,summary,organisation,venue,lat,lng,days,start,end,cost\nAllotment Club,Grow vegetables together.,Greener Oldham,Glodwick allotments,535.366,-2.0975,Wed,10:00,12:00,Free\n');
    const run = await runImporter('--from', 'csv', csv, '--out', out, '--now', '2026-11-23');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('row 2 (Allotment Club):\n  coordinates: has coordinates outside the valid range');
    expect(run.stderr).toMatch(/Nothing written: no activity could be imported \(2 warnings about 1 source record\)\.\n$/);
    expect(existsSync(out)).toBe(false);
  });
});
