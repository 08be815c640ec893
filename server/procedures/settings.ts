// settings.*: the office's settings (Pengaturan). New day counts move the open deadlines. The
// audit row of a save holds the settings that changed, before and after.
import { accountById } from '../../db/accounts';
import { getSettings, saveSettings } from '../../db/settings';
import { ApiError } from '../../forms/api';
import { changedValues } from '../../forms/audit';
import type { HandlersOf, ProcedureContext } from './context';

const NOT_KETUA = 'Pilih akun aktif yang memegang peran Ketua tim.';

export function settingsProcedures(ctx: ProcedureContext): HandlersOf<'settings'> {
  return {
    'settings.get': () => getSettings(ctx.db),
    'settings.save': (input, call) => {
      if (input.ketuaAccountId) {
        const ketua = accountById(ctx.db, input.ketuaAccountId);
        if (!ketua?.active || !ketua.roles.includes('ketua')) throw new ApiError({ code: 'INVALID_INPUT', message: NOT_KETUA, fields: { ketuaAccountId: NOT_KETUA } });
      }
      const before = getSettings(ctx.db);
      const saved = saveSettings(ctx.db, input);
      ctx.recomputeDeadlines();
      call.audit({ object: 'pengaturan', detail: changedValues(before, saved) });
      return saved;
    },
  };
}
