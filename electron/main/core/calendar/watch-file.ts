// Runs in Node (main and preview). Tells when a calendar file changes, so a re-exported or synced .ics shows up
// without the rep asking. It watches the file's FOLDER, not the file: Outlook and most editors save by writing a new
// file and renaming it over the old one, which a watch on the old file never sees. Bursts of events (one save is
// often several) are merged by a short real-time debounce — this coalesces I/O, it is not business time, so it does
// not run on the core's clock.
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

export const WATCH_DEBOUNCE_MS = 400;

/** Starts watching; returns the function that stops it. Never throws: an unwatchable folder just is not watched. */
export function watchCalendarFile(path: string, onChange: () => void, debounceMs = WATCH_DEBOUNCE_MS): () => void {
  const name = basename(path);
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  const stop = () => {
    clearTimeout(timer);
    watcher?.close();
    watcher = undefined;
  };
  try {
    watcher = watch(dirname(path), { persistent: false }, (_event, filename) => {
      // Some platforms do not say which file changed; then any change in the folder may be ours.
      if (filename && filename.toString() !== name) return;
      clearTimeout(timer);
      timer = setTimeout(onChange, debounceMs);
      timer.unref?.();
    });
    watcher.on('error', stop);
  } catch {
    // Folder missing or not watchable: the interval refresh still picks changes up.
  }
  return stop;
}
