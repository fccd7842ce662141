// Runs in the main process. The windows load their pages from app://second-step/, a protocol of our own that serves
// the built renderer folder and nothing else — not from file://, where a page (or an injected script) could read any
// file on the machine (Electron security checklist, item 18). A path that leaves the folder, also through a symlink,
// gets a 404; every answer carries the pages' CSP and forbids content sniffing.
import { readFile, realpath } from 'node:fs/promises';
import { sep } from 'node:path';
import { protocol } from 'electron';
import { RENDERER_CSP, contentTypeOf, resolveInside } from '../core/renderer-files';
import { PAGES_ORIGIN, type Pages } from './windows/pages';

// A standard scheme needs a host; ours names the app: app://second-step.
const { protocol: SCHEME_COLON, host: APP_HOST } = new URL(PAGES_ORIGIN);
export const APP_SCHEME = SCHEME_COLON.slice(0, -1);

/** Must run before the app is ready. `standard` gives the pages a real origin (relative URLs, storage), `secure`
 * makes it a secure context like https; nothing more (no CSP bypass, no service workers). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const refuse = (status: 404 | 405) =>
  new Response(status === 404 ? 'Not found' : 'Method not allowed', { status, headers: { 'Content-Type': 'text/plain' } });

/** The answer to one request for app://second-step/<path>: a file of `rendererDir`, or a refusal. */
export async function answerAppRequest(rendererDir: string, request: Pick<Request, 'url' | 'method'>): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return refuse(404);
  }
  if (url.protocol !== SCHEME_COLON || url.host !== APP_HOST) return refuse(404);
  const file = resolveInside(rendererDir, url.pathname);
  if (!file) return refuse(404);
  try {
    // A symlink inside the folder must not lead out of it.
    const [real, root] = await Promise.all([realpath(file), realpath(rendererDir)]);
    if (!real.startsWith(root + sep)) return refuse(404);
    const body = await readFile(real);
    return new Response(request.method === 'HEAD' ? null : body, {
      headers: {
        'Content-Type': contentTypeOf(real),
        'Content-Security-Policy': RENDERER_CSP,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return refuse(404); // missing, a folder, unreadable
  }
}

/** Serves the built renderer on app://second-step/ (call once the app is ready; not while the dev server serves). */
export function serveRendererFiles(pages: Pick<Pages, 'rendererDir' | 'fromDevServer'>): void {
  if (pages.fromDevServer) return;
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(pages.rendererDir, request));
}
