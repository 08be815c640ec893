// calendar.*: the office's working-day calendar in Pengaturan (docs/handling-and-deadlines.md,
// "Counting working days"). Every change moves the open deadlines.
import { calendarView, deleteHoliday, upsertHolidays } from '../../db/holidays';
import { ApiError } from '../../forms/api';
import { parseHolidayLines } from '../../forms/calendar';
import type { HandlersOf, ProcedureContext } from './context';

export function calendarProcedures(ctx: ProcedureContext): HandlersOf<'calendar'> {
  const { db } = ctx;
  const view = () => calendarView(db, Number(ctx.today().slice(0, 4)));
  const changed = () => {
    ctx.recomputeDeadlines();
    return view();
  };
  return {
    'calendar.get': () => view(),
    'calendar.save': (input) => {
      upsertHolidays(db, [input], 'admin', ctx.now().toISOString());
      return changed();
    },
    'calendar.delete': ({ date }) => {
      if (!deleteHoliday(db, date)) throw new ApiError({ code: 'NOT_FOUND', message: `Tanggal ${date} tidak ada di kalender.` });
      return changed();
    },
    'calendar.import': ({ text }) => {
      const { rows, errors } = parseHolidayLines(text);
      if (errors.length) throw new ApiError({ code: 'INVALID_INPUT', message: `Impor dibatalkan: ${errors.length} baris tidak dapat dibaca.`, fields: { text: errors.slice(0, 10).join(' · ') } });
      upsertHolidays(db, rows, 'impor', ctx.now().toISOString());
      return { imported: rows.length, errors, calendar: changed() };
    },
  };
}
