// Closing an account after repeated wrong passwords (BSSN 4/2021 asks for a lockout): after
// LOCKOUT_FAILURES wrong passwords in a row the account refuses every password, the right one too,
// for LOCKOUT_MS. Pure arithmetic; the core keeps the counts (db/accounts.ts, server/sessions.ts).
//
// Clocks. A PC's wall clock can be moved, on purpose or by a flat CMOS battery. Within one run of
// the app the lock is timed on the monotonic clock, which nobody can set: moving the wall clock
// forward does not open a locked account early, moving it back does not keep it closed longer.
// The lock's start is also stored on the wall clock, so a restart does not open it; after a
// restart the wall clock is all there is, and a start that lies in the future (the clock was set
// back) counts as starting now, so a lock never lasts longer than LOCKOUT_MS from when it is seen.
import { formatDate, formatTime } from './format';
import { toLocal, type TimeZone } from './time';

export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60_000;

export interface LockClock {
  /** Wall clock, ms since the epoch. */
  wall: number;
  /** Monotonic clock of this run, ms. */
  mono: number;
}

/**
 * How long a lock has left, and its start on this run's monotonic clock (to remember, so the
 * next check ignores the wall clock). `monoStart` is null when the lock was not seen in this run.
 */
export function lockRemaining(lock: { wallStart: number; monoStart: number | null }, now: LockClock): { remainingMs: number; monoStart: number } {
  if (lock.monoStart !== null) return { remainingMs: Math.max(0, LOCKOUT_MS - (now.mono - lock.monoStart)), monoStart: lock.monoStart };
  const elapsed = Math.max(0, now.wall - lock.wallStart);
  return { remainingMs: Math.max(0, LOCKOUT_MS - elapsed), monoStart: now.mono - elapsed };
}

/** "Akun dikunci sementara … Coba lagi setelah pukul 10.45 WIB (24/11/2026)." */
export function lockedMessage(until: Date, tz: TimeZone): string {
  const local = toLocal(until, tz);
  return `Akun dikunci sementara karena ${LOCKOUT_FAILURES} kali salah kata sandi. Coba lagi setelah pukul ${formatTime(local.time)} ${tz} (${formatDate(local.date)}).`;
}

/** The minute a lock ends, rounded up so "coba lagi setelah 10.45" is never a minute early. */
export function lockEnds(wallNow: number, remainingMs: number): Date {
  return new Date(Math.ceil((wallNow + remainingMs) / 60_000) * 60_000);
}
