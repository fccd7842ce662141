// Runs in the main process (pure: no electron). Where our pages live — the dev server during `electron-vite dev`,
// the built files served on app://second-step/ otherwise (never file://) — and the question every guard asks: is
// this URL one of our pages, and which one?
import { join } from 'node:path';
import type { WindowName } from '../../../../shared/views';

/** The origin the app:// protocol serves the built pages on (see ../app-protocol.ts, which imports electron). */
export const PAGES_ORIGIN = 'app://second-step';

const PAGE_NAMES: readonly WindowName[] = ['overlay', 'wrapup', 'review'];

export interface Pages {
  /** Absolute path of the CommonJS preload every window uses. */
  preload: string;
  /** The built renderer folder: the only files app:// serves. */
  rendererDir: string;
  /** True when the pages come from electron-vite's dev server instead of app://. */
  fromDevServer: boolean;
  urlOf(name: WindowName): string;
  /** The page a URL shows, ignoring its query and hash; null for anything that is not ours. */
  nameOf(url: string): WindowName | null;
}

export interface PagesOptions {
  /** `app.getAppPath()`: the folder (or asar) holding package.json and out/. */
  appPath: string;
  /** electron-vite's dev server; only ever honoured for an unpackaged app (see index.ts). */
  devServerUrl?: string | undefined;
}

export function createPages({ appPath, devServerUrl }: PagesOptions): Pages {
  const urlOf = (name: WindowName) =>
    devServerUrl
      ? new URL(`${name}.html`, devServerUrl.endsWith('/') ? devServerUrl : `${devServerUrl}/`).href
      : `${PAGES_ORIGIN}/${name}.html`;
  const known = new Map(PAGE_NAMES.map((name) => [urlOf(name), name]));
  return {
    preload: join(appPath, 'out', 'preload', 'index.cjs'),
    rendererDir: join(appPath, 'out', 'renderer'),
    fromDevServer: Boolean(devServerUrl),
    urlOf,
    nameOf: (url) => known.get(withoutQueryAndHash(url)) ?? null,
  };
}

function withoutQueryAndHash(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.search = '';
    parsed.hash = '';
    return parsed.href;
  } catch {
    return '';
  }
}
