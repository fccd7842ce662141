// Runs in Node (`npm run bench`). Suite 4, the main process, each sample in a fresh child process:
// - import time of the built core under plain Node: out/main/preview.js imports the whole core without Electron (its
//   `main()` is stopped at the argument check, before it opens anything); baseline in the same run: the core's
//   third-party packages imported whole from node_modules, as the bundle did while it kept them external (it now
//   bundles the pure-JS ones, tree-shaken, and imports node-ical, papaparse and ical-generator on first use).
//   Second row: electron/main/core imported from source through tsx.
// - memory of a core with 1 and 10 years of data loaded (heap after GC, minus the heap before createCore).
// This file is also the child for the memory samples: `node --expose-gc --import tsx main-process.ts --heap <dir>`.
import { execFileSync } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { builtApp } from './built';
import type { DurableStore } from '../../electron/main/core/store/durable-store';
import { dataFolder, NOW, seedYears, splitFolder } from './data';
import { goalMax, row, stats, type Row } from './report';
import type { SuiteOptions, SuiteResult } from './suite';

const SUITE = 'Main process';
const ROOT = resolve(import.meta.dirname, '../..');
const HERE = fileURLToPath(import.meta.url);

/** Plain Node: time `await import(entry)` until the preview's main() stops at the missing --data. */
const IMPORT_PREVIEW = `
const entry = process.env.BENCH_ENTRY;
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const exit = process.exit.bind(process);
process.stderr.write = () => true;
process.exit = () => {
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(JSON.stringify({ ms: performance.now() - t0, sinceStart: performance.now(), cpuMs: (cpu.user + cpu.system) / 1000 }) + '\\n');
  exit(0);
};
process.argv = [process.argv[0], entry];
await import(entry);
process.exit(0);
`;

/** Imports each specifier in BENCH_IMPORTS in order (bare names resolve from the repository, as the snapshot's do). */
const IMPORT_LIST = `
const t0 = performance.now();
for (const spec of JSON.parse(process.env.BENCH_IMPORTS)) await import(spec);
process.stdout.write(JSON.stringify({ ms: performance.now() - t0, sinceStart: performance.now() }) + '\\n');
`;

interface Timing {
  ms: number;
  sinceStart: number;
  /** CPU time of the import (user + system, all threads): less sensitive than wall time to other processes. */
  cpuMs?: number;
}

function child(args: string[], env: Record<string, string>): Timing {
  const out = execFileSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as Timing;
}

/** The core's third-party packages (package.json dependencies it uses): what importing the core cost while the
 * bundle left them external. electron-log is the Electron host's, chrono-node the pages'. */
const CORE_PACKAGES = ['zod', 'date-fns', 'lowdb', 'node-ical', 'ical-generator', 'timezones-ical-library', 'papaparse'];

/** The bare package names the built main bundle still imports statically at start-up (node: built-ins excluded).
 * Only real import statements count (at the start of a line, as the bundler writes them), not `import` in comments,
 * and not `import()` on first use. */
async function externals(mainDir: string): Promise<string[]> {
  const files = [join(mainDir, 'preview.js'), ...(await readdir(join(mainDir, 'chunks'))).map((f) => join(mainDir, 'chunks', f))];
  const names = new Set<string>();
  for (const file of files) {
    for (const m of (await readFile(file, 'utf8')).matchAll(/^(?:import|export)\b[^'"\n]*?["']([^"'./][^"']*)["'];?\s*$/gm)) {
      if (!m[1]!.startsWith('node:')) names.add(m[1]!);
    }
  }
  return [...names];
}

/** The files importing the entry reads and compiles: the entry and every chunk it imports statically, with their
 * sizes (what a lazily loaded chunk holds is read on first use, not at start-up). */
async function startupFiles(entryFile: string): Promise<Map<string, number>> {
  const files = new Map<string, number>();
  const visit = async (file: string): Promise<void> => {
    if (files.has(file)) return;
    const text = await readFile(file, 'utf8');
    files.set(file, Buffer.byteLength(text));
    for (const m of text.matchAll(/(?:^|[;\n])\s*(?:import|export)\s*(?:[^"'()]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
      await visit(join(dirname(file), m[1]!));
    }
  };
  await visit(entryFile);
  return files;
}

interface Memory {
  heapUsedMB: number;
  coreHeapMB: number;
  rssMB: number;
}

/** Child mode: open a core on `dir`, report its memory. */
async function measureHeap(dir: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const { TestClock } = await import('../../electron/main/core/clock');
  const { createCore } = await import('../../electron/main/core/index');
  const settle = async () => {
    await new Promise((done) => setTimeout(done, 500));
    gc();
    gc();
  };
  await settle();
  const before = process.memoryUsage();
  const clock = new TestClock(Date.parse(NOW), { running: false });
  const core = await createCore({ dataDir: dir, clock });
  await core.handlers.getState(undefined as never);
  // What it holds all day: the live document, and the history read from the archives just after open (the review,
  // the export and the backups need it).
  await (core.store as DurableStore).prepared();
  await settle(); // the backup taken at open is written in the background
  const after = process.memoryUsage();
  const mb = (n: number) => n / 1024 / 1024;
  const memory: Memory = { heapUsedMB: mb(after.heapUsed), coreHeapMB: mb(after.heapUsed - before.heapUsed), rssMB: mb(after.rss) };
  process.stdout.write(`${JSON.stringify(memory)}\n`);
  await core.close();
  clock.dispose();
}

export async function mainProcessSuite({ quick, log }: SuiteOptions): Promise<SuiteResult> {
  const runs = quick ? 5 : 15;
  const heapRuns = quick ? 1 : 3;
  const app = await builtApp();
  const entry = pathToFileURL(join(app, 'main/preview.js')).href;
  const packages = CORE_PACKAGES;
  const stillExternal = await externals(join(app, 'main'));
  const startup = await startupFiles(join(app, 'main/preview.js'));
  const startupKB = [...startup.values()].reduce((sum, bytes) => sum + bytes, 0) / 1024;
  const coreSource = pathToFileURL(join(ROOT, 'electron/main/core/index.ts')).href;

  log(`main: ${runs} × 3 import timings…`);
  const bundle: Timing[] = [];
  const deps: Timing[] = [];
  const source: Timing[] = [];
  child(['--input-type=module', '-e', IMPORT_PREVIEW], { BENCH_ENTRY: entry }); // warm the file cache
  for (let r = 0; r < runs; r++) {
    bundle.push(child(['--input-type=module', '-e', IMPORT_PREVIEW], { BENCH_ENTRY: entry }));
    deps.push(child(['--input-type=module', '-e', IMPORT_LIST], { BENCH_IMPORTS: JSON.stringify(packages) }));
    source.push(child(['--import', 'tsx', '--input-type=module', '-e', IMPORT_LIST], { BENCH_IMPORTS: JSON.stringify([coreSource]) }));
  }

  const perPackage = new Map<string, number[]>(packages.map((p) => [p, []]));
  for (let r = 0; r < (quick ? 2 : 5); r++) {
    for (const p of packages) perPackage.get(p)!.push(child(['--input-type=module', '-e', IMPORT_LIST], { BENCH_IMPORTS: JSON.stringify([p]) }).ms);
  }

  const memory = new Map<number, Memory[]>();
  for (const years of [1, 10]) {
    log(`main: memory of a core with ${years} y…`);
    const dir = await dataFolder(seedYears(years), `heap-${years}y`);
    await splitFolder(dir); // as the app leaves it after its first day: settled history in the archive files
    try {
      for (let r = 0; r < heapRuns; r++) {
        const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', HERE, '--heap', dir], { cwd: ROOT, encoding: 'utf8' });
        memory.set(years, [...(memory.get(years) ?? []), JSON.parse(out.trim().split('\n').pop()!) as Memory]);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  const bundleStats = stats(bundle.map((b) => b.ms));
  const depsStats = stats(deps.map((d) => d.ms));
  const rows: Row[] = [
    row(SUITE, 'import the built core (out/main/preview.js) under plain Node', 'ms', bundle.map((b) => b.ms), {
      baseline: `its ${packages.length} packages, imported whole, alone ${depsStats.median.toFixed(1)} ms`,
      ratio: bundleStats.median / depsStats.median,
      ...goalMax(50, 'ms', bundleStats.median),
    }),
    row(SUITE, `· its third-party packages imported whole from node_modules (${packages.join(', ')}) (baseline)`, 'ms', deps.map((d) => d.ms)),
    row(SUITE, '· CPU time of that import (user + system; others’ processes on the machine inflate it less than wall time)', 'ms', bundle.map((b) => b.cpuMs ?? Number.NaN)),
    row(SUITE, '· process start → core imported (Node’s own start-up included)', 'ms', bundle.map((b) => b.sinceStart)),
    row(SUITE, '· JS that import reads and compiles (preview.js and the chunks it imports statically)', 'KB', [startupKB]),
    row(SUITE, 'import electron/main/core from source via tsx (transpile cached)', 'ms', source.map((s) => s.ms)),
  ];
  for (const [years, samples] of memory) {
    rows.push(row(SUITE, `heap held by a core with ${years} y loaded, its history read (after GC)`, 'MB', samples.map((m) => m.coreHeapMB)));
  }
  const ten = memory.get(10)!;
  const notes = [
    `Import timings: ${runs} fresh \`node\` processes per row (after one to warm the file cache), interleaved. Node ${process.version} has no ` +
      'module compile cache (module.enableCompileCache() arrived in Node 22.1); Electron 45 ships Node 22, and Electron’s entry (electron/main/boot.ts) ' +
      'turns it on before loading the app, so from the second start V8 skips compiling the bundle (its compile is roughly a third of this import here).',
    `Each package alone, in its own process (median ms): ${[...perPackage].sort((a, b) => stats(b[1]).median - stats(a[1]).median).map(([p, ms]) => `${p} ${stats(ms).median.toFixed(0)}`).join(', ')}. ` +
      'Main bundles the pure-JS packages (electron.vite.config.ts, tree-shaken: of date-fns only `lightFormat`, for a backup’s day, instead of all of it) and imports node-ical on the first ' +
      'calendar sync, papaparse and ical-generator (with its zone table) on the first export, so none of these is read at start-up. ' +
      `Packages the built core still imports at start-up: ${stillExternal.length ? stillExternal.join(', ') : 'none'}.`,
    `What the import reads: ${[...startup].map(([file, bytes]) => `${basename(file)} ${(bytes / 1024).toFixed(1)} KB`).join(', ')} ` +
      '(everything both hosts load at start is one `core` chunk: electron.vite.config.ts). Built on first use instead: the store’s record ' +
      'schemas (shared/domain, each on its first parse: a store file its checkpoint vouches for is loaded without them), each IPC ' +
      'method’s input schema (shared/contract.ts, on the method’s first call), the calendar engine (on the first ' +
      'sync or removal of a calendar) and the review’s queries (when the review first asks). What the import still spends is mostly V8 ' +
      'compiling the core chunk (zod, immer, the store and the services; of date-fns only `lightFormat`) and Node loading ' +
      'the built-ins it imports; zod still builds a few schemas at import (the store document’s frame, HotkeyAction, the archive manifest).',
    `The bundle against its packages imported whole (what the core paid while it kept them external, on top of its own code): ${bundleStats.median.toFixed(0)} ms vs ${depsStats.median.toFixed(0)} ms.`,
    `Memory: a fresh process imports the core, then (after GC) opens a core on a data folder split as the app splits it (settled history in the archive files) ` +
      'and asks getState, then waits until the store has read its history (what it holds all day: the review, the export and the backups need it); ' +
      `the row is the heap after GC minus the heap before. With 10 y the process then has ${stats(ten.map((m) => m.heapUsedMB)).median.toFixed(0)} MB ` +
      `of heap in use and an RSS of ${stats(ten.map((m) => m.rssMB)).median.toFixed(0)} MB.`,
  ];
  return { rows, notes };
}

if (process.argv[1] && resolve(process.argv[1]) === HERE && process.argv[2] === '--heap') {
  await measureHeap(process.argv[3]!);
}
