// The app's core: opens the data folder and serves the API contract (forms/api.ts). Both hosts
// (electron/main.ts and server/browser-host.ts) create one and route calls to `dispatch`; nothing
// here knows which. This file only wires: the procedures live by feature in server/procedures/,
// each file serving its part of the contract, and are merged below into the one Handlers map.
import path from 'node:path';
import { releaseAllHolds } from '../db/drafts';
import { appendAudit, type AuditEntry } from '../db/audit';
import { inTransaction, type OpenDatabase } from '../db/open';
import { setUpstreamUrl } from '../db/outbox';
import { getSettings } from '../db/settings';
import { deadlineContextOf, recomputeOpenDeadlines } from '../db/workflow';
import type { CallMeta, Envelope } from '../forms/api';
import type { AttachmentStore } from './attachment-store';
import { startBackground, type Background } from './background/start';
import { backupServiceFor, type BackupService } from './backup/service';
import { openDataFolder } from './data-folder';
import { dispatch, type Handlers } from './dispatch';
import { seedCalendar } from './holiday-seed';
import { log } from './log';
import { PrintFonts, withPrintFonts } from './print-fonts';
import { accountProcedures } from './procedures/accounts';
import { appProcedures } from './procedures/app';
import { attachmentProcedures } from './procedures/attachments';
import { auditProcedures } from './procedures/audit';
import { authProcedures } from './procedures/auth';
import { backupHandlers } from './procedures/backup';
import { calendarProcedures } from './procedures/calendar';
import { complaintProcedures } from './procedures/complaints';
import { procedureContext } from './procedures/context';
import { draftProcedures } from './procedures/drafts';
import { printProcedures } from './procedures/print';
import { recapProcedures } from './procedures/recap';
import { settingsProcedures } from './procedures/settings';
import { syncProcedures } from './procedures/sync';
import { Sessions } from './sessions';
import { storageError } from './storage-errors';
import { DEFAULT_TUNING, SyncEngine, type SyncTuning } from './sync-engine';
import type { CoreOptions } from './core-options';
import { batchSource, upstreamAdapter } from './upstream-connection';
import { fileTokenStore, TOKEN_FILE, withEnvToken } from './upstream-token';

export type { Background, CoreOptions };

export interface Core {
  handlers: Handlers;
  database: OpenDatabase;
  attachments: AttachmentStore;
  sync: SyncEngine;
  sessions: Sessions;
  backups: BackupService;
  background: Background;
  /** One call from a host: the method, its input and the session it came with (forms/api.ts CallMeta). */
  dispatch(method: unknown, input: unknown, meta?: CallMeta): Promise<Envelope<unknown>>;
  /** Stops the engines and closes the database, backing up first when the last good backup is older than a day. */
  close(): Promise<void>;
}

/** Opens the data folder and serves the API; a disk or database failure at start is told in Indonesian. */
export function createCore(opts: CoreOptions): Core {
  try {
    return startCore(opts);
  } catch (e) {
    throw storageError(e, opts.dataDir, 'start') ?? e;
  }
}

/** The page cache of the sync engine's reading connection. */
const SYNC_READ_CACHE_KIB = 8 * 1024;

function startCore(opts: CoreOptions): Core {
  const folder = openDataFolder(opts);
  const { database, attachments, keys } = folder;
  if (!database.wal) log.warn('this folder cannot hold a write-ahead log (network share?); using journal_mode=DELETE');
  const { db } = database;
  const now = opts.now ?? (() => new Date());
  const printer = opts.printer && withPrintFonts(opts.printer, new PrintFonts(opts.fontsFrom ?? path.resolve(opts.migrationsFolder, '..', '..')));

  const tokens = opts.tokenStore ?? withEnvToken(fileTokenStore(path.join(opts.dataDir, TOKEN_FILE)));
  if (opts.upstreamUrl !== undefined) setUpstreamUrl(db, opts.upstreamUrl);
  const tuning: SyncTuning = { ...DEFAULT_TUNING, ...opts.sync };
  // The drain reads every queued complaint once: from its own connection with a small cache, so
  // a backlog of 100,000 neither grows the app's memory by the size of the data nor evicts the
  // pages the screens use.
  const syncReads = database.reader(SYNC_READ_CACHE_KIB);
  const sync: SyncEngine = new SyncEngine({
    database,
    reads: syncReads.db,
    attachments,
    now,
    tuning,
    timeZone: () => getSettings(db).timeZone,
    source: () => batchSource(db, opts.version),
    adapter: upstreamAdapter(db, tokens, { timeoutMs: tuning.requestTimeoutMs, now, onServerDate: (d) => sync.noteServerDate(d) }),
  });

  const audit = (entry: Omit<AuditEntry, 'at'>) => void appendAudit(db, { ...entry, at: now().toISOString() });
  const sessions = new Sessions({ db, now, monotonic: opts.monotonic ?? (() => performance.now()), idleMinutes: () => getSettings(db).idleMinutes, audit });
  const background = startBackground(opts, db, keys?.database ?? null, now);

  const ctx = procedureContext({ app: { version: opts.version, host: opts.host, dataDir: opts.dataDir }, database, attachments, sync, tokens, printer, background, now, sessions });

  // Start-up: the shipped calendars first; new official dates move every open deadline (in the
  // background), otherwise only rows without one need it. The windows of an earlier run are gone,
  // and so are their holds.
  const officialChanged = seedCalendar(db, Number(ctx.today().slice(0, 4)), now().toISOString());
  releaseAllHolds(db);
  if (officialChanged) background.deadlines.start();
  else recomputeOpenDeadlines(db, deadlineContextOf(db), now().toISOString(), true);

  const backups = backupServiceFor(folder, opts, now);

  // Each file serves the methods of its prefixes; a procedure missing here fails the type check.
  const handlers: Handlers = {
    ...appProcedures(ctx),
    ...authProcedures(ctx),
    ...accountProcedures(ctx),
    ...auditProcedures(ctx),
    ...complaintProcedures(ctx),
    ...draftProcedures(ctx),
    ...calendarProcedures(ctx),
    ...attachmentProcedures(ctx),
    ...printProcedures(ctx),
    ...recapProcedures(ctx),
    ...syncProcedures(ctx),
    ...settingsProcedures(ctx),
    ...backupHandlers({ service: backups, keyWhere: folder.keyWhere, onRestoreReady: opts.onRestoreReady, audit: ctx.audit }),
  };

  sync.start();
  backups.start();

  return {
    handlers,
    database,
    attachments,
    sync,
    sessions,
    backups,
    background,
    dispatch: (method, input, meta = {}) =>
      dispatch(handlers, method, input, meta, {
        dataDir: opts.dataDir,
        resolve: (token, passive) => sessions.resolve(token, passive),
        transaction: (fn) => inTransaction(db, fn),
        audit,
      }),
    close: async () => {
      if (!database.sqlite.open) return;
      await backups.stop({ exitBackup: true });
      await sync.stop();
      syncReads.close();
      await background.worker.close();
      await printer?.close?.();
      folder.close();
    },
  };
}
