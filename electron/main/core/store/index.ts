// Runs in the main process and the preview host (Node). The store's front door: open the data folder, get a Store.
export { openStore, type OpenStoreOptions } from './open-store';
export { nodeFsOps, type FsOps, type OpenFile } from './fs-ops';
export type { Migration } from './migrations';
export { StoreReadOnlyError, StoreWriteDelayedError, type Store, type StoreLog } from './types';
