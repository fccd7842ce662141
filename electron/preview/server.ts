// Runs in Node (the browser-preview host; built to out/main/preview.js, started by scripts/preview-web.mjs).
// The entry: parse the command line, open the REAL core on a real data folder, serve the built renderer on
// 127.0.0.1, print `ready http://127.0.0.1:<port>/`, and shut down cleanly on SIGINT/SIGTERM (streams closed, core
// closed so no write is lost, exit 0). This is how the app is proven where Electron cannot start (ARCHITECTURE §6).
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createCore } from '../main/core';
import { systemClock, TestClock } from '../main/core/clock';
import { parsePreviewArgs, USAGE } from './args';
import { startPreviewServer } from './http-server';

async function main(): Promise<void> {
  let args;
  try {
    args = parsePreviewArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    if (!(error instanceof Error && error.message.includes('usage:'))) process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }

  const testClock = args.testClock ? new TestClock(args.now ?? Date.now()) : undefined;
  const clock = testClock ?? systemClock;
  await mkdir(args.dataDir, { recursive: true });
  const core = await createCore({ dataDir: args.dataDir, clock });
  // out/main/preview.js -> out/renderer/
  const rendererDir = resolve(import.meta.dirname, '../renderer');
  const server = await startPreviewServer({ core, rendererDir, port: args.port, ...(testClock ? { testClock } : {}) });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    try {
      await server.close();
      await core.close();
      testClock?.dispose();
      process.exit(0);
    } catch (error) {
      process.stderr.write(`preview: failed to stop cleanly after ${signal}: ${String(error)}\n`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  process.stderr.write(
    `preview: data ${args.dataDir}${testClock ? `, test clock at ${new Date(testClock.now()).toISOString()}` : ''}\n`,
  );
  process.stdout.write(`ready ${server.url}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`preview: could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
