// auth.*: the first account, signing in and out, locking and unlocking the screen, one's own
// password. Each writes its own audit row (sign-in, failed sign-in, sign-out, lock, unlock);
// server/sessions.ts keeps the sessions and the lockouts.
import { accountById, accountByUsername, accountCount, insertAccount, sessionAccountOf, setPasswordHash, type AccountRow } from '../../db/accounts';
import { appendAudit } from '../../db/audit';
import { inTransaction } from '../../db/open';
import { ApiError } from '../../forms/api';
import { lockedMessage, lockEnds } from '../../forms/lockout';
import { decoyHash, hashPassword, hashPasswordSync, needsRehash, verifyPassword, verifyPasswordSync } from '../passwords';
import { actorOf } from '../sessions';
import type { HandlersOf, ProcedureContext } from './context';

const WRONG = 'Nama pengguna atau kata sandi salah.';
const wrong = () => new ApiError({ code: 'INVALID_INPUT', message: WRONG, fields: { password: WRONG } });
const UNKNOWN_NAME = '(nama pengguna tidak dikenal)';

export function authProcedures(ctx: ProcedureContext): HandlersOf<'auth'> {
  const { db, sessions } = ctx;
  const idleMinutes = () => ctx.settings().idleMinutes;
  const signedIn = (row: AccountRow, token: string) => ({ token, account: sessionAccountOf(row), idleMinutes: idleMinutes() });
  const failed = (row: AccountRow | null, reason: string) =>
    ctx.audit({ ...(row ? actorOf(row) : { accountId: null, accountName: UNKNOWN_NAME }), action: 'gagal_masuk', outcome: 'ditolak', detail: { sebab: reason } });

  /** Refuses while wrong passwords keep the account closed, saying until when. */
  const refuseIfLocked = (row: AccountRow, method: string) => {
    const ms = sessions.lockedFor(row);
    if (!ms) return;
    failed(row, `akun terkunci (${method})`);
    throw new ApiError({ code: 'CONFLICT', message: lockedMessage(lockEnds(ctx.now().getTime(), ms), ctx.settings().timeZone) });
  };

  /** Checks the password of an account; a wrong one counts towards the lockout. */
  const checkPassword = async (row: AccountRow, password: string, method: string) => {
    refuseIfLocked(row, method);
    if (await verifyPassword(password, row.passwordHash)) {
      sessions.rightPassword(row);
      // A hash from weaker parameters than today's is replaced now that the password is known.
      if (needsRehash(row.passwordHash)) setPasswordHash(db, row.id, await hashPassword(password), ctx.now().toISOString());
      return;
    }
    const lockMs = sessions.wrongPassword(row);
    failed(row, lockMs ? `kata sandi salah, akun dikunci (${method})` : `kata sandi salah (${method})`);
    if (lockMs) throw new ApiError({ code: 'CONFLICT', message: lockedMessage(lockEnds(ctx.now().getTime(), lockMs), ctx.settings().timeZone) });
    throw wrong();
  };

  return {
    'auth.state': (_input, { token }) => {
      // dispatch has already resolved (and, past the idle time, locked) this session.
      const r = sessions.resolve(token, true);
      return { setupNeeded: accountCount(db) === 0, state: r.state, account: r.account ? sessionAccountOf(r.account) : null, idleMinutes: idleMinutes() };
    },
    'auth.setup': async (input) => {
      if (accountCount(db) > 0) throw new ApiError({ code: 'CONFLICT', message: 'Akun admin pertama sudah dibuat. Masuk dengan nama pengguna dan kata sandi yang ada.' });
      const passwordHash = await hashPassword(input.password);
      const now = ctx.now().toISOString();
      const row = inTransaction(db, (tx) => {
        // Two first runs at once (two tabs): only one makes the first account.
        if (accountCount(tx) > 0) throw new ApiError({ code: 'CONFLICT', message: 'Akun admin pertama sudah dibuat. Masuk dengan nama pengguna dan kata sandi yang ada.' });
        const created = insertAccount(tx, { username: input.username, name: input.name, nip: input.nip, roles: input.roles, passwordHash }, now);
        appendAudit(tx, { at: now, ...actorOf(created), action: 'ubah', method: 'auth.setup', object: created.username, outcome: 'ok', detail: { before: null, after: { username: created.username, name: created.name, nip: created.nip, roles: created.roles, active: true } } });
        appendAudit(tx, { at: now, ...actorOf(created), action: 'masuk', outcome: 'ok' });
        return created;
      });
      return signedIn(row, sessions.open(row));
    },
    'auth.signIn': async ({ username, password }, { token: previous }) => {
      const row = accountByUsername(db, username);
      if (!row) {
        // As slow as a wrong password, and the name typed is not kept (it may be a password typed in the wrong box).
        await verifyPassword(password, decoyHash());
        failed(null, 'nama pengguna tidak dikenal');
        throw wrong();
      }
      await checkPassword(row, password, 'masuk');
      if (!row.active) {
        failed(row, 'akun nonaktif');
        throw new ApiError({ code: 'CONFLICT', message: 'Akun ini dinonaktifkan. Hubungi admin kantor.' });
      }
      // Signing in again in the same tab (someone else at the PC) ends the tab's earlier session.
      sessions.end(previous);
      const token = sessions.open(row);
      ctx.audit({ ...actorOf(row), action: 'masuk', outcome: 'ok' });
      return signedIn(row, token);
    },
    'auth.unlock': async ({ password }, { token }) => {
      const row = sessions.accountOf(token);
      if (!token || !row) throw new ApiError({ code: 'UNAUTHENTICATED', message: 'Sesi ini sudah berakhir. Masuk lagi dengan nama pengguna dan kata sandi.' });
      if (!row.active) {
        sessions.end(token);
        throw new ApiError({ code: 'UNAUTHENTICATED', message: 'Akun Anda dinonaktifkan oleh admin; sesi ini berakhir.' });
      }
      await checkPassword(row, password, 'buka kunci');
      sessions.unlock(token);
      ctx.audit({ ...actorOf(row), action: 'buka_kunci', outcome: 'ok' });
      return signedIn(row, token);
    },
    'auth.lock': (_input, { caller }) => {
      sessions.lock(caller.token);
      ctx.audit({ ...actorOf(caller), action: 'kunci', outcome: 'ok', detail: { sebab: 'layar dikunci' } });
      return { locked: true };
    },
    'auth.signOut': (_input, { token }) => {
      const row = sessions.accountOf(token);
      const ended = sessions.end(token);
      if (row && ended) ctx.audit({ ...actorOf(row), action: 'keluar', outcome: 'ok' });
      return { signedOut: ended };
    },
    'auth.changePassword': ({ current, next }, call) => {
      const row = accountById(db, call.caller.accountId)!;
      if (!verifyPasswordSync(current, row.passwordHash)) throw new ApiError({ code: 'INVALID_INPUT', message: 'Kata sandi lama salah.', fields: { current: 'Kata sandi lama salah.' } });
      if (current === next) throw new ApiError({ code: 'INVALID_INPUT', message: 'Kata sandi baru harus berbeda dari yang lama.', fields: { next: 'Kata sandi baru harus berbeda dari yang lama.' } });
      setPasswordHash(db, row.id, hashPasswordSync(next), ctx.now().toISOString());
      // Other tabs and windows of this account must sign in with the new password.
      sessions.endAllOf(row.id, call.caller.token);
      call.audit({ object: row.username, detail: { password: 'diganti' } });
      return { changed: true };
    },
  };
}
