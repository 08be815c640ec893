// What a host tells the core when it creates one (server/core.ts): the data folder, the app's
// version, its PDF engine, where keys and tokens live, and the clocks and tunings tests shorten.
import type { BackupTuning } from './backup/service';
import type { KeyStore } from './keys';
import type { Printer } from './printer';
import type { SyncTuning } from './sync-engine';
import type { TokenStore } from './upstream-token';

export interface CoreOptions {
  dataDir: string;
  migrationsFolder: string;
  host: 'electron' | 'browser';
  version: string;
  /** The host's PDF engine; printing answers UNAVAILABLE without one. */
  printer?: Printer;
  /** Where the bundled print fonts resolve from: the app's root (the folder holding db/migrations) by default. */
  fontsFrom?: string;
  /** Injected in tests; the wall clock otherwise. */
  now?: () => Date;
  /** Monotonic ms for idle time and lockouts; performance.now otherwise (tests move it, and the wall clock, apart). */
  monotonic?: () => number;
  /** The upstream token's home; a file beside the database (or LOKET_UPSTREAM_TOKEN) by default. */
  tokenStore?: TokenStore;
  /** `--upstream-url`: written to the sync settings at start (deployments without the UI). */
  upstreamUrl?: string;
  /** Backoff, poll interval and timeouts of the sync engine (tests shorten them). */
  sync?: Partial<SyncTuning>;
  /**
   * Where the data folder's secret lives (server/keys.ts): safeStorage on the desktop; a key file
   * outside the data folder (or LOKET_DATA_KEY) by default. `'plaintext'` leaves the database and
   * attachments unencrypted: only the bench's baseline uses it.
   */
  keyStore?: KeyStore | 'plaintext';
  /** How often the backup schedule is looked at (tests shorten it). */
  backup?: Partial<BackupTuning>;
  /** Called when a restore made in the app is ready: the host reopens the core (server/reopenable-core.ts). */
  onRestoreReady?: () => void;
  /**
   * The background worker's script: the bundled worker.cjs beside the Electron main bundle, or by
   * default server/background/worker.ts under the app's root (run from source through tsx).
   */
  workerFile?: string;
}
