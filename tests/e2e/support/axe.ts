// Runs in the e2e tests' Node process. Runs axe-core (via @axe-core/playwright) on a page under its real CSP and
// returns a short, readable summary; tests fail on any violation (`blocking`) and print them all.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  nodes: number;
  targets: string[];
}

export interface AxeSummary {
  page: string;
  violations: AxeFinding[];
  /** Every violation, whatever its impact: a test should expect none. */
  blocking: AxeFinding[];
  /** One line per finding, for the log. */
  text: string;
}

export async function runAxe(page: Page, name: string): Promise<AxeSummary> {
  // What is `inert` is out of reach for every user and every assistive technology: the review's tabs that are away
  // (kept built, hidden and inert). Each is checked when it is the one on screen; scanning all of them on every call
  // made one review check take ~6 s on a year of data, for nothing a rep can meet.
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .exclude('[inert]')
    .analyze();
  const violations: AxeFinding[] = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    nodes: v.nodes.length,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
  // Every violation blocks, whatever its impact: the windows are small enough to get all of them right.
  const blocking = violations;
  const text =
    violations.length === 0
      ? `axe ${name}: no violations`
      : [`axe ${name}: ${violations.length} violation(s)`, ...violations.map((v) => `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes}×: ${v.targets.join(' | ')})`)].join('\n');
  return { page: name, violations, blocking, text };
}
