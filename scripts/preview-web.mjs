#!/usr/bin/env node
// Runs in Node (developer machine / CI). `npm run preview:web -- --data <dir> --port <n> [--test-clock] [--now <iso>]`
// Builds the app if the preview host or the pages are missing or older than their sources (a cheap mtime check; the
// build takes ~2 s), then runs the browser preview `node out/main/preview.js …args` with stdio inherited and signals
// forwarded, and exits with its code. Build output goes to stderr so stdout carries only `ready http://127.0.0.1:<n>/`.
// Extra flags (not passed on): --no-build skips the check; --build-only builds if stale and exits (the e2e global setup
// uses it, so the staleness rule lives in one place).
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outputs = ['out/main/preview.js', 'out/renderer/review.html', 'out/renderer/overlay.html', 'out/renderer/wrapup.html'];
const sources = ['electron', 'shared', 'renderer', 'electron.vite.config.ts', 'package.json'];

/** Newest mtime under a path (files only; skips node_modules and dot folders). */
function newest(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    max = Math.max(max, newest(join(path, entry.name)));
  }
  return max;
}

function oldestOutput() {
  let min = Infinity;
  for (const file of outputs) {
    try {
      min = Math.min(min, statSync(join(root, file)).mtimeMs);
    } catch {
      return 0; // missing
    }
  }
  return min;
}

function needsBuild() {
  const built = oldestOutput();
  return built === 0 || sources.some((s) => newest(join(root, s)) > built);
}

const args = process.argv.slice(2);
const noBuild = args.includes('--no-build');
const buildOnly = args.includes('--build-only');
const childArgs = args.filter((a) => a !== '--no-build' && a !== '--build-only');

if (!noBuild && needsBuild()) {
  process.stderr.write('preview-web: building (electron-vite build)…\n');
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) {
    process.stderr.write(`preview-web: the build failed (exit ${build.status ?? build.signal}).\n`);
    process.exit(build.status ?? 1);
  }
} else if (buildOnly) {
  process.stderr.write('preview-web: the build is up to date.\n');
}
if (buildOnly) process.exit(0);

const child = spawn(process.execPath, [join(root, 'out/main/preview.js'), ...childArgs], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1, SIGKILL: 9 }[signal] ?? 0) : 1));
});
child.on('error', (error) => {
  process.stderr.write(`preview-web: could not start the preview: ${error.message}\n`);
  process.exit(1);
});
