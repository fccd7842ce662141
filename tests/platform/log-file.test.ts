// The log file: real files in a temp folder (electron-log's Node flavour needs no Electron). A full log rotates to
// main.old.log, so the logs stay small and the previous file is still there to read.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOG_MAX_BYTES, openLogFile } from '../../electron/main/platform/log-file';

describe('the log file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'second-step-logs-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes each entry with its time and level, and an error with its stack', () => {
    const log = openLogFile(dir);
    log.info('started', { version: '1.0.0' });
    log.error('a write failed', new Error('disk full'));
    expect(log.path).toBe(join(dir, 'main.log'));
    const text = readFileSync(log.path, 'utf8');
    expect(text).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] \[info\] +started/m);
    expect(text).toMatch(/\[error\] +a write failed Error: disk full\n\s+at /);
  });

  it('rotates past about 1 MB, keeping exactly one previous file', () => {
    const log = openLogFile(dir);
    const line = 'x'.repeat(1_000);
    // Enough for two rotations: the second replaces the first main.old.log.
    for (let i = 0; i < 2.5 * (LOG_MAX_BYTES / 1_000); i += 1) log.info(i, line);
    const old = join(dir, 'main.old.log');
    expect(existsSync(old)).toBe(true);
    // electron-log checks the size before each write, so a rotated file is 1 MB give or take an entry.
    expect(Math.abs(statSync(old).size - LOG_MAX_BYTES)).toBeLessThan(2 * line.length);
    expect(statSync(log.path).size).toBeLessThanOrEqual(LOG_MAX_BYTES);
    // The newest entry is in main.log and the old file continues where the previous rotation left off.
    expect(readFileSync(log.path, 'utf8')).toContain(`${Math.ceil(2.5 * (LOG_MAX_BYTES / 1_000)) - 1} ${line}`);
  });
});
