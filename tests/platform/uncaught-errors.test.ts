// Uncaught errors: every one is logged with its stack, the rep is told once (not once per error), and the dialog
// offers the log file.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { catchUncaughtErrors, createErrorReporter } from '../../electron/main/platform/uncaught-errors';
import { app, dialog, resetFakeElectron } from '../support/fake-electron';

const setup = () => {
  const log = { error: vi.fn() };
  const revealLogs = vi.fn();
  return { log, revealLogs, report: createErrorReporter({ log, revealLogs }) };
};

describe('uncaught errors', () => {
  beforeEach(async () => {
    resetFakeElectron();
    await app.whenReady();
  });

  it('logs every error and shows one dialog for the first', () => {
    const { log, report } = setup();
    const first = new Error('cannot read properties of undefined');
    report('uncaughtException', first);
    report('unhandledRejection', new Error('second'));
    report('uncaughtException', 'third');
    expect(log.error).toHaveBeenCalledTimes(3);
    expect(log.error).toHaveBeenNthCalledWith(1, 'uncaughtException:', first);
    expect(dialog.messageBoxes).toHaveLength(1);
    expect(dialog.messageBoxes[0]).toMatchObject({ message: expect.stringMatching(/unexpected problem/) });
    expect(dialog.messageBoxes[0]?.detail).toMatch(/cannot read properties of undefined[\s\S]*log file/);
  });

  it('shows the log file when the rep asks from the dialog', async () => {
    dialog.response = 1;
    const { revealLogs, report } = setup();
    report('unhandledRejection', new Error('lost'));
    expect(dialog.messageBoxes[0]?.buttons).toEqual(['OK', 'Show log file']);
    await vi.waitFor(() => expect(revealLogs).toHaveBeenCalledOnce());
  });

  it('uses the error box before the app is ready (the only dialog Electron can show then)', () => {
    resetFakeElectron();
    const { report } = setup();
    report('uncaughtException', new Error('too early'));
    expect(dialog.errors).toEqual([[expect.stringMatching(/unexpected problem/), expect.stringMatching(/too early/)]]);
    expect(dialog.messageBoxes).toHaveLength(0);
  });

  it('listens to both process events', () => {
    const target = new EventEmitter();
    const report = vi.fn();
    catchUncaughtErrors(report, target as unknown as NodeJS.Process);
    const error = new Error('boom');
    target.emit('uncaughtException', error);
    target.emit('unhandledRejection', 'reason');
    expect(report.mock.calls).toEqual([
      ['uncaughtException', error],
      ['unhandledRejection', 'reason'],
    ]);
  });
});
