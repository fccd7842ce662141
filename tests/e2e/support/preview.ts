// Runs in the e2e tests' Node process. Starts the built browser preview (out/main/preview.js, the same program
// `npm run preview:web` runs) as a child process on port 0 with a fresh temp data folder and the test clock, waits for
// its `ready http://127.0.0.1:<port>/` line, and offers what tests need from outside the page: the per-run token
// (read from bridge.js the way a same-origin page could), raw API calls, clock moves, the store file on disk, and a
// clean stop.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { inject } from 'vitest';
import type { Reply } from '../../../shared/contract';
import { STORE_FILE } from '../../../electron/main/core/store/file-names';
import { documentOnDisk } from '../../support/on-disk';

export const ROOT = resolve(import.meta.dirname, '../../..');

/** The built host: from the global setup's private snapshot of out/, or out/ itself. */
export function previewJs(): string {
  let dir: string | undefined;
  try {
    dir = inject('previewDir');
  } catch {
    dir = undefined;
  }
  return join(dir ?? join(ROOT, 'out'), 'main/preview.js');
}

export interface PreviewOptions {
  /** Start of the test clock (ISO). Default: the real now. */
  now?: string;
  /** Default true: enables POST /__test/clock. */
  testClock?: boolean;
  /** Reuse a data folder (e.g. to restart on the same data); default: a fresh temp folder, removed on stop. */
  dataDir?: string;
  /** The built host to run; default `previewJs()` (the benchmarks pass their own snapshot of out/). */
  entry?: string;
}

export interface Preview {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  origin: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Everything the preview wrote to stderr so far (for failure messages). */
  stderr(): string;
  /** `url` + path, e.g. `page('review.html')`. */
  page(path: string): string;
  /** The per-run token, read from /__preview/bridge.js. */
  token(): Promise<string>;
  /** POST /api/<method> with the token and our Origin, as the bridge does. */
  call<R = unknown>(method: string, body?: unknown): Promise<Reply<R>>;
  /** Moves the test clock; resolves with the new now (ms). */
  advanceClock(ms: number): Promise<number>;
  setClock(iso: string): Promise<number>;
  /** The core's current time, as the windows see it. */
  now(): Promise<number>;
  /** The JSON store document(s) in the data folder, parsed from disk. */
  readStore(): Promise<{ file: string; data: unknown }>;
  /** SIGTERM, wait for a clean exit (SIGKILL after 5 s), remove the temp folder. Resolves with the exit code. */
  stop(): Promise<number | null>;
}

const READY = /^ready (http:\/\/127\.0\.0\.1:(\d+)\/)$/;

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const ownsDir = !options.dataDir;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'second-step-e2e-')));
  const args = [options.entry ?? previewJs(), '--data', dataDir, '--port', '0'];
  if (options.testClock ?? true) args.push('--test-clock');
  if (options.now) args.push('--now', options.now);
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let errText = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (errText += chunk));

  const url = await new Promise<string>((resolveUrl, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => fail(new Error('the preview did not print "ready" within 20 s')), 20_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      lines.close();
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n--- preview stderr ---\n${errText}`));
    };
    lines.on('line', (line) => {
      const m = READY.exec(line.trim());
      if (!m) return;
      clearTimeout(timer);
      resolveUrl(m[1]!);
    });
    child.once('exit', (code, signal) => fail(new Error(`the preview exited early (${code ?? signal})`)));
    child.once('error', fail);
  });
  child.removeAllListeners('exit');
  // If this test process ends without stop() (a crash, a timeout), do not leave a server running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  const port = Number(new URL(url).port);
  const origin = `http://127.0.0.1:${port}`;

  let cachedToken: string | undefined;
  const token = async () => {
    if (cachedToken) return cachedToken;
    const res = await fetch(`${origin}/__preview/bridge.js`);
    const m = /"token":"([0-9a-f]{64})"/.exec(await res.text());
    if (!m) throw new Error('no token in /__preview/bridge.js');
    return (cachedToken = m[1]!);
  };
  const post = async <R>(path: string, body: unknown): Promise<Reply<R>> => {
    const res = await fetch(`${origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, 'x-second-step-token': await token() },
      body: body === undefined ? '' : JSON.stringify(body),
    });
    if (res.status !== 200) throw new Error(`POST ${path} -> HTTP ${res.status}: ${await res.text()}`);
    return (await res.json()) as Reply<R>;
  };
  const clock = async (body: unknown) => {
    const reply = await post<{ now: number }>('/__test/clock', body);
    if (!reply.ok) throw new Error(`clock move refused: ${reply.error.message}`);
    return reply.value.now;
  };

  let stopped: Promise<number | null> | undefined;
  return {
    url,
    origin,
    port,
    dataDir,
    child,
    stderr: () => errText,
    page: (path) => `${origin}/${path.replace(/^\//, '')}`,
    token,
    call: (method, body) => post(`/api/${method}`, body),
    advanceClock: (ms) => clock({ advanceMs: ms }),
    setClock: (iso) => clock({ now: iso }),
    async now() {
      const reply = await post<{ now: number }>('/api/getState', undefined);
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.value.now;
    },
    async readStore() {
      // The live file with the changes its journal holds: what the app would read back at its next start.
      return { file: join(dataDir, STORE_FILE), data: documentOnDisk(dataDir) as unknown };
    },
    stop: () =>
      (stopped ??= (async () => {
        const exited = new Promise<number | null>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) done(child.exitCode);
          else child.once('exit', (code) => done(code));
        });
        child.kill('SIGTERM');
        const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
        const code = await exited;
        clearTimeout(kill);
        if (ownsDir) await rm(dataDir, { recursive: true, force: true });
        return code;
      })()),
  };
}
