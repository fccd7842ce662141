// Runs in the main process. The last line of defence: an error nothing else caught is written to the log with its
// stack, and the rep is told ONCE — during a call a dialog per error would pile up behind the overlay, and after the
// first the log holds the rest. The app keeps running: every write is atomic and the wrap-up gate lives on disk, so
// nothing the rep logged depends on this process surviving the error.
import { app, dialog } from 'electron';
import type { CoreLog } from '../core';

export type UncaughtKind = 'uncaughtException' | 'unhandledRejection';

export interface ErrorReporterOptions {
  log: Pick<CoreLog, 'error'>;
  /** Shows the log file in the OS's file manager. */
  revealLogs: () => void;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Returns the function that reports one uncaught error. */
export function createErrorReporter({ log, revealLogs }: ErrorReporterOptions): (kind: UncaughtKind, error: unknown) => void {
  let shown = false;
  return (kind, error) => {
    log.error(`${kind}:`, error);
    if (shown) return;
    shown = true;
    const message = 'Second Step ran into an unexpected problem.';
    const detail =
      `${describe(error)}\n\nEverything you logged is saved. The details are in the log file; ` +
      'if this keeps happening, send that file to support.';
    // Before the app is ready only the synchronous error box can be shown.
    if (!app.isReady()) {
      dialog.showErrorBox(message, detail);
      return;
    }
    void dialog
      .showMessageBox({ type: 'error', title: 'Second Step', message, detail, buttons: ['OK', 'Show log file'], defaultId: 0, cancelId: 0 })
      .then(({ response }) => {
        if (response === 1) revealLogs();
      })
      .catch((dialogError: unknown) => log.error('The error dialog failed', dialogError));
  };
}

type ProcessEvents = Pick<NodeJS.Process, 'on'>;

/** Routes the process's uncaught exceptions and unhandled rejections to `report`. Having a listener also stops
 * Electron's default handling, a modal box that would block the main process. */
export function catchUncaughtErrors(report: (kind: UncaughtKind, error: unknown) => void, target: ProcessEvents = process): void {
  target.on('uncaughtException', (error) => report('uncaughtException', error));
  target.on('unhandledRejection', (reason) => report('unhandledRejection', reason));
}
