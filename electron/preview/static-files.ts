// Runs in Node (the browser-preview host). Serves the built renderer (out/renderer/) read-only: resolves a URL path
// inside that folder (never outside it), and prepares each HTML page for the preview — the bridge script injected
// before the page's own module script, and the page's strict CSP repeated as a response header (a <meta> CSP cannot
// carry frame-ancestors; the header can).
import { readFile, stat } from 'node:fs/promises';
import { RENDERER_CSP, contentTypeOf, cspOf, resolveInside } from '../main/core/renderer-files';
import { BRIDGE_CSS_PATH, BRIDGE_JS_PATH } from './bridge-client';

export { contentTypeOf, cspOf, resolveInside };

/** Used when a page has no CSP of its own (it always should): the same policy the pages declare. */
export const FALLBACK_CSP = RENDERER_CSP;

/** Puts the bridge (and its banner styles) before the page's first script, so `window.api` exists when it runs.
 * `defer`: it still runs before the page's module scripts (deferred and module scripts run in document order), but
 * the parser does not stop to fetch it, so the page's own scripts are requested at once, as in Electron, where the
 * preload needs no request. */
export function injectBridge(html: string): string {
  const tags = `<link rel="stylesheet" href="${BRIDGE_CSS_PATH}">\n    <script defer src="${BRIDGE_JS_PATH}"></script>\n    `;
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
