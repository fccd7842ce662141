// docs/SECURITY.md answers all 20 items of Electron's security checklist, each with how it is met and the tests that
// prove it (which must exist); the Electronegativity gate accepts exactly the findings reviewed there; and Electron
// is pinned exactly, at or above the major the document names.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without types; its two pure functions are tested here
import { reviewedFindings, unreviewed } from '../../scripts/electronegativity-check.mjs';

const root = join(import.meta.dirname, '..', '..');
const doc = readFileSync(join(root, 'docs', 'SECURITY.md'), 'utf8');
const rows = doc.split('\n').filter((line) => /^\| \d+ \|/.test(line));

describe('docs/SECURITY.md', () => {
  it('answers the 20 items of the checklist, in order, each with how and proof', () => {
    expect(rows.map((row) => Number(row.split('|')[1]))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const row of rows) {
      const [, , item, how, proof] = row.split('|').map((cell) => cell.trim());
      expect(item, row).not.toBe('');
      expect(how!.length, `item "${item}" says how it is met`).toBeGreaterThan(40);
      expect(proof, `item "${item}" names its proof`).toMatch(/`tests\//);
    }
  });

  it('names only tests that exist', () => {
    const named = [...doc.matchAll(/`(tests\/[^`]+\.test\.ts)`/g)].map(([, path]) => path!);
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });

  it('pins Electron exactly, at or above the major it names', () => {
    const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron as string;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const named = Number(/Electron (\d+) \(a supported major\)/.exec(doc)?.[1]);
    expect(Number(pinned.split('.')[0])).toBeGreaterThanOrEqual(named);
  });
});

describe('the Electronegativity gate', () => {
  const csv = [
    'issue, severity, confidence, filename, location, sample, description, url',
    'OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","electron/main/platform/security.ts","21:17","if (link) shell.openExternal(link);","Review the use of openExternal",https://x',
    'CSP_GLOBAL_CHECK,"LOW","FIRM","renderer/review.html","5:0","default-src \'none\'; script-src \'self\'","CSP",https://x',
  ];
  const reviewed = reviewedFindings(doc) as Set<string>;

  it('accepts the findings reviewed in the document, and LOW ones', () => {
    expect(reviewed.has('OPEN_EXTERNAL_JS_CHECK electron/main/platform/security.ts')).toBe(true);
    expect(unreviewed(csv.join('\n'), reviewed)).toEqual([]);
  });

  it('fails on a HIGH or MEDIUM finding nobody reviewed, or a reviewed one in a new place', () => {
    const fresh = [
      ...csv,
      'CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","electron/main/platform/windows/index.ts","50:19","new BrowserWindow(x)","Review",https://x',
      'OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","electron/main/platform/tray.ts","9:3","shell.openExternal(url)","Review",https://x',
    ];
    expect(unreviewed(fresh.join('\n'), reviewed).map((f: { issue: string }) => f.issue)).toEqual([
      'CONTEXT_ISOLATION_JS_CHECK',
      'OPEN_EXTERNAL_JS_CHECK',
    ]);
  });
});
