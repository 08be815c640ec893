// Ships the national holidays of a year without a decree (forms/official-calendars.ts) from
// date-holidays, marked provisional: its Islamic dates are computed and can differ by a day from
// the decree, and it knows no cuti bersama, so an admin confirms and completes them in Pengaturan.
import Holidays from 'date-holidays';
import { applyOfficialCalendars, hasYear, upsertHolidays } from '../db/holidays';
import type { Db } from '../db/open';
import type { HolidayInput } from '../forms/calendar';
import { OFFICIAL_CALENDARS } from '../forms/official-calendars';

/**
 * date-holidays (3.x) names 27 Rajab "Maulid Nabi Muhammad", which is 12 Rabiul Awal; 27 Rajab is
 * Isra Mikraj. Names are taken from the rule, so the label follows the date it belongs to.
 */
const NAME_BY_RULE: Record<string, string> = {
  '27 Rajab': 'Isra Mikraj Nabi Muhammad SAW',
  '12 Rabi al-awwal': 'Maulid Nabi Muhammad SAW',
};

export function nationalHolidays(year: number): HolidayInput[] {
  const seen = new Map<string, HolidayInput>();
  for (const h of new Holidays('ID').getHolidays(year)) {
    if (h.type !== 'public') continue;
    const date = h.date.slice(0, 10);
    const name = NAME_BY_RULE[h.rule] ?? h.name;
    const prev = seen.get(date);
    seen.set(date, { date, name: prev ? `${prev.name}; ${name}` : name, kind: 'libur_nasional', status: 'sementara' });
  }
  return [...seen.values()];
}

/**
 * At start-up: the decreed years ship as data (brought in when new or amended; returns whether any
 * changed); this year and next come from date-holidays (provisional) when neither a decree nor the
 * office has them.
 */
export function seedCalendar(db: Db, thisYear: number, now: string): boolean {
  const changed = applyOfficialCalendars(db, OFFICIAL_CALENDARS, now).length > 0;
  for (const y of [thisYear, thisYear + 1]) {
    if (!hasYear(db, y)) upsertHolidays(db, nationalHolidays(y), 'date-holidays', now);
  }
  return changed;
}
