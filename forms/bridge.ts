// What the Electron preload puts on `window`. Kept free of zod so the sandboxed preload stays tiny.
export const BRIDGE_CHANNEL = 'loket:api';

export interface LoketBridge {
  /** `meta`: the tab's session and the passive flag (forms/api.ts CallMeta), passed through untouched. */
  invoke(method: string, input: unknown, meta: unknown): Promise<unknown>;
}
