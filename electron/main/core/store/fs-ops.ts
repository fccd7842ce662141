// Runs in the main process and the preview host (Node). The few file operations a durable write is made of, behind
// one small interface: production uses `node:fs/promises`, tests wrap it to record the order of operations or to
// simulate a full disk (ENOSPC) or a locked file (EACCES, EPERM) at exactly one step.
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';

export interface OpenFile {
  readonly path: string;
  readonly handle: FileHandle;
}

export interface FsOps {
  /** Creates a new file for writing; fails if it already exists, so two writers never share a temp file. */
  create(path: string): Promise<OpenFile>;
  write(file: OpenFile, data: Uint8Array): Promise<void>;
  fsync(file: OpenFile): Promise<void>;
  /** Opens (or creates) a file to append to: the journal. */
  openAppend(path: string): Promise<OpenFile>;
  /** Makes what was written durable, without the metadata an fsync also flushes (what a journal append needs). */
  datasync(file: OpenFile): Promise<void>;
  /** Empties a file opened with `openAppend`. */
  truncate(file: OpenFile): Promise<void>;
  close(file: OpenFile): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Makes a rename inside `dir` durable. A no-op where folders cannot be synced (Windows). */
  fsyncDir(dir: string): Promise<void>;
}

// Filesystems that cannot sync a folder say so with these; the file itself is already synced, so carry on.
const DIR_SYNC_UNSUPPORTED = new Set(['EINVAL', 'ENOTSUP', 'EISDIR', 'EPERM', 'EACCES']);

export const nodeFsOps: FsOps = {
  // 0o600: the file holds the rep's deals; no other account on the machine needs to read it.
  create: async (path) => ({ path, handle: await open(path, 'wx', 0o600) }),
  // FileHandle.writeFile loops until every byte is written (a single write() may be partial).
  write: (file, data) => file.handle.writeFile(data),
  fsync: (file) => file.handle.sync(),
  openAppend: async (path) => ({ path, handle: await open(path, 'a', 0o600) }),
  datasync: (file) => file.handle.datasync(),
  truncate: (file) => file.handle.truncate(0),
  close: (file) => file.handle.close(),
  rename,
  unlink,
  async fsyncDir(dir) {
    // Windows cannot open a folder as a file; NTFS journals the rename's metadata itself.
    if (process.platform === 'win32') return;
    let handle: FileHandle;
    try {
      handle = await open(dir, 'r');
    } catch (error) {
      if (DIR_SYNC_UNSUPPORTED.has(errorCode(error))) return;
      throw error;
    }
    try {
      await handle.sync();
    } catch (error) {
      if (!DIR_SYNC_UNSUPPORTED.has(errorCode(error))) throw error;
    } finally {
      await handle.close();
    }
  },
};

export const errorCode = (error: unknown): string =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
