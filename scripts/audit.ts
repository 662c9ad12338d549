// `npm run audit`: Lighthouse (mobile settings, Debian's Chromium) on the built app's main screens, printing each
// category's score, the loading metrics, and the title of every audit that keeps a score under its target.
//
//   npm run audit                 builds into dist-audit/ and audits it
//   npm run audit -- --no-build   audits the last dist-audit/ build again
//   npm run audit -- --dist DIR   builds into (or, with --no-build, reuses) DIR instead
//   npm run audit -- --only /refer   audits only the paths that start with this one
//   npm run audit -- --trace      keeps each page's trace beside its report
//   npm run audit -- --runs 1     one Lighthouse run per page instead of five
// Each page is audited five times, and the run Lighthouse's own `computeMedianRun` picks (the one nearest the median
// first paint and time to interactive, as Lighthouse CI does) is the one reported: one run's performance score moves by
// a few points with whatever else the machine does. Every run's performance score is printed beside it. The median
// run's full report is kept as JSON in the system's temporary folder (the path is printed) for a closer look.
//
// The build is the production one with one change: map tiles come from this script's server (/audit-tiles/), because
// an audit must make no request off the machine (a failed tile would count as a console error and a network failure).
// Targets: performance 98 or more; accessibility, best practices and SEO 100.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { startAppServer } from './server/app-server';

const args = process.argv.slice(2);
const distIndex = args.indexOf('--dist');
const root = resolve(distIndex >= 0 && args[distIndex + 1] ? args[distIndex + 1]! : 'dist-audit');
const shouldBuild = !args.includes('--no-build');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;
const keepTraces = args.includes('--trace');
const runsIndex = args.indexOf('--runs');
const RUNS = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 5;
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error('--runs takes a whole number, 1 or more.');
  process.exit(2);
}
const REPORTS = join(tmpdir(), 'tc-lighthouse');

/** The screens a resident meets first: browse, an activity (a shared link), favourites, and asking for support. */
const PATHS = ['/', '/activity/knit-and-natter-werneth', '/favourites', '/refer', '/refer/who'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const TARGETS: Record<(typeof CATEGORIES)[number], number> = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 };
const METRICS = [
  ['FCP', 'first-contentful-paint'],
  ['LCP', 'largest-contentful-paint'],
  ['TBT', 'total-blocking-time'],
  ['CLS', 'cumulative-layout-shift'],
  ['SI', 'speed-index'],
] as const;

/** A plain 256×256 tile, the colour of the map's placeholder. */
const TILE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="#e8e4d8"/></svg>';

if (shouldBuild) {
  console.log(`Building into ${root} …`);
  execFileSync('npx', ['vite', 'build', '--outDir', root, '--emptyOutDir', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', TILE_URL: '/audit-tiles/{z}/{x}/{y}.svg', TILE_ATTRIBUTION: '© OpenStreetMap contributors' },
  });
} else if (!existsSync(resolve(root, 'index.html'))) {
  console.error(`${root} has no build: run without --no-build first.`);
  process.exit(2);
}

const server = await startAppServer({
  root,
  handle: (request, response) => {
    if (!request.url?.startsWith('/audit-tiles/')) return false;
    response.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=31536000, immutable', 'Access-Control-Allow-Origin': '*' }).end(TILE_SVG);
    return true;
  },
});
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

interface Row {
  path: string;
  /** Each run's performance score, in the order they ran. */
  runs: number[];
  scores: Record<string, number>;
  metrics: Record<string, string>;
  failing: string[];
}

const rows: Row[] = [];
let hasMissedTarget = false;
try {
  mkdirSync(REPORTS, { recursive: true });
  for (const path of PATHS.filter((candidate) => only === undefined || candidate.startsWith(only))) {
    // Lighthouse's default config is the mobile one: a Moto G Power sized screen, simulated slow 4G and a 4× slower CPU.
    const results = [];
    for (let run = 0; run < RUNS; run++) {
      const result = await lighthouse(`${server.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      if (result.lhr.runtimeError) throw new Error(`${path}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
      results.push(result);
    }
    const lhr = computeMedianRun(results.map((result) => result.lhr));
    const result = results.find((candidate) => candidate.lhr === lhr)!;
    const name = path.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'browse';
    // The page's trace, to see which tasks Lighthouse counted (open it in the browser's DevTools, Performance tab).
    if (keepTraces) writeFileSync(join(REPORTS, `${name}.trace.json`), JSON.stringify(result.artifacts.Trace));
    writeFileSync(join(REPORTS, `${name}.json`), JSON.stringify(lhr));
    const row: Row = { path, runs: results.map((each) => Math.round((each.lhr.categories.performance?.score ?? 0) * 100)), scores: {}, metrics: {}, failing: [] };
    for (const id of CATEGORIES) {
      const category = lhr.categories[id]!;
      const score = Math.round((category.score ?? 0) * 100);
      row.scores[id] = score;
      if (score >= TARGETS[id]) continue;
      hasMissedTarget = true;
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id]!;
        // Only audits that count towards the score and lost points; informative ones (weight 0) are left out.
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) row.failing.push(`${id}: ${audit.title} (${audit.displayValue ?? Math.round(audit.score * 100)})`);
      }
    }
    for (const [label, id] of METRICS) row.metrics[label] = lhr.audits[id]?.displayValue ?? '?';
    rows.push(row);
    console.log(`audited ${path}`);
  }
} finally {
  chrome.kill();
  await server.close();
}

const header = ['URL', 'perf', 'a11y', 'best-pr', 'SEO', ...METRICS.map(([label]) => label), 'perf, each run'];
const table = rows.map((row) => [row.path, ...CATEGORIES.map((id) => String(row.scores[id])), ...METRICS.map(([label]) => row.metrics[label]!), row.runs.join(' ')]);
const widths = header.map((title, column) => Math.max(title.length, ...table.map((cells) => cells[column]!.length)));
const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
console.log();
console.log(line(header));
console.log(line(widths.map((width) => '-'.repeat(width))));
for (const cells of table) console.log(line(cells));
console.log(`\nEach row is the median of ${RUNS} run${RUNS === 1 ? '' : 's'} (Lighthouse's computeMedianRun). Full reports: ${REPORTS}/`);
for (const row of rows) {
  if (row.failing.length === 0) continue;
  console.log(`\n${row.path} below target:`);
  for (const failing of row.failing) console.log(`  - ${failing}`);
}
console.log(hasMissedTarget ? '\nSome scores are below target (performance 98, the others 100).' : '\nEvery score meets its target.');
process.exitCode = hasMissedTarget ? 1 : 0;
