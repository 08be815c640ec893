// What every procedure file is given, built once by server/core.ts: the database, the clock, the
// office's settings and deadline context, the file store, the printer and the sync engine. A
// procedure file exports its part of the Handlers map (HandlersOf its method prefixes); core.ts
// merges the parts, and the Handlers type proves that every procedure of the contract is served.
// Procedure files never import one another: what two of them share lives here, in db/ or in forms/.
import { getComplaint } from '../../db/complaints';
import type { Db, OpenDatabase } from '../../db/open';
import { getSettings } from '../../db/settings';
import { deadlineContextOf, type DeadlineContext } from '../../db/workflow';
import type { Method } from '../../forms/api';
import type { ComplaintDetail } from '../../forms/complaint';
import type { Settings } from '../../forms/settings';
import { toLocal } from '../../forms/time';
import type { AttachmentStore } from '../attachment-store';
import type { DeadlineRecompute } from '../background/deadline-recompute';
import type { WorkerClient } from '../background/worker-client';
import { caseNotFound } from '../api-errors';
import type { Handlers } from '../dispatch';
import type { Printer } from '../printer';
import type { SyncEngine } from '../sync-engine';
import type { TokenStore } from '../upstream-token';

/** The procedures whose names start with one of these prefixes (`complaints` → `complaints.*`). */
export type HandlersOf<Prefix extends string> = Pick<Handlers, Extract<Method, `${Prefix}.${string}`>>;

export interface AppFacts {
  version: string;
  host: 'electron' | 'browser';
  dataDir: string;
}

export interface ProcedureContext {
  app: AppFacts;
  database: OpenDatabase;
  db: Db;
  attachments: AttachmentStore;
  sync: SyncEngine;
  tokens: TokenStore;
  /** The host's PDF engine; printing answers UNAVAILABLE without one. */
  printer: Printer | undefined;
  /** Long work off the main thread (server/background/). */
  background: { worker: WorkerClient; deadlines: DeadlineRecompute };
  now(): Date;
  settings(): Settings;
  deadlines(): DeadlineContext;
  /** The office's date today (YYYY-MM-DD in its time zone). */
  today(): string;
  /** A complaint as its page shows it; NOT_FOUND when there is none. */
  detail(id: string): ComplaintDetail;
  /** Deadlines move when the calendar or the day counts change (in the background for a big office). */
  recomputeDeadlines(): void;
}

export function procedureContext(parts: Pick<ProcedureContext, 'app' | 'database' | 'attachments' | 'sync' | 'tokens' | 'printer' | 'background' | 'now'>): ProcedureContext {
  const { db } = parts.database;
  const now = parts.now;
  return {
    ...parts,
    db,
    settings: () => getSettings(db),
    deadlines: () => deadlineContextOf(db),
    today: () => toLocal(now(), getSettings(db).timeZone).date,
    detail: (id) => {
      const c = getComplaint(db, id, deadlineContextOf(db), now().toISOString());
      if (!c) throw caseNotFound();
      return c;
    },
    recomputeDeadlines: () => parts.background.deadlines.start(),
  };
}
