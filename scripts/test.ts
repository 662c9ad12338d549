// `npm test`: typecheck, lint, unit and component tests, then journeys in Chromium; ends with 'N passed, N failed'.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numTotalTests: number;
}

const RESULTS = '.test-results';
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

let passed = 0;
let failed = 0;
const failures: string[] = [];

function run(label: string, command: string, args: string[]): boolean {
  console.log(`\n── ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function check(label: string, command: string, args: string[]): void {
  if (run(label, command, args)) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

function suite(label: string, args: string[], output: string): void {
  const ok = run(label, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile=${output}`]);
  if (!existsSync(output)) {
    failed += 1;
    failures.push(`${label} (did not run)`);
    return;
  }
  const report = JSON.parse(readFileSync(output, 'utf8')) as VitestJson;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (report.numFailedTests > 0) failures.push(`${label}: ${report.numFailedTests} failed`);
  else if (!ok) {
    failed += 1;
    failures.push(`${label} (exited with an error)`);
  }
}

const only = process.argv[2];
if (!only || only === 'static') {
  check('typecheck', 'npm', ['run', '--silent', 'typecheck']); // the app, tools and tests, then the service worker (lib WebWorker)
  check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
}
if (!only || only === 'unit') suite('unit and component tests', [], `${RESULTS}/unit.json`);
if (!only || only === 'e2e') suite('journeys in Chromium', ['-c', 'tests/e2e/vitest.config.ts'], `${RESULTS}/e2e.json`);

console.log('');
if (failures.length > 0) console.log(`Failed: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
