// Runs in Node (`npm run bench`). The one table every suite fills: statistics over samples, a row per case (raw
// figures, the baseline measured in the same run, the ratio, the goal and whether it is met), the console table, and
// docs/PERFORMANCE.md with the command and the machine.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, release } from 'node:os';

export interface Stats {
  median: number;
  p95: number;
  min: number;
  max: number;
  n: number;
}

export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, p95: at(0.95), min: sorted[0]!, max: sorted[sorted.length - 1]!, n: sorted.length };
}

export type Unit = 'ms' | 's' | 'KB' | 'MB' | '%' | '×';

export interface Row {
  suite: string;
  case: string;
  unit: Unit;
  /** Null for a skipped row. */
  median: number | null;
  /** "p95 …" for many samples, "min–max" for few, "n=…" always; '' for a single figure. */
  spread: string;
  /** The baseline this row is compared with, measured in the same run: its name and median. */
  baseline?: string;
  ratio?: number;
  goal?: string;
  /** Undefined when the row has no goal (a baseline, or a figure we only record). */
  met?: boolean;
  /** Why the row is skipped. */
  skipped?: string;
  /** The lowest and highest sample: the noise another run's median is compared with (runs.ts). */
  range?: [number, number];
}

/** Shortest readable figure: 3 significant digits, no more than 2 decimals. */
export function fmt(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 0.01 || abs === 0) return value.toFixed(2);
  return value.toPrecision(2);
}

export const withUnit = (value: number, unit: Unit) => (unit === '×' ? `${fmt(value)}×` : `${fmt(value)} ${unit}`);

export function spreadOf(s: Stats, unit: Unit): string {
  if (s.n === 1) return 'n=1';
  const range = `${fmt(s.min)}–${fmt(s.max)}`;
  return s.n >= 20 ? `p95 ${withUnit(s.p95, unit)} · ${range} · n=${s.n}` : `${range} · n=${s.n}`;
}

/** A row from raw samples. */
export function row(suite: string, name: string, unit: Unit, samples: readonly number[], extra: Partial<Row> = {}): Row {
  const s = stats(samples);
  return { suite, case: name, unit, median: s.median, spread: spreadOf(s, unit), range: [s.min, s.max], ...extra };
}

/** A ratio row: `ours` against a baseline measured side by side, with a goal on the ratio. */
export function ratioRow(suite: string, name: string, ours: Stats, base: { label: string; stats: Stats }, unit: Unit, maxRatio: number): Row {
  const ratio = ours.median / base.stats.median;
  return {
    suite,
    case: name,
    unit,
    median: ours.median,
    spread: spreadOf(ours, unit),
    range: [ours.min, ours.max],
    baseline: `${base.label} ${withUnit(base.stats.median, unit)}`,
    ratio,
    goal: `≤ ${fmt(maxRatio)}×`,
    met: ratio <= maxRatio,
  };
}

/** A goal on an absolute figure (`value`, by default the median). */
export function goalMax(max: number, unit: Unit, value: number, on = ''): Pick<Row, 'goal' | 'met'> {
  return { goal: `${on ? `${on} ` : ''}≤ ${withUnit(max, unit)}`, met: value <= max };
}

export const skippedRow = (suite: string, name: string, why: string, goal?: string): Row => ({
  suite,
  case: name,
  unit: 'ms',
  median: null,
  spread: '',
  skipped: why,
  ...(goal ? { goal } : {}),
});

const HEAD = ['suite', 'case', 'median', 'spread', 'baseline (same run)', 'ratio', 'goal', 'met?'] as const;

function cells(r: Row): string[] {
  return [
    r.suite,
    r.case,
    r.median === null ? `skipped: ${r.skipped ?? ''}` : withUnit(r.median, r.unit),
    r.spread,
    r.baseline ?? '',
    r.ratio === undefined ? '' : `${fmt(r.ratio)}×`,
    r.goal ?? '',
    r.met === undefined ? (r.skipped ? 'skipped' : '') : r.met ? 'met' : 'MISSED',
  ];
}

export function consoleTable(rows: readonly Row[]): string {
  const all = [[...HEAD], ...rows.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...all.map((c) => [...c[i]!].length)));
  const line = (c: string[]) => c.map((text, i) => text + ' '.repeat(widths[i]! - [...text].length)).join(' | ');
  return [line(all[0]!), widths.map((w) => '-'.repeat(w)).join('-|-'), ...all.slice(1).map(line)].join('\n');
}

export function markdownTable(rows: readonly Row[]): string {
  const esc = (s: string) => s.replaceAll('|', '\\|');
  return [
    `| ${HEAD.join(' | ')} |`,
    `|${HEAD.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`),
  ].join('\n');
}

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  os: string;
  date: string;
  load: string;
}

export function machine(): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: os.cpus() said it
  }
  return {
    cpu,
    cores: cpus().length,
    node: process.version,
    os: `${process.platform} ${release()}`,
    date: new Date().toISOString(),
    load: loadavg().map((l) => l.toFixed(2)).join(' / '),
  };
}

export interface Report {
  rows: Row[];
  /** Per suite: how it was measured, what dominates, why a goal is missed. */
  notes: { suite: string; lines: string[] }[];
  command: string;
  quick: boolean;
  machineAtStart: Machine;
  loadAtEnd: string;
  seconds: number;
  /** Hand-written text kept with the generator (methodology, proposed fixes). */
  footer: string;
  /** How this run compares with the previous run of the same code (runs.ts). */
  agreement: string[];
}

/** "Store 10, Overlay 3": how many rows of each suite. */
const bySuite = (rows: readonly Row[]) => {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.suite, (counts.get(r.suite) ?? 0) + 1);
  return [...counts].map(([suite, n]) => `${suite} ${n}`).join(', ');
};

export async function writeDoc(path: string, r: Report): Promise<void> {
  const m = r.machineAtStart;
  const met = r.rows.filter((x) => x.met === true).length;
  const missed = r.rows.filter((x) => x.met === false);
  const text = [
    '# Performance',
    '',
    '<!-- Generated by `npm run bench` (tests/bench/run.ts): edit the generator, not this file. -->',
    '',
    `Figures from one run of \`${r.command}\`${r.quick ? ' in **quick mode** (`BENCH_QUICK=1`: fewer samples, 10 s idle window)' : ''}, ` +
      `${r.seconds.toFixed(0)} s in all. Each row is the median of several samples with its spread; where a baseline exists it ` +
      'was measured side by side in the same run and the ratio is median ÷ median.',
    '',
    `**Machine:** ${m.cpu}, ${m.cores} cores, Node ${m.node}, ${m.os}; ${m.date}. ` +
      `**The machine is shared:** 2 cores used at the same time by other engineers' test runs (load average ${m.load} at the start, ` +
      `${r.loadAtEnd} at the end), so single figures are noisy; trust the medians and the ratios (both sides of a ratio ` +
      'see the same noise) more than any one sample.',
    '',
    `**Goals:** ${met} met, ${missed.length} missed${missed.length ? ` (${bySuite(missed)}; the rows marked MISSED, causes in the notes below)` : ''}.`,
    '',
    markdownTable(r.rows),
    '',
    '## Repeated runs',
    '',
    ...r.agreement.map((l) => `- ${l}`),
    '',
    '## Notes from this run',
    '',
    ...r.notes.flatMap((n) => [`### ${n.suite}`, '', ...n.lines.map((l) => `- ${l}`), '']),
    r.footer.trim(),
    '',
  ].join('\n');
  await writeFile(path, text);
}
