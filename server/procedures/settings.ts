// settings.*: the office's settings (Pengaturan). New day counts move the open deadlines.
import { getSettings, saveSettings } from '../../db/settings';
import type { HandlersOf, ProcedureContext } from './context';

export function settingsProcedures(ctx: ProcedureContext): HandlersOf<'settings'> {
  return {
    'settings.get': () => getSettings(ctx.db),
    'settings.save': (input) => {
      const saved = saveSettings(ctx.db, input);
      ctx.recomputeDeadlines();
      return saved;
    },
  };
}
