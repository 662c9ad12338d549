// Runs `scripts/feed-check.ts` as a hub worker would, on small feeds written to a temporary folder.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, minimalFeed } from './fixtures';

const root = resolve(import.meta.dirname, '../..');
let folder = '';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runChecker(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/feed-check.ts', ...args], { cwd: root, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      done({ code, stdout, stderr });
    });
  });
}

function writeFeed(name: string, content: unknown): string {
  const file = join(folder, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'feed-check-'));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('npm run feed:check', { timeout: 60_000 }, () => {
  it('exits 0 for a valid feed and prints the summary', async () => {
    const run = await runChecker('--now', '2026-11-20', writeFeed('good.json', minimalFeed()));
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('0 errors, 0 warnings; 3 of 3 activities usable');
  });

  it('exits 0 with warnings only, naming the id and path of each', async () => {
    const feed = minimalFeed();
    at(feed.activities, 1).checked = '2025-01-10';
    const run = await runChecker('--now', '2026-11-20', writeFeed('stale.json', feed));
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      'warning $.activities[1].checked (memory-cafe-library): was last confirmed on 2025-01-10, more than 6 months ago: is it still running?',
      '0 errors, 1 warning; 3 of 3 activities usable',
      '',
    ]);
  });

  it('uses --now for the date it checks against', async () => {
    const file = writeFeed('later.json', minimalFeed());
    const run = await runChecker('--now', '2027-09-01', file);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('warning $.activities[0].schedule (knit-and-natter-werneth): has no session after 2027-09-01; all its dates are in the past');
  });

  it('exits 1 when there are errors, one line each, errors before warnings', async () => {
    const feed = minimalFeed();
    at(feed.activities, 0).venue = 'werneth-centre';
    (at(feed.venues, 1) as Record<string, unknown>).colour = 'blue';
    at(feed.activities, 2).schedule = [{ freq: 'once', date: '2026-12-05', start: '14:00', end: '11:00' }];
    const run = await runChecker('--now', '2026-11-20', writeFeed('bad.json', feed));
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')).toEqual([
      'error   $.activities[2].schedule[0].end (winter-craft-fair-online): must be after start',
      'error   $.activities[0].venue (knit-and-natter-werneth): venue "werneth-centre" is not in venues',
      'warning $.venues[1].colour (oldham-library): is not a known field and is ignored',
      '2 errors, 1 warning; 1 of 3 activities usable',
      '',
    ]);
  });

  it('exits 1 and says so when the feed cannot be used at all', async () => {
    const run = await runChecker(writeFeed('wrong-version.json', { ...minimalFeed(), version: 2 }));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('error   $.version: must be 1 (this app reads format 1) (found 2)');
    expect(run.stdout).toContain('1 error, 0 warnings; the feed cannot be used');
  });

  it('exits 2 with FILE:LINE:COLUMN when the file is not JSON', async () => {
    const file = writeFeed('broken.json', '{\n  "format": "activity-feed",\n  "version": 1\n  "area": {}\n}\n');
    const run = await runChecker(file);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`${file}:4:3: not valid JSON: Expected ',' or '}' after property value`);
  });

  it('exits 2 when the file cannot be read', async () => {
    const run = await runChecker(join(folder, 'missing.json'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing.json: cannot read the file: no such file');
  });

  it('exits 2 for a bad --now or no file', async () => {
    expect((await runChecker('--now', 'tomorrow', writeFeed('x.json', minimalFeed()))).code).toBe(2);
    const noFile = await runChecker();
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('Usage: npm run feed:check');
  });

  it('prints JSON with --json', async () => {
    const feed = minimalFeed();
    at(feed.activities, 1).organisation = 'nobody';
    const run = await runChecker('--json', '--now', '2026-11-20', writeFeed('json.json', feed));
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { errors: number; activities: { total: number; usable: number }; problems: { code: string; path: string; id: string }[] };
    expect(report.errors).toBe(1);
    expect(report.activities).toEqual({ total: 3, usable: 2 });
    expect(report.problems).toMatchObject([{ code: 'unknown-organisation', path: '$.activities[1].organisation', id: 'memory-cafe-library' }]);
  });
});
