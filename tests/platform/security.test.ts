// Our pages are the only content: navigation and new windows are denied (https links go to the browser), every
// permission is refused, webviews cannot attach, and every response carries the CSP.
import { beforeEach, describe, expect, it } from 'vitest';
import { applySecurity, CONTENT_SECURITY_POLICY, externalLink } from '../../electron/main/platform/security';
import { app, FakeEvent, FakeWebContents, session, shell } from '../support/fake-electron';
import { fake, pages, readyWindows } from './harness';

let review: ReturnType<typeof fake>;

beforeEach(async () => {
  const windows = await readyWindows();
  applySecurity(pages);
  review = fake(windows.show('review'));
});

describe('navigation', () => {
  it('is refused to anywhere else; an https link opens in the browser instead', () => {
    expect(review.webContents.tryNavigate('https://evil.example/').defaultPrevented).toBe(true);
    expect(review.webContents.getURL()).toBe(pages.urlOf('review'));
    expect(shell.opened).toEqual(['https://evil.example/']);
  });

  it('is refused to another of our own pages, and to file: or http: without opening anything', () => {
    for (const url of [pages.urlOf('overlay'), 'file:///etc/passwd', 'http://example.com/']) {
      expect(review.webContents.tryNavigate(url).defaultPrevented).toBe(true);
    }
    expect(shell.opened).toEqual([]);
  });

  it('is allowed to reload the page the window already shows', () => {
    expect(review.webContents.tryNavigate(`${pages.urlOf('review')}#threads`).defaultPrevented).toBe(false);
  });
});

describe('new windows', () => {
  it.each([
    ['https://meet.example.com/abc', true],
    ['http://meet.example.com/abc', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['zoommtg://zoom.us/join?confno=1', false],
    ['not a url', false],
  ])('are always denied; %s opens in the browser: %s', (url, opened) => {
    expect(review.webContents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual(opened ? [url] : []);
    expect(externalLink(url)).toBe(opened ? url : null);
  });

  it('are guarded in every webContents, including ones created later', () => {
    const later = new FakeWebContents();
    app.emit('web-contents-created', new FakeEvent(), later);
    expect(later.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(later.tryNavigate('https://example.com/').defaultPrevented).toBe(true);
  });

  it('cannot smuggle in a webview', () => {
    const attach = new FakeEvent();
    review.webContents.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'display-capture'])('%s is refused', (permission) => {
    const answers: boolean[] = [];
    session.defaultSession.permissionRequestHandler?.(review.webContents, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(session.defaultSession.permissionCheckHandler?.(review.webContents, permission)).toBe(false);
  });

  it('lets only our own pages write plain text to the clipboard (Copy follow-up email)', () => {
    expect(session.defaultSession.permissionCheckHandler?.(review.webContents, 'clipboard-sanitized-write')).toBe(true);
    const foreign = { getURL: () => 'https://evil.example/' };
    expect(session.defaultSession.permissionCheckHandler?.(foreign as never, 'clipboard-sanitized-write')).toBe(false);
  });
});

describe('content security policy', () => {
  it('is added to every response, keeping its other headers', () => {
    let headers: Record<string, string[]> | undefined;
    session.defaultSession.headersListener?.(
      { url: pages.urlOf('review'), responseHeaders: { 'Content-Type': ['text/html'] } },
      (response) => (headers = response.responseHeaders),
    );
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });
});
