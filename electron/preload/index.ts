// Runs in each window's sandboxed preload (bundled to CommonJS: out/preload/index.cjs). Exposes `window.api`, built
// from the contract so no method is written by hand. Pages get functions only: never ipcRenderer itself, and never
// the IPC event object (its `sender` would hand them ipcRenderer back).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildBridge, channelOf, type EventName, type MethodName, type Reply } from '../../shared/bridge';

const invoke = (name: MethodName, input: unknown) => ipcRenderer.invoke(channelOf(name), input) as Promise<Reply<unknown>>;

function subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
  const channel = channelOf(event);
  const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

contextBridge.exposeInMainWorld('api', buildBridge(invoke, subscribe));
