// Runs in Node (the browser-preview host). The command line of `npm run preview:web -- --data <dir> --port <n>
// [--test-clock] [--now <iso>]`, parsed into options or a plain error sentence.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseNow } from './test-clock';

export interface PreviewArgs {
  dataDir: string;
  port: number;
  testClock: boolean;
  /** Start of the test clock (ms); only with --test-clock. */
  now?: number;
}

export const USAGE = 'usage: preview-web --data <dir> --port <n> [--test-clock] [--now <iso>]';

export function parsePreviewArgs(argv: readonly string[]): PreviewArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: '0' },
      'test-clock': { type: 'boolean', default: false },
      now: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.data) throw new Error(`--data <dir> is required\n${USAGE}`);
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port ?? '') || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535 (0 picks a free port)\n${USAGE}`);
  }
  if (values.now !== undefined && !values['test-clock']) throw new Error(`--now needs --test-clock\n${USAGE}`);
  return {
    dataDir: resolve(values.data),
    port,
    testClock: values['test-clock'] ?? false,
    ...(values.now !== undefined ? { now: parseNow(values.now) } : {}),
  };
}
