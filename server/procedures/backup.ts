// The backup procedures of the API contract (Pengaturan → Cadangan): settings, status, *Cadangkan
// sekarang*, the backups in the folder, and *Pulihkan dari cadangan*.
import { ApiError } from '../../forms/api';
import { BackupFileError } from '../backup/container';
import { BackupError } from '../backup/create';
import { RestoreError } from '../backup/restore';
import type { BackupService } from '../backup/service';
import type { Handlers } from '../dispatch';

export interface BackupProcedureContext {
  service: BackupService;
  /** Where the data folder's key lives, in words. */
  keyWhere: string;
  /** Called once a restore is ready; the host then reopens the core on the restored data. */
  onRestoreReady?: (() => void) | undefined;
}

type BackupHandlers = Pick<Handlers, 'backup.status' | 'backup.settings.get' | 'backup.settings.save' | 'backup.run' | 'backup.list' | 'backup.restore'>;

export function backupHandlers({ service, keyWhere, onRestoreReady }: BackupProcedureContext): BackupHandlers {
  const settings = () => ({ ...service.settings(), keyWhere });
  return {
    'backup.status': () => service.status(),
    'backup.settings.get': () => settings(),
    'backup.settings.save': async (input) => {
      const problem = service.folderProblem(input.folder);
      if (problem) throw new ApiError({ code: 'INVALID_INPUT', message: problem, fields: { folder: problem } });
      if (!input.password && !service.settings().passwordSet) {
        const message = 'Kata sandi cadangan wajib diisi (dipakai untuk membuka cadangan di komputer lain).';
        throw new ApiError({ code: 'INVALID_INPUT', message, fields: { password: message } });
      }
      await service.saveSettings(input);
      return settings();
    },
    'backup.run': () => {
      try {
        void service.runNow().catch(() => undefined);
      } catch (e) {
        if (e instanceof BackupError) throw new ApiError({ code: 'UNAVAILABLE', message: e.message });
        throw e;
      }
      return service.status();
    },
    'backup.list': () => service.list(),
    'backup.restore': async ({ file, password }) => {
      try {
        const restored = await service.restore(file, password);
        if (onRestoreReady) setImmediate(onRestoreReady);
        return { ...restored, switching: !!onRestoreReady };
      } catch (e) {
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
