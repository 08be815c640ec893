// The recaps a supervisor prints (docs/recaps.md): result shapes shared by the API, the screen,
// the PDF and the XLSX export.
import { z } from 'zod';
import { requiredText } from './fields';
import { periodInput, QUARTERS, type periodFor } from './periods';
import { COMPLAINT_STATUSES, FORM_KINDS, CHANNELS } from './vocabulary';

/** The recaps write "nihil" where a count is zero (docs/recaps.md). */
export const nihil = (n: number): string => (n === 0 ? 'nihil' : String(n));

const countRow = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
export type CountRow = z.infer<typeof countRow>;

export const weeklyRecap = z.object({
  period: periodInput,
  received: z.number().int(),
  finished: z.number().int(),
  overdue: z.number().int(),
  byJenis: z.array(countRow),
  byChannel: z.array(countRow),
  byForm: z.array(countRow),
  byClassification: z.array(countRow),
  byStatusAtEnd: z.array(countRow),
  items: z.array(
    z.object({
      registrationNo: z.string(),
      receivedAt: z.string(),
      form: z.enum(FORM_KINDS),
      channel: z.enum(CHANNELS),
      reporter: z.string(),
      summary: z.string(),
      statusAtEnd: z.enum(COMPLAINT_STATUSES),
      followUp: z.string(),
    }),
  ),
});
export type WeeklyRecap = z.infer<typeof weeklyRecap>;

export const resultRow = z.object({
  no: z.number().int(),
  registrationNo: z.string(),
  receivedDate: z.string(),
  reporter: z.string(),
  reportedParty: z.string(),
  substance: z.string(),
  /** `selesai`: closed without a verdict (answered directly, archived). */
  status: z.enum(['proses', 'benar', 'tidak_benar', 'selesai']),
  pp53: z.boolean(),
  tpTgr: z.boolean(),
  pidana: z.boolean(),
  lainLain: z.boolean(),
  remarks: z.string(),
});
export type ResultRow = z.infer<typeof resultRow>;

/** The semester or quarter recap (Rekapitulasi): its three count tables. */
export const periodCounts = z.object({
  period: periodInput,
  byStatus: z.object({ finished: z.number().int(), inProcess: z.number().int(), total: z.number().int() }),
  byType: z.object({ darwas: z.number().int(), nonDarwas: z.number().int(), unverified: z.number().int(), total: z.number().int() }),
  bySource: z.object({ fromAgencies: z.number().int(), direct: z.number().int(), directChannels: z.array(z.string()), total: z.number().int() }),
});
export type PeriodCounts = z.infer<typeof periodCounts>;

/** The counts and the results report (Laporan hasil): one row per complaint of the period. */
export const periodRecap = periodCounts.extend({ results: z.array(resultRow) });
export type PeriodRecap = z.infer<typeof periodRecap>;

export const MONEV_ACTIVITIES = [
  'Kebijakan pengaduan masyarakat telah diimplementasikan',
  'Pengaduan masyarakat ditangani sesuai SOP',
  'Monitoring dan evaluasi atas penanganan pengaduan masyarakat',
  'Hasil monev atas penanganan pengaduan masyarakat ditindaklanjuti',
] as const;

export const monevInput = z.object({
  year: z.number().int().min(2000).max(2100),
  quarter: z.union(QUARTERS.map((q) => z.literal(q)), { error: 'Triwulan harus 1-4.' }),
  rows: z
    .array(z.object({ activity: requiredText('Kegiatan', 300), obstacles: z.string().max(4000), plan: z.string().max(4000) }))
    .min(1)
    .max(20),
});
export type Monev = z.infer<typeof monevInput>;

const indicatorFigures = {
  received: z.number().int(),
  /** Of those received, closed by the end of the period (or now, for a period still running). */
  finished: z.number().int(),
  finishedPercent: z.number(),
};

/** The yearly indicators (Perbup Bintan 53/2021, Lampiran Bab III) for a chosen period, against the targets in Pengaturan. */
export const indicators = z.object({
  /** The chosen period (its target pro-rated to its days), then each whole year it lies in. */
  rows: z.array(z.object({ label: z.string(), period: periodInput, ...indicatorFigures, targetReceived: z.number().int(), targetFinishedPercent: z.number() })),
  /** The months of the period (at most the last 24), each clipped to it; finished as of the period's end. */
  monthly: z.array(z.object({ month: z.string(), ...indicatorFigures })),
  weekly: z.array(z.object({ weekStart: z.string(), received: z.number().int() })),
  channels: z.array(countRow),
});
export type Indicators = z.infer<typeof indicators>;

export const RECAP_KINDS = ['mingguan', 'rekapitulasi', 'laporan_hasil', 'monev'] as const;
export type RecapKind = (typeof RECAP_KINDS)[number];
/** The period a recap needs: a week, a quarter, or any stretch of days. */
export type PeriodShape = Parameters<typeof periodFor>[0];

/**
 * Each recap's title, its tab on the Rekap screen, its sheet in the XLSX, its paper orientation
 * and the period it covers (the weekly recap a week, monitoring a quarter). Its tables are in
 * recap-layouts.ts.
 */
export const RECAPS: Record<RecapKind, { title: string; tab: string; sheet: string; landscape: boolean; period: PeriodShape }> = {
  mingguan: { title: 'Rekap mingguan pengaduan masyarakat', tab: 'Rekap mingguan', sheet: 'Rekap', landscape: false, period: 'week' },
  rekapitulasi: { title: 'Rekapitulasi data penanganan pengaduan masyarakat', tab: 'Rekapitulasi', sheet: 'Rekap', landscape: false, period: 'any' },
  // The results table has eleven columns: it prints landscape.
  laporan_hasil: { title: 'Laporan hasil penanganan pengaduan masyarakat', tab: 'Laporan hasil', sheet: 'Laporan hasil', landscape: true, period: 'any' },
  monev: { title: 'Laporan monitoring dan evaluasi penanganan pengaduan masyarakat', tab: 'Monitoring & evaluasi', sheet: 'Monev', landscape: true, period: 'quarter' },
};
export const LANDSCAPE = Object.fromEntries(RECAP_KINDS.map((k) => [k, RECAPS[k].landscape])) as Record<RecapKind, boolean>;
