// The Content-Security-Policy of the BUILT pages (out/renderer, as `npm test` builds them before vitest): no eval,
// scripts only from the app itself, no plugins, no inline scripts the build might have added — and the header both
// hosts send says the same as the pages' own <meta> tags (plus frame-ancestors, which a meta tag cannot carry).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP, cspOf } from '../../electron/main/core/renderer-files';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/platform/security';
import { FALLBACK_CSP } from '../../electron/preview/static-files';

const BUILT = join(import.meta.dirname, '..', '..', 'out', 'renderer');
const PAGES = ['overlay.html', 'review.html', 'wrapup.html'];

/** "default-src 'none'; script-src 'self'" -> { 'default-src': ["'none'"], 'script-src': ["'self'"] } */
export function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

/** What is wrong with a page's policy, or [] when it is strict enough. */
export function cspProblems(policy: string | null): string[] {
  if (!policy) return ['no Content-Security-Policy'];
  const d = directives(policy);
  const problems: string[] = [];
  if (/unsafe-eval|wasm-unsafe-eval/.test(policy)) problems.push('allows eval');
  if (/unsafe-inline/.test(d['script-src']?.join(' ') ?? '')) problems.push('allows inline scripts');
  if (d['script-src']?.join(' ') !== "'self'") problems.push(`script-src is ${d['script-src']?.join(' ') ?? 'missing'}`);
  if (d['object-src']?.join(' ') !== "'none'") problems.push(`object-src is ${d['object-src']?.join(' ') ?? 'missing'}`);
  if (d['default-src']?.join(' ') !== "'none'") problems.push(`default-src is ${d['default-src']?.join(' ') ?? 'missing'}`);
  if (d['base-uri']?.join(' ') !== "'none'") problems.push('base-uri is not none');
  if (/(https?:|\*|data:)/.test(d['script-src']?.join(' ') ?? '')) problems.push('scripts from elsewhere');
  return problems;
}

describe.each(PAGES)('the built %s', (page) => {
  const html = (() => {
    try {
      return readFileSync(join(BUILT, page), 'utf8');
    } catch {
      throw new Error(`out/renderer/${page} is missing: run \`npm run build\` (npm test does) before this test`);
    }
  })();

  it('declares a strict CSP: script-src self, object-src none, no eval', () => {
    expect(cspProblems(cspOf(html))).toEqual([]);
  });

  it('has no inline script and loads no script from elsewhere', () => {
    const scripts = html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(script).toMatch(/\bsrc="\.?\/[^"]+\.js"/); // a file of the build, by a relative path
      expect(script.replace(/<script\b[^>]*>/i, '').replace(/<\/script>$/i, '').trim()).toBe('');
    }
  });

  it('declares exactly the policy the hosts send as a header, less frame-ancestors', () => {
    const { 'frame-ancestors': _frames, ...headerRest } = directives(RENDERER_CSP);
    expect(directives(cspOf(html) ?? '')).toEqual(headerRest);
  });
});

describe('the CSP header', () => {
  it('is one policy for Electron and the preview, and it is strict', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(RENDERER_CSP);
    expect(FALLBACK_CSP).toBe(RENDERER_CSP);
    expect(cspProblems(RENDERER_CSP)).toEqual([]);
    expect(directives(RENDERER_CSP)['frame-ancestors']).toEqual(["'none'"]);
  });

  it('catches a weak policy (the check itself can fail)', () => {
    expect(cspProblems("default-src 'self'; script-src 'self' 'unsafe-eval'")).toEqual(
      expect.arrayContaining(['allows eval', 'object-src is missing', "default-src is 'self'"]),
    );
    expect(cspProblems("default-src 'none'; script-src 'self' https://cdn.example; object-src 'none'; base-uri 'none'")).toContain(
      "script-src is 'self' https://cdn.example",
    );
    expect(cspProblems(null)).toEqual(['no Content-Security-Policy']);
  });

  it('covers every page the build produced', () => {
    expect(readdirSync(BUILT).filter((f) => f.endsWith('.html')).sort()).toEqual(PAGES);
  });
});
