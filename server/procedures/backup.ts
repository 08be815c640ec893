// The backup procedures of the API contract (Pengaturan → Cadangan): settings, status, *Cadangkan
// sekarang*, the backups in the folder, and *Pulihkan dari cadangan*. They wait on key derivation
// and files, so they are not changes the dispatcher wraps in a transaction: each writes its own
// audit row naming the admin (settings before/after without the password; a backup is a copy of
// every reporter's identity, so starting one is an export; a restore, done or refused).
import type { AuditEntry } from '../../db/audit';
import { ApiError, type Method } from '../../forms/api';
import { changedValues } from '../../forms/audit';
import { BackupFileError } from '../backup/container';
import { BackupError } from '../backup/create';
import { RestoreError } from '../backup/restore';
import type { BackupService } from '../backup/service';
import type { Handlers } from '../dispatch';
import { actorOf, type Caller } from '../sessions';

export interface BackupProcedureContext {
  service: BackupService;
  /** Where the data folder's key lives, in words. */
  keyWhere: string;
  /** Called once a restore is ready; the host then reopens the core on the restored data. */
  onRestoreReady?: (() => void) | undefined;
  /** Appends an audit row (ProcedureContext.audit). */
  audit(entry: Omit<AuditEntry, 'at'>): void;
}

type BackupHandlers = Pick<Handlers, 'backup.status' | 'backup.settings.get' | 'backup.settings.save' | 'backup.run' | 'backup.list' | 'backup.restore'>;

export function backupHandlers({ service, keyWhere, onRestoreReady, audit }: BackupProcedureContext): BackupHandlers {
  const settings = () => ({ ...service.settings(), keyWhere });
  const row = (caller: Caller, method: Method, action: AuditEntry['action'], object: string, outcome: string, detail: Record<string, unknown> | null = null) =>
    audit({ ...actorOf(caller), action, method, object, outcome, detail });
  /** What of the settings an audit row may show: never the password or the key derived from it. */
  const visible = () => {
    const { folder, dailyAt, passwordSet } = service.settings();
    return { folder, dailyAt, passwordSet };
  };
  return {
    'backup.status': () => service.status(),
    'backup.settings.get': () => settings(),
    'backup.settings.save': async (input, { caller }) => {
      const problem = service.folderProblem(input.folder);
      if (problem) throw new ApiError({ code: 'INVALID_INPUT', message: problem, fields: { folder: problem } });
      if (!input.password && !service.settings().passwordSet) {
        const message = 'Kata sandi cadangan wajib diisi (dipakai untuk membuka cadangan di komputer lain).';
        throw new ApiError({ code: 'INVALID_INPUT', message, fields: { password: message } });
      }
      const before = visible();
      await service.saveSettings(input);
      const after = visible();
      row(caller, 'backup.settings.save', 'ubah', 'pengaturan cadangan', 'ok', { ...changedValues(before, after), ...(input.password ? { password: 'diganti' } : {}) });
      return settings();
    },
    'backup.run': (_input, { caller }) => {
      try {
        void service.runNow().catch(() => undefined);
      } catch (e) {
        if (e instanceof BackupError) throw new ApiError({ code: 'UNAVAILABLE', message: e.message });
        throw e;
      }
      row(caller, 'backup.run', 'ekspor', 'cadangan', 'ok');
      return service.status();
    },
    'backup.list': () => service.list(),
    'backup.restore': async ({ file, password }, { caller }) => {
      try {
        const restored = await service.restore(file, password);
        // Written to the data being replaced, before the switch: the replaced folder is kept as
        // `<data>.sebelum-pulih-…` (server/backup/restore.ts), its audit log ending with this row.
        row(caller, 'backup.restore', 'ubah', file, 'ok');
        if (onRestoreReady) setImmediate(onRestoreReady);
        return { ...restored, switching: !!onRestoreReady };
      } catch (e) {
        row(caller, 'backup.restore', 'ubah', file, e instanceof BackupFileError || e instanceof RestoreError ? 'ditolak' : 'gagal');
        if (e instanceof BackupFileError) {
          const field = e.problem === 'wrong-password' ? 'password' : 'file';
          throw new ApiError({ code: 'INVALID_INPUT', message: `${e.message} Tidak ada data yang diubah.`, fields: { [field]: e.message } });
        }
        if (e instanceof RestoreError) {
          throw new ApiError({ code: e.problem === 'in-use' ? 'CONFLICT' : 'INVALID_INPUT', message: e.message, fields: { file: e.message } });
        }
        throw e;
      }
    },
  };
}
