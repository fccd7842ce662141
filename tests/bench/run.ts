// Runs in Node: `npm run bench` (not part of `npm test`). Runs every suite, prints ONE table and writes the same
// table to docs/PERFORMANCE.md with the command, the machine and the notes. BENCH_QUICK=1 shortens every suite;
// `--only store,calendar` runs some suites (the doc is then not written unless `--doc` is given too).
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { calendarSuite } from './calendar';
import { FOOTER } from './footer';
import { mainProcessSuite } from './main-process';
import { overlaySuite } from './overlay';
import { consoleTable, machine, skippedRow, writeDoc, type Report, type Row } from './report';
import { reviewSuite } from './review';
import { storeSuite } from './store';
import type { SuiteOptions, SuiteResult } from './suite';
import { releaseBuild } from './built';
import { compareAndRecord, measuredCommit } from './runs';

const SUITES: Record<string, { title: string; run: (o: SuiteOptions) => Promise<SuiteResult> }> = {
  store: { title: 'Store', run: storeSuite },
  overlay: { title: 'Overlay', run: overlaySuite },
  review: { title: 'Review', run: reviewSuite },
  main: { title: 'Main process', run: mainProcessSuite },
  calendar: { title: 'Calendar', run: calendarSuite },
};

const ROOT = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const onlyArg = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const only = onlyArg ? onlyArg.split(',') : Object.keys(SUITES);
const unknown = only.filter((name) => !(name in SUITES));
if (unknown.length) {
  process.stderr.write(`bench: unknown suite(s) ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}\n`);
  process.exit(2);
}
const writeTheDoc = !onlyArg || args.includes('--doc');
const quick = process.env.BENCH_QUICK === '1';
const log = (line: string) => process.stderr.write(`${line}\n`);

// Taken before anything runs: the build a suite makes must not count as a change to the code measured.
const commit = measuredCommit(ROOT);
const started = performance.now();
const machineAtStart = machine();
const rows: Row[] = [];
const notes: Report['notes'] = [];
let failed = false;
try {
  for (const name of only) {
    const suite = SUITES[name]!;
    const began = performance.now();
    log(`bench: ${suite.title}…`);
    try {
      const result = await suite.run({ quick, log });
      rows.push(...result.rows);
      notes.push({ suite: suite.title, lines: result.notes });
    } catch (error) {
      failed = true;
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`bench: ${suite.title} failed: ${message}`);
      rows.push(skippedRow(suite.title, '(the whole suite)', `failed: ${message.split('\n')[0]}`));
    }
    log(`bench: ${suite.title} done in ${((performance.now() - began) / 1000).toFixed(1)} s`);
  }
} finally {
  await releaseBuild();
}

const seconds = (performance.now() - started) / 1000;
process.stdout.write(`\n${consoleTable(rows)}\n\n`);
for (const n of notes) process.stdout.write(`${n.suite}:\n${n.lines.map((l) => `  - ${l}`).join('\n')}\n`);
process.stdout.write(`${quick ? 'quick mode, ' : ''}${seconds.toFixed(0)} s in all on ${machineAtStart.cpu} (${machineAtStart.cores} cores, Node ${machineAtStart.node})\n`);
if (writeTheDoc) {
  const command = `${quick ? 'BENCH_QUICK=1 ' : ''}npm run bench${onlyArg ? ` -- --only=${onlyArg} --doc` : ''}`;
  await writeDoc(resolve(ROOT, 'docs/PERFORMANCE.md'), {
    rows,
    notes,
    command,
    quick,
    machineAtStart,
    loadAtEnd: loadavg().map((l) => l.toFixed(2)).join(' / '),
    seconds,
    footer: FOOTER,
    agreement: await compareAndRecord(resolve(ROOT, 'docs/performance-runs.json'), rows, commit, quick),
  });
  process.stdout.write('wrote docs/PERFORMANCE.md\n');
}
// A failed suite is a row in the table, not a crash; the exit code still says so.
process.exit(failed ? 1 : 0);
