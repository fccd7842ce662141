// Runs in Node (the main process and the preview host). The built renderer (out/renderer/) as both hosts serve it —
// Electron through the app:// protocol, the browser preview over HTTP: which file a URL path names (never one outside
// the folder), its content type, and the one Content-Security-Policy every page runs under. In one place so the two
// hosts cannot drift apart.
import { extname, resolve, sep } from 'node:path';

/** The pages' policy, sent as a header by both hosts. The pages declare the same in a <meta> tag, minus
 * frame-ancestors (a meta CSP cannot carry it); tests/platform/csp.test.ts checks the built pages against this. */
export const RENDERER_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export const contentTypeOf = (file: string) => TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

/** The file a URL path names inside `root`, or null if it would leave it (traversal, NUL, odd encodings). */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  return file.startsWith(base + sep) ? file : null;
}

/** The CSP a page declares in its <meta http-equiv="Content-Security-Policy">. */
export function cspOf(html: string): string | null {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/http-equiv\s*=\s*["']?content-security-policy["']?/i.test(tag)) continue;
    const content = /content\s*=\s*"([^"]*)"/i.exec(tag) ?? /content\s*=\s*'([^']*)'/i.exec(tag);
    if (content) return content[1]!.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
  }
  return null;
}
