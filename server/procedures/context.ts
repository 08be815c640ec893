// What every procedure file is given, built once by server/core.ts: the database, the clock, the
// office's settings and deadline context, the file store, the printer, the sync engine, the
// sessions and the audit log. A
// procedure file exports its part of the Handlers map (HandlersOf its method prefixes); core.ts
// merges the parts, and the Handlers type proves that every procedure of the contract is served.
// Procedure files never import one another: what two of them share lives here, in db/ or in forms/.
import { accountById, staffWithRole } from '../../db/accounts';
import { appendAudit, type AuditEntry } from '../../db/audit';
import { getComplaint } from '../../db/complaints';
import type { Db, OpenDatabase } from '../../db/open';
import { getSettings } from '../../db/settings';
import { deadlineContextOf, type DeadlineContext } from '../../db/workflow';
import type { Method } from '../../forms/api';
import type { AuditAction } from '../../forms/audit';
import type { Signer } from '../../forms/recap-layouts';
import type { ComplaintDetail } from '../../forms/complaint';
import type { Settings } from '../../forms/settings';
import { toLocal } from '../../forms/time';
import type { AttachmentStore } from '../attachment-store';
import type { DeadlineRecompute } from '../background/deadline-recompute';
import type { WorkerClient } from '../background/worker-client';
import { caseNotFound } from '../api-errors';
import type { Handlers } from '../dispatch';
import type { Printer } from '../printer';
import { actorOf, type Caller, type Sessions } from '../sessions';
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
  sessions: Sessions;
  /** Appends an audit row now (inside the current transaction, if any). */
  audit(entry: Omit<AuditEntry, 'at'>): void;
  /** One audit row: `caller` was shown a protected reporter's identity (viewed, printed, exported). */
  auditShown(caller: Caller, action: Extract<AuditAction, 'lihat' | 'cetak' | 'ekspor'>, method: Method, object: string, detail?: Record<string, unknown>): void;
  /**
   * The Ketua who signs a recap: the one chosen in Pengaturan while that account is an active
   * ketua; else the caller when a ketua; else the only active ketua account; else nobody (a
   * dotted line to sign by hand). Several ketua accounts and none chosen is thus decided by who
   * prints, never by a guess.
   */
  ketua(caller: Caller | null): Signer;
  /** *Petugas penerima* of a complaint as the printouts sign it: the name saved with it, the account's NIP. */
  officerOf(c: Pick<ComplaintDetail, 'officer' | 'officerAccountId'>): Signer;
}

export function procedureContext(parts: Pick<ProcedureContext, 'app' | 'database' | 'attachments' | 'sync' | 'tokens' | 'printer' | 'background' | 'now' | 'sessions'>): ProcedureContext {
  const { db } = parts.database;
  const now = parts.now;
  const audit = (entry: Omit<AuditEntry, 'at'>) => void appendAudit(db, { ...entry, at: now().toISOString() });
  return {
    audit,
    auditShown: (caller, action, method, object, detail) => audit({ ...actorOf(caller), action, method, object, outcome: 'ok', detail: detail ?? null }),
    ketua: (caller) => {
      const chosen = getSettings(db).ketuaAccountId;
      const account = chosen ? accountById(db, chosen) : null;
      if (account?.active && account.roles.includes('ketua')) return { name: account.name, nip: account.nip };
      if (caller?.roles.includes('ketua')) return { name: caller.name, nip: caller.nip };
      const all = staffWithRole(db, 'ketua');
      return all.length === 1 ? { name: all[0]!.name, nip: all[0]!.nip } : null;
    },
    officerOf: (c) => {
      if (!c.officer) return null;
      const account = c.officerAccountId ? accountById(db, c.officerAccountId) : null;
      return { name: c.officer, nip: account?.nip ?? null };
    },
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
