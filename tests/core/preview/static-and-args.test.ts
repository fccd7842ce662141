// Runs under vitest (node). Small pure pieces of the preview: path resolution inside the renderer folder, the page's
// CSP, where the bridge goes in a page, and the command line.
import { join, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePreviewArgs } from '../../../electron/preview/args';
import { cspOf, injectBridge, resolveInside } from '../../../electron/preview/static-files';

describe('resolveInside', () => {
  const root = resolve('/srv/renderer');
  it('maps URL paths to files inside the root', () => {
    expect(resolveInside(root, '/review.html')).toBe(join(root, 'review.html'));
    expect(resolveInside(root, '/assets/a%20b.js')).toBe(join(root, 'assets', 'a b.js'));
  });
  it.each(['/../etc/passwd', '/%2e%2e/secret', '/assets/..%2f..%2fsecret', '/a%00b', '/%E0%A4%A', '/..\\secret', '/'])(
    'refuses %j',
    (p) => {
      expect(resolveInside(root, p)).toBeNull();
    },
  );
  it('never leaves the root, whatever the path (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('..', '.', 'a', '%2e%2e', '%2f', '/', 'b.js', '%5c', '~'), { maxLength: 8 }), (parts) => {
        const file = resolveInside(root, `/${parts.join('/')}`);
        return file === null || file.startsWith(root + sep);
      }),
    );
  });
});

describe('cspOf / injectBridge', () => {
  const html = `<!doctype html><html><head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'" />
    <script type="module" crossorigin src="./assets/review.js"></script>
  </head><body><div id="root"></div></body></html>`;

  it('reads the page CSP', () => {
    expect(cspOf(html)).toBe("default-src 'none'; script-src 'self'");
    expect(cspOf('<html><head></head></html>')).toBeNull();
  });

  it('puts the bridge before the first script, or at the end of head', () => {
    const out = injectBridge(html);
    expect(out.indexOf('/__preview/bridge.js')).toBeLessThan(out.indexOf('./assets/review.js'));
    expect(out.indexOf('/__preview/bridge.js')).toBeGreaterThan(out.indexOf('Content-Security-Policy'));
    const noScript = injectBridge('<html><head><title>x</title></head><body></body></html>');
    expect(noScript.indexOf('/__preview/bridge.js')).toBeLessThan(noScript.indexOf('</head>'));
  });
});

describe('parsePreviewArgs', () => {
  it('parses the documented command line', () => {
    expect(parsePreviewArgs(['--data', 'tmp/d', '--port', '0', '--test-clock', '--now', '2026-03-02T09:00:00Z'])).toEqual({
      dataDir: resolve('tmp/d'),
      port: 0,
      testClock: true,
      now: Date.parse('2026-03-02T09:00:00Z'),
    });
    expect(parsePreviewArgs(['--data', '/d', '--port', '5173'])).toEqual({ dataDir: resolve('/d'), port: 5173, testClock: false });
  });
  it('refuses what it does not understand, in plain words', () => {
    expect(() => parsePreviewArgs(['--port', '1'])).toThrow(/--data/);
    expect(() => parsePreviewArgs(['--data', 'd', '--port', 'x'])).toThrow(/--port/);
    expect(() => parsePreviewArgs(['--data', 'd', '--port', '70000'])).toThrow(/--port/);
    expect(() => parsePreviewArgs(['--data', 'd', '--now', '2026-01-01T00:00:00Z'])).toThrow(/--test-clock/);
    expect(() => parsePreviewArgs(['--data', 'd', '--test-clock', '--now', 'soon'])).toThrow(/--now/);
    expect(() => parsePreviewArgs(['--data', 'd', '--bogus'])).toThrow();
  });
});
