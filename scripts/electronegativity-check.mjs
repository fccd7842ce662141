// Runs Doyensec's Electronegativity over the repository (source and built bundles) and fails on any HIGH or MEDIUM
// finding that docs/SECURITY.md has not reviewed. A reviewed finding is a row of the "Reviewed Electronegativity
// findings" table there — `| CHECK_ID | file | why it is safe |` — so every exception is written down where the
// security review lives, and a new finding (or an old one in a new file) fails CI until someone looks at it.
// It needs the npm registry (npx installs the pinned version) and nothing else: without internet it skips only the
// check that looks up Electron releases.
//   node scripts/electronegativity-check.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import process from 'node:process';
import Papa from 'papaparse';

const VERSION = '1.10.3';
const FAILING = new Set(['HIGH', 'MEDIUM']);
const root = resolve(import.meta.dirname, '..');

/** Check id + file pairs reviewed in docs/SECURITY.md. */
export function reviewedFindings(securityDoc) {
  const section = securityDoc.split(/^## /m).find((s) => s.startsWith('Reviewed Electronegativity findings')) ?? '';
  const rows = section.split('\n').filter((line) => /^\|\s*`[A-Z_]+`/.test(line));
  return new Set(
    rows.flatMap((row) => {
      const [check, files] = row.split('|').slice(1, 3).map((cell) => cell.trim());
      return [...files.matchAll(/`([^`]+)`/g)].map(([, file]) => `${check.replaceAll('`', '')} ${file}`);
    }),
  );
}

/** The rows of an Electronegativity CSV report: { issue, severity, confidence, filename, location, … }. */
const parseFindings = (csv) =>
  Papa.parse(csv.trim(), { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim() }).data;

/** The HIGH and MEDIUM findings of an Electronegativity CSV that are not reviewed. */
export function unreviewed(csv, reviewed) {
  return parseFindings(csv).filter((f) => FAILING.has(f.severity) && !reviewed.has(`${f.issue} ${f.filename}`));
}

function run() {
  const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  const csvPath = join(dir, 'findings.csv');
  try {
    const scan = spawnSync(
      'npx',
      ['-y', `@doyensec/electronegativity@${VERSION}`, '-i', '.', '-o', csvPath, '-r', '-v', 'false'],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10 * 60_000 },
    );
    let csv;
    try {
      csv = readFileSync(csvPath, 'utf8');
    } catch {
      process.stderr.write(`Electronegativity produced no report (exit ${scan.status}):\n${scan.stdout}\n${scan.stderr}\n`);
      return 1;
    }
    const reviewed = reviewedFindings(readFileSync(join(root, 'docs', 'SECURITY.md'), 'utf8'));
    const all = parseFindings(csv);
    const failing = unreviewed(csv, reviewed);
    const bySeverity = (s) => all.filter((f) => f.severity === s).length;
    process.stdout.write(
      `Electronegativity ${VERSION}: ${all.length} findings (HIGH ${bySeverity('HIGH')}, MEDIUM ${bySeverity('MEDIUM')}, ` +
        `LOW ${bySeverity('LOW')}, INFORMATIONAL ${bySeverity('INFORMATIONAL')}); ` +
        `${all.filter((f) => FAILING.has(f.severity)).length - failing.length} HIGH/MEDIUM reviewed in docs/SECURITY.md, ` +
        `${failing.length} not reviewed\n`,
    );
    for (const f of failing) process.stderr.write(`  ${f.severity} ${f.issue} at ${f.filename}:${f.location} — ${f.description}\n`);
    return failing.length === 0 ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) process.exit(run());
