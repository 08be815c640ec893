// What the Electron preload puts on `window`. Kept free of zod so the sandboxed preload stays tiny.
export const BRIDGE_CHANNEL = 'loket:api';

export interface LoketBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
}
