// Runs in the main process. Our own pages are the app's only content: no navigation away, no new windows, no
// webviews, no permissions, a strict CSP on every response — and https links open in the rep's browser instead.
import { app, session, shell, type WebContents } from 'electron';
import { RENDERER_CSP } from '../core/renderer-files';
import type { Pages } from './windows/pages';

/** The same policy as the pages' meta tags, sent as a header too so it holds even for a page served without them. */
export const CONTENT_SECURITY_POLICY = RENDERER_CSP;

/** A link the rep may follow in their browser: https only — never file:, http: or a scheme that launches a program. */
export function externalLink(url: string): string | null {
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

const openExternally = (url: string) => {
  const link = externalLink(url);
  if (link) void shell.openExternal(link);
};

function guard(contents: WebContents, pages: Pages): void {
  contents.on('will-navigate', (event) => {
    // Reloading the page a window already shows is fine; anything else would put foreign content next to window.api.
    const target = pages.nameOf(event.url);
    if (target !== null && target === pages.nameOf(contents.getURL())) return;
    event.preventDefault();
    openExternally(event.url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function applySecurity(pages: Pages): void {
  // Every webContents, including any created later, gets the same guards.
  app.on('web-contents-created', (_event, contents) => guard(contents, pages));
  const ses = session.defaultSession;
  // The app needs no camera, microphone, notifications, geolocation…: say no to every request and every check —
  // except writing plain text to the clipboard ("Copy follow-up email"), and only for our own pages. Reading the
  // clipboard stays refused.
  const allowed = (contents: WebContents | null, permission: string) =>
    permission === 'clipboard-sanitized-write' && !!contents && pages.nameOf(contents.getURL()) !== null;
  ses.setPermissionRequestHandler((contents, permission, answer) => answer(allowed(contents, permission)));
  ses.setPermissionCheckHandler((contents, permission) => allowed(contents, permission));
  ses.webRequest.onHeadersReceived((details, respond) =>
    respond({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
  );
}
