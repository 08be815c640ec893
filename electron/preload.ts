// Sandboxed preload: no Node, only one function on window. Bundled to dist/electron/preload.cjs.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_CHANNEL, type LoketBridge } from '../forms/bridge';

contextBridge.exposeInMainWorld('loket', {
  invoke: (method: string, input: unknown, meta: unknown) => ipcRenderer.invoke(BRIDGE_CHANNEL, method, input, meta),
} satisfies LoketBridge);
