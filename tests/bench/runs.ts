// Runs in Node (`npm run bench`). Whether repeated runs agree: every written run's medians and ranges are kept in
// docs/performance-runs.json (the last few runs, with the commit they measured), and the doc compares this run with
// the previous run of the same code. A row agrees when either run's median lies within the other's min–max (the noise
// the table shows) or the two medians are within 3 % of each other (a tight range, such as the heap after GC, can
// shift by a little between two processes); a size, one exact figure, must match to 1 %.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { fmt, withUnit, type Row } from './report';

interface SavedRow {
  key: string;
  unit: Row['unit'];
  median: number;
  range?: [number, number];
}
interface SavedRun {
  commit: string;
  date: string;
  quick: boolean;
  rows: SavedRow[];
}

const KEEP = 6;

/** The commit measured, or null when the working tree has other changes (such a run is never compared). */
export function measuredCommit(root: string): string | null {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
    // What the bench itself writes does not count as a change to the code measured.
    const changed = git('status', '--porcelain', '--untracked-files=no', '--', '.', ':!docs/PERFORMANCE.md', ':!docs/performance-runs.json');
    return changed === '' ? git('rev-parse', '--short', 'HEAD') : null;
  } catch {
    return null;
  }
}

const keyOf = (r: Pick<Row, 'suite' | 'case'>) => `${r.suite} | ${r.case}`;
const within = (value: number, range?: [number, number]) => range !== undefined && value >= range[0] && value <= range[1];

function agrees(now: SavedRow, before: SavedRow): boolean {
  const apart = Math.abs(now.median - before.median) / Math.abs(before.median || 1);
  if (now.unit === 'KB' && !now.range) return apart <= 0.01;
  return within(before.median, now.range) || within(now.median, before.range) || apart <= 0.03;
}

/** Compares `rows` with the previous run of the same commit, records this run, and returns the doc's lines. */
export async function compareAndRecord(path: string, rows: readonly Row[], commit: string | null, quick: boolean): Promise<string[]> {
  const runs: SavedRun[] = await readFile(path, 'utf8').then((t) => JSON.parse(t) as SavedRun[], () => []);
  const saved: SavedRow[] = rows.filter((r) => r.median !== null).map((r) => ({ key: keyOf(r), unit: r.unit, median: r.median!, ...(r.range ? { range: r.range } : {}) }));
  const previous = commit ? runs.filter((r) => r.commit === commit && r.quick === quick).at(-1) : undefined;
  const lines: string[] = [];
  if (!commit) {
    lines.push('This run measured uncommitted changes, so it is not compared with other runs and not recorded.');
  } else if (!previous) {
    lines.push(`No earlier run of this code (commit ${commit}${quick ? ', quick mode' : ''}) is recorded in docs/performance-runs.json: run \`npm run bench\` again to compare.`);
  } else {
    const pairs = saved.flatMap((now) => {
      const before = previous.rows.find((b) => b.key === now.key);
      return before ? [{ now, before }] : [];
    });
    const off = pairs.filter(({ now, before }) => !agrees(now, before));
    lines.push(
      `Compared with the previous run of the same code (commit ${commit}, ${previous.date}): ${pairs.length - off.length} of ${pairs.length} rows agree ` +
        "within the noise shown (either run's median lies within the other's min–max, or the two are within 3 %; sizes to 1 %).",
    );
    for (const { now, before } of off) {
      const range = (r?: [number, number]) => (r ? ` (${fmt(r[0])}–${fmt(r[1])})` : '');
      lines.push(`Differs: ${now.key}: ${withUnit(now.median, now.unit)}${range(now.range)} now, ${withUnit(before.median, before.unit)}${range(before.range)} before.`);
    }
  }
  if (commit) {
    runs.push({ commit, date: new Date().toISOString(), quick, rows: saved });
    await writeFile(path, `${JSON.stringify(runs.slice(-KEEP), null, 1)}\n`);
  }
  return lines;
}
