// The national holidays (libur nasional) and cuti bersama the government has decreed, shipped as
// data. Each year is one Surat Keputusan Bersama (SKB) of the Minister of Religious Affairs, the
// Minister of Manpower and the Minister for State Apparatus Empowerment and Bureaucratic Reform,
// with any later amendment folded into its year and named in its source. Working-day deadlines
// count these days as days off; years not listed here fall back to provisional dates until the
// year's decree ships with an update.
//
// To add a year: copy the decree's list exactly (dates and names), name every decree in `source`,
// and keep `holidays` sorted. A change to a year's data is applied to every office at its next
// start (db/holidays.ts applyOfficialCalendars).

export interface OfficialHoliday {
  date: string;
  name: string;
  kind: 'libur_nasional' | 'cuti_bersama';
}

export interface OfficialCalendar {
  year: number;
  /** The decree(s), as the Kalender screen shows them. */
  source: string;
  holidays: readonly OfficialHoliday[];
}

const SKB = 'SKB Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB';
const libur = (date: string, name: string): OfficialHoliday => ({ date, name, kind: 'libur_nasional' });
const cuti = (date: string, name: string): OfficialHoliday => ({ date, name, kind: 'cuti_bersama' });

export const OFFICIAL_CALENDARS: readonly OfficialCalendar[] = [
  {
    year: 2025,
    // 17 libur nasional and 10 cuti bersama; the amendment of 7 August 2025 added 18 August.
    source: `${SKB} Nomor 1017 Tahun 2024, Nomor 2 Tahun 2024, Nomor 2 Tahun 2024, diubah dengan Nomor 933 Tahun 2025, Nomor 1 Tahun 2025, Nomor 3 Tahun 2025`,
    holidays: [
      libur('2025-01-01', 'Tahun Baru 2025 Masehi'),
      libur('2025-01-27', 'Isra Mikraj Nabi Muhammad SAW'),
      cuti('2025-01-28', 'Cuti bersama Tahun Baru Imlek 2576 Kongzili'),
      libur('2025-01-29', 'Tahun Baru Imlek 2576 Kongzili'),
      cuti('2025-03-28', 'Cuti bersama Hari Suci Nyepi (Tahun Baru Saka 1947)'),
      libur('2025-03-29', 'Hari Suci Nyepi (Tahun Baru Saka 1947)'),
      libur('2025-03-31', 'Idul Fitri 1446 Hijriah'),
      libur('2025-04-01', 'Idul Fitri 1446 Hijriah'),
      cuti('2025-04-02', 'Cuti bersama Idul Fitri 1446 Hijriah'),
      cuti('2025-04-03', 'Cuti bersama Idul Fitri 1446 Hijriah'),
      cuti('2025-04-04', 'Cuti bersama Idul Fitri 1446 Hijriah'),
      cuti('2025-04-07', 'Cuti bersama Idul Fitri 1446 Hijriah'),
      libur('2025-04-18', 'Wafat Yesus Kristus'),
      libur('2025-04-20', 'Kebangkitan Yesus Kristus (Paskah)'),
      libur('2025-05-01', 'Hari Buruh Internasional'),
      libur('2025-05-12', 'Hari Raya Waisak 2569 BE'),
      cuti('2025-05-13', 'Cuti bersama Hari Raya Waisak 2569 BE'),
      libur('2025-05-29', 'Kenaikan Yesus Kristus'),
      cuti('2025-05-30', 'Cuti bersama Kenaikan Yesus Kristus'),
      libur('2025-06-01', 'Hari Lahir Pancasila'),
      libur('2025-06-06', 'Idul Adha 1446 Hijriah'),
      cuti('2025-06-09', 'Cuti bersama Idul Adha 1446 Hijriah'),
      libur('2025-06-27', '1 Muharam Tahun Baru Islam 1447 Hijriah'),
      libur('2025-08-17', 'Proklamasi Kemerdekaan'),
      cuti('2025-08-18', 'Cuti bersama Peringatan HUT ke-80 Republik Indonesia'),
      libur('2025-09-05', 'Maulid Nabi Muhammad SAW'),
      libur('2025-12-25', 'Kelahiran Yesus Kristus'),
      cuti('2025-12-26', 'Cuti bersama Kelahiran Yesus Kristus'),
    ],
  },
  {
    year: 2026,
    // 17 libur nasional and 8 cuti bersama.
    source: `${SKB} Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025`,
    holidays: [
      libur('2026-01-01', 'Tahun Baru 2026 Masehi'),
      libur('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'),
      cuti('2026-02-16', 'Cuti bersama Tahun Baru Imlek 2577 Kongzili'),
      libur('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'),
      cuti('2026-03-18', 'Cuti bersama Hari Suci Nyepi (Tahun Baru Saka 1948)'),
      libur('2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)'),
      cuti('2026-03-20', 'Cuti bersama Idul Fitri 1447 Hijriah'),
      libur('2026-03-21', 'Idul Fitri 1447 Hijriah'),
      libur('2026-03-22', 'Idul Fitri 1447 Hijriah'),
      cuti('2026-03-23', 'Cuti bersama Idul Fitri 1447 Hijriah'),
      cuti('2026-03-24', 'Cuti bersama Idul Fitri 1447 Hijriah'),
      libur('2026-04-03', 'Wafat Yesus Kristus'),
      libur('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'),
      libur('2026-05-01', 'Hari Buruh Internasional'),
      libur('2026-05-14', 'Kenaikan Yesus Kristus'),
      cuti('2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus'),
      libur('2026-05-27', 'Idul Adha 1447 Hijriah'),
      cuti('2026-05-28', 'Cuti bersama Idul Adha 1447 Hijriah'),
      libur('2026-05-31', 'Hari Raya Waisak 2570 BE'),
      libur('2026-06-01', 'Hari Lahir Pancasila'),
      libur('2026-06-16', '1 Muharam Tahun Baru Islam 1448 Hijriah'),
      libur('2026-08-17', 'Proklamasi Kemerdekaan'),
      libur('2026-08-25', 'Maulid Nabi Muhammad SAW'),
      cuti('2026-12-24', 'Cuti bersama Kelahiran Yesus Kristus'),
      libur('2026-12-25', 'Kelahiran Yesus Kristus'),
    ],
  },
];
