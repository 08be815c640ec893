// Indonesia has three zones and no daylight saving, so a zone is a fixed UTC offset and local
// wall-clock arithmetic needs no time-zone database.

export const TIME_ZONES = ['WIB', 'WITA', 'WIT'] as const;
export type TimeZone = (typeof TIME_ZONES)[number];

export const TIME_ZONE_INFO: Record<TimeZone, { offsetMinutes: number; iana: string; label: string }> = {
  WIB: { offsetMinutes: 7 * 60, iana: 'Asia/Jakarta', label: 'WIB (UTC+7)' },
  WITA: { offsetMinutes: 8 * 60, iana: 'Asia/Makassar', label: 'WITA (UTC+8)' },
  WIT: { offsetMinutes: 9 * 60, iana: 'Asia/Jayapura', label: 'WIT (UTC+9)' },
};

export interface LocalDateTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm */
  time: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Wall-clock date and time in the office's zone for an instant. */
export function toLocal(instant: Date | string, tz: TimeZone): LocalDateTime {
  const ms = new Date(instant).getTime() + TIME_ZONE_INFO[tz].offsetMinutes * 60_000;
  const d = new Date(ms);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
}

/** The instant (UTC ISO string) of a wall-clock date and time in the office's zone. */
export function fromLocal(local: LocalDateTime, tz: TimeZone): string {
  const [y, mo, d] = local.date.split('-').map(Number) as [number, number, number];
  const [h, mi] = local.time.split(':').map(Number) as [number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi) - TIME_ZONE_INFO[tz].offsetMinutes * 60_000;
  return new Date(ms).toISOString();
}

/** RFC 3339 with the office's offset, as the upstream contract wants it. */
export function toOffsetIso(instant: Date | string, tz: TimeZone): string {
  const off = TIME_ZONE_INFO[tz].offsetMinutes;
  const ms = new Date(instant).getTime() + off * 60_000;
  const s = new Date(ms).toISOString().slice(0, 19);
  return `${s}+${pad(Math.floor(off / 60))}:${pad(off % 60)}`;
}

/**
 * Every date the app takes lies in this range. A typo such as 1026 or 9999 is refused where it is
 * typed: far dates made working-day counts walk a thousand years and broke date arithmetic past
 * year 9999.
 */
export const EARLIEST_DATE = '2000-01-01';
export const LATEST_DATE = '2099-12-31';

export function isDateInRange(date: string): boolean {
  return date >= EARLIEST_DATE && date <= LATEST_DATE;
}

export function isValidDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export function isValidTime(time: string): boolean {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  return !!m && Number(m[1]) < 24 && Number(m[2]) < 60;
}
