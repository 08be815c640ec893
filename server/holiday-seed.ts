// Ships the national holidays of a year from date-holidays, marked provisional: its Islamic dates
// are computed and can differ by a day from the decree, and it knows no cuti bersama, so an admin
// confirms and completes them in Pengaturan.
import Holidays from 'date-holidays';
import type { HolidayInput } from '../forms/calendar';

export function nationalHolidays(year: number): HolidayInput[] {
  const seen = new Map<string, HolidayInput>();
  for (const h of new Holidays('ID').getHolidays(year)) {
    if (h.type !== 'public') continue;
    const date = h.date.slice(0, 10);
    const prev = seen.get(date);
    seen.set(date, { date, name: prev ? `${prev.name}; ${h.name}` : h.name, kind: 'libur_nasional', status: 'sementara' });
  }
  return [...seen.values()];
}
