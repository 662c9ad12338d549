// `npm run feed:check -- FILE`: checks an activity feed with the same code the app uses, prints every
// error and warning with its JSON path and record id, and exits 0 (usable, maybe with warnings),
// 1 (errors: some records or the whole feed cannot be used) or 2 (file unreadable or not JSON).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkFeed, type CheckResult, type Problem } from '../src/feed/check';
import { parseFeedText } from '../src/feed/parse';
import { isIsoDate } from '../src/feed/schema';

const USAGE = `Usage: npm run feed:check -- [--json] [--now YYYY-MM-DD] FILE

Checks an activity feed (format 1) and lists its errors and warnings.
  --json             print the result as JSON instead of lines of text
  --now YYYY-MM-DD   check as if it were that day (00:00 UTC), for reproducible results
Exit status: 0 no errors (warnings allowed), 1 errors, 2 the file cannot be read or is not JSON.`;

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function parseNow(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = isIsoDate(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) fail(`--now must be a date such as 2026-11-20 (got ${JSON.stringify(value)})\n\n${USAGE}`, 2);
  return date;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function problemLine(problem: Problem): string {
  return `${problem.level.padEnd(7)} ${problem.path}${problem.id === undefined ? '' : ` (${problem.id})`}: ${problem.detail}`;
}

function summaryLine(result: CheckResult, totalActivities: number, errors: number, warnings: number): string {
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  if (!result.feed) return `${counts}; the feed cannot be used`;
  const skippedOthers = (['categories', 'organisations', 'venues', 'places'] as const)
    .filter((list) => result.skipped[list] > 0)
    .map((list) => `${result.skipped[list]} ${list}`);
  const alsoSkipped = skippedOthers.length > 0 ? `; skipped ${skippedOthers.join(', ')}` : '';
  return `${counts}; ${result.feed.activities.length} of ${totalActivities} activities usable${alsoSkipped}`;
}

const OPTIONS = { json: { type: 'boolean' }, now: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

function readArguments() {
  try {
    return parseArgs({ options: OPTIONS, allowPositionals: true });
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`, 2);
  }
}

function main(): void {
  const { values, positionals } = readArguments();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) fail(USAGE, 2);
  const now = parseNow(values.now);

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'no such file' : String(error);
    fail(`${file}: cannot read the file: ${reason}`, 2);
  }

  const json = parseFeedText(text);
  if (!json.ok) {
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ file, ok: false, notJson: { message: json.message, line: json.line, column: json.column } }, null, 2)}\n`);
      process.exitCode = 2;
      return;
    }
    const where = json.line === undefined ? file : `${file}:${json.line}:${json.column ?? 1}`;
    fail(`${where}: not valid JSON: ${json.message}`, 2);
  }

  const result = checkFeed(json.value, now ? { now } : {});
  const errors = result.problems.filter((p) => p.level === 'error').length;
  const warnings = result.problems.length - errors;
  const rawActivities = typeof json.value === 'object' && json.value !== null && 'activities' in json.value ? json.value.activities : undefined;
  const totalActivities = Array.isArray(rawActivities) ? rawActivities.length : 0;

  if (values.json) {
    const report = {
      file,
      ok: errors === 0,
      usable: result.feed !== null,
      errors,
      warnings,
      activities: { total: totalActivities, usable: result.feed?.activities.length ?? 0 },
      skipped: result.skipped,
      problems: result.problems,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    // Errors first: they are what stops records from showing.
    const ordered = [...result.problems.filter((p) => p.level === 'error'), ...result.problems.filter((p) => p.level === 'warning')];
    const lines = ordered.map(problemLine);
    lines.push(summaryLine(result, totalActivities, errors, warnings));
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  // exitCode, not exit(): a long report piped into another program must be written out in full.
  process.exitCode = errors > 0 ? 1 : 0;
}

main();
