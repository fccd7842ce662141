// Runs in Node (main and preview). Settings › Data folder: where the rep's data, its backups and anything set aside
// live, and "Show in folder". Opening a folder is the host's to do (Electron's shell); the core only gets it as a
// function, and a host without one (the browser preview) answers `opened: false` — its page explains instead.
import type { Handlers } from '../../../../shared/contract';
import { conflict } from '../errors';

/** Opens a folder in the OS's file manager; rejects with a plain message when the OS refuses. */
export type RevealFolder = (path: string) => Promise<void>;

export function dataFolderService({ dataDir, revealFolder }: { dataDir: string; revealFolder: RevealFolder | undefined }) {
  return {
    getDataFolder: async () => ({ path: dataDir, canReveal: revealFolder !== undefined }),
    async revealDataFolder() {
      if (!revealFolder) return { opened: false };
      await revealFolder(dataDir).catch((error: unknown) => {
        throw conflict(`The folder could not be opened${error instanceof Error && error.message ? ` (${error.message})` : ''}. Its path is shown above.`);
      });
      return { opened: true };
    },
  } satisfies Pick<Handlers, 'getDataFolder' | 'revealDataFolder'>;
}
