// Runs in Node (the browser-preview host). Serves the built renderer (out/renderer/) read-only: resolves a URL path
// inside that folder (never outside it), and prepares each HTML page for the preview — the bridge script injected
// before the page's own module script, and the page's strict CSP repeated as a response header (a <meta> CSP cannot
// carry frame-ancestors; the header can).
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { BRIDGE_CSS_PATH, BRIDGE_JS_PATH } from './bridge-client';

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

/** Used when a page has no CSP of its own (it always should): the same policy the pages declare. */
export const FALLBACK_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

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

/** Puts the bridge (and its banner styles) before the page's first script, so `window.api` exists when it runs. */
export function injectBridge(html: string): string {
  const tags = `<link rel="stylesheet" href="${BRIDGE_CSS_PATH}">\n    <script src="${BRIDGE_JS_PATH}"></script>\n    `;
  const firstScript = html.search(/<script\b/i);
  if (firstScript >= 0) return html.slice(0, firstScript) + tags + html.slice(firstScript);
  const headEnd = html.search(/<\/head>/i);
  if (headEnd >= 0) return html.slice(0, headEnd) + tags + html.slice(headEnd);
  return tags + html;
}

export interface StaticFile {
  body: Buffer | string;
  contentType: string;
  /** The page's CSP, for HTML. */
  csp?: string;
}

/** Reads a file of the built renderer; HTML comes back prepared for the preview. Null when there is no such file. */
export async function readStatic(root: string, urlPath: string): Promise<StaticFile | null> {
  const file = resolveInside(root, urlPath);
  if (!file) return null;
  try {
    if (!(await stat(file)).isFile()) return null;
  } catch {
    return null;
  }
  const contentType = contentTypeOf(file);
  if (contentType.startsWith('text/html')) {
    const html = await readFile(file, 'utf8');
    return { body: injectBridge(html), contentType, csp: cspOf(html) ?? FALLBACK_CSP };
  }
  return { body: await readFile(file), contentType };
}
