// accounts.*: Pengaturan → Akun pengguna (admin): add, change details and roles, deactivate,
// reset a password; and who may be named *Petugas penerima*. Deactivating or resetting signs the
// account out everywhere. The office always keeps an active admin (db/accounts.ts).
import { accountView, listAccounts, staffWithRole, type AccountRow } from '../../db/accounts';
import { lockEnds } from '../../forms/lockout';
import { activateAccount, addAccount, changeAccount, resetAccountPassword } from '../accounts';
import type { HandlersOf, ProcedureContext } from './context';

export function accountProcedures(ctx: ProcedureContext): HandlersOf<'accounts'> {
  const { db, sessions } = ctx;
  const now = () => ctx.now().toISOString();
  const view = (row: AccountRow) => {
    const ms = sessions.lockedFor(row);
    return accountView(row, ms ? lockEnds(ctx.now().getTime(), ms).toISOString() : null);
  };
  return {
    'accounts.list': () => listAccounts(db).map(view),
    'accounts.officers': () => staffWithRole(db, 'petugas'),
    'accounts.create': (input, call) => {
      const { row, note } = addAccount(db, input, now());
      call.audit(note);
      return view(row);
    },
    'accounts.update': (input, call) => {
      const { row, note } = changeAccount(db, input, now());
      call.audit(note);
      return view(row);
    },
    'accounts.setActive': ({ id, active }, call) => {
      const { row, note } = activateAccount(db, id, active, now());
      if (!active) sessions.endAllOf(id);
      call.audit(note);
      return view(row);
    },
    'accounts.resetPassword': ({ id, password }, call) => {
      const { row, note } = resetAccountPassword(db, id, password, now());
      sessions.endAllOf(id);
      call.audit(note);
      return view(row);
    },
  };
}
