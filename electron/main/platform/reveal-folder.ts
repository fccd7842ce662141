// Runs in the main process. Settings › Data folder › "Show in folder": the OS's file manager opens the folder. The
// core gets this as a function (it never imports Electron); Electron answers a problem as a string, thrown here so
// the core can word it for the rep.
import { shell } from 'electron';

export async function revealFolder(path: string): Promise<void> {
  const problem = await shell.openPath(path);
  if (problem) throw new Error(problem);
}
