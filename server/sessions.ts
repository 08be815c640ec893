// Signed-in sessions and lockouts, in the core's memory (one process serves the app; a restart
// ends every session, as it does the browser host's per-start token).
//
// A session is one tab or window: a random token the renderer keeps in that tab's sessionStorage
// and sends with every call (forms/api.ts CallMeta), so two tabs can be signed in as two people.
// Each call reads the account again: a deactivated account or a changed role counts at once.
// Idle time is measured on the monotonic clock from the last call the person made (background
// polls are `passive` and do not count): past the idle limit from the settings the session locks,
// and only its holder's password opens it again (auth.unlock), so the tab keeps what was typed.
import crypto from 'node:crypto';
import { accountById, clearFailures, countFailure, startLockout, type AccountRow } from '../db/accounts';
import type { SessionState } from '../forms/accounts';
import type { AuditEntry } from '../db/audit';
import { LOCKOUT_FAILURES, LOCKOUT_MS, lockRemaining } from '../forms/lockout';
import { UNAUTHENTICATED_MESSAGE, type Role } from '../forms/roles';
import type { Db } from '../db/open';

/** Who is calling: the account as it stands now, and the session it came with. */
export interface Caller {
  accountId: string;
  username: string;
  name: string;
  nip: string | null;
  roles: Role[];
  token: string;
}

export interface Resolved {
  state: SessionState;
  /** Set when the session is active. */
  caller: Caller | null;
  /** The session's account, also while locked. */
  account: AccountRow | null;
  /** Why there is no caller, in Indonesian. */
  refusal: string;
}

interface Session {
  accountId: string;
  /** Monotonic ms of the person's last call. */
  lastActive: number;
  locked: boolean;
}

export interface SessionsOptions {
  db: Db;
  /** Wall clock. */
  now: () => Date;
  /** Monotonic ms (performance.now by default): idle time and lockouts within a run. */
  monotonic: () => number;
  idleMinutes: () => number;
  audit: (entry: Omit<AuditEntry, 'at'>) => void;
}

/** Sessions untouched this long are forgotten (a tab closed without signing out). */
const FORGET_AFTER_MS = 24 * 60 * 60_000;

export const LOCKED_MESSAGE = 'Layar terkunci. Masukkan kata sandi untuk melanjutkan; isian yang sedang diketik tidak hilang.';
const idleMessage = (minutes: number) => `Layar terkunci karena tidak ada kegiatan selama ${minutes} menit. Masukkan kata sandi untuk melanjutkan; isian yang sedang diketik tidak hilang.`;
const DEACTIVATED_MESSAGE = 'Akun Anda dinonaktifkan oleh admin; sesi ini berakhir.';

export const actorOf = (a: { id: string; name: string } | Caller) => ('accountId' in a ? { accountId: a.accountId, accountName: a.name } : { accountId: a.id, accountName: a.name });

export class Sessions {
  private readonly sessions = new Map<string, Session>();
  /** A lockout seen in this run: its wall-clock start (as stored) and its start on the monotonic clock. */
  private readonly lockouts = new Map<string, { wallStart: string; mono: number }>();

  constructor(private readonly opts: SessionsOptions) {}

  /** A new session for an account whose password was just checked; returns its token. */
  open(account: AccountRow): string {
    const now = this.opts.monotonic();
    for (const [t, s] of this.sessions) if (now - s.lastActive > FORGET_AFTER_MS) this.sessions.delete(t);
    const token = crypto.randomBytes(32).toString('base64url');
    this.sessions.set(token, { accountId: account.id, lastActive: now, locked: false });
    return token;
  }

  /** Who the token belongs to now. A non-passive call counts as activity; an idle session locks here. */
  resolve(token: string | null, passive = false): Resolved {
    const session = token ? this.sessions.get(token) : undefined;
    if (!token || !session) return { state: 'signedOut', caller: null, account: null, refusal: UNAUTHENTICATED_MESSAGE };
    const account = accountById(this.opts.db, session.accountId);
    if (!account?.active) {
      this.sessions.delete(token);
      return { state: 'signedOut', caller: null, account: null, refusal: DEACTIVATED_MESSAGE };
    }
    if (session.locked) return { state: 'locked', caller: null, account, refusal: LOCKED_MESSAGE };
    const now = this.opts.monotonic();
    const idle = this.opts.idleMinutes();
    if (now - session.lastActive > idle * 60_000) {
      session.locked = true;
      this.opts.audit({ ...actorOf(account), action: 'kunci', outcome: 'ok', detail: { sebab: `tidak ada kegiatan ${idle} menit` } });
      return { state: 'locked', caller: null, account, refusal: idleMessage(idle) };
    }
    if (!passive) session.lastActive = now;
    return { state: 'active', account, refusal: '', caller: { accountId: account.id, username: account.username, name: account.name, nip: account.nip, roles: account.roles, token } };
  }

  /** Locks the session (the person left the screen); false when there is none. */
  lock(token: string): boolean {
    const s = this.sessions.get(token);
    if (!s) return false;
    s.locked = true;
    return true;
  }

  unlock(token: string): void {
    const s = this.sessions.get(token);
    if (s) Object.assign(s, { locked: false, lastActive: this.opts.monotonic() });
  }

  /** The session's account, active or locked (for auth.unlock). */
  accountOf(token: string | null): AccountRow | null {
    const s = token ? this.sessions.get(token) : undefined;
    return s ? accountById(this.opts.db, s.accountId) : null;
  }

  end(token: string | null): boolean {
    return !!token && this.sessions.delete(token);
  }

  /** Signs the account out everywhere (deactivated, password reset), but in `keep`; returns how many sessions ended. */
  endAllOf(accountId: string, keep: string | null = null): number {
    let n = 0;
    for (const [t, s] of this.sessions) if (s.accountId === accountId && t !== keep && this.sessions.delete(t)) n++;
    return n;
  }

  // ---- lockout (forms/lockout.ts) ----

  private clock() {
    return { wall: this.opts.now().getTime(), mono: this.opts.monotonic() };
  }

  /** How long the account stays locked by wrong passwords (0: not locked); a lock that ran out is lifted. */
  lockedFor(account: AccountRow): number {
    if (!account.lockedAt) {
      this.lockouts.delete(account.id);
      return 0;
    }
    const seen = this.lockouts.get(account.id);
    const { remainingMs, monoStart } = lockRemaining({ wallStart: Date.parse(account.lockedAt), monoStart: seen?.wallStart === account.lockedAt ? seen.mono : null }, this.clock());
    if (remainingMs <= 0) {
      this.lockouts.delete(account.id);
      clearFailures(this.opts.db, account.id);
      return 0;
    }
    this.lockouts.set(account.id, { wallStart: account.lockedAt, mono: monoStart });
    return remainingMs;
  }

  /** One more wrong password; the lock's length when this one closed the account, else 0. */
  wrongPassword(account: AccountRow): number {
    if (countFailure(this.opts.db, account.id) < LOCKOUT_FAILURES) return 0;
    const wallStart = this.opts.now().toISOString();
    startLockout(this.opts.db, account.id, wallStart);
    this.lockouts.set(account.id, { wallStart, mono: this.opts.monotonic() });
    return LOCKOUT_MS;
  }

  rightPassword(account: AccountRow): void {
    if (account.failedAttempts || account.lockedAt) clearFailures(this.opts.db, account.id);
    this.lockouts.delete(account.id);
  }
}
