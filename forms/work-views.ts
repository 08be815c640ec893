// The work views: what needs someone now, each a rule over the complaint's state and its earliest
// open deadline (kept in next_due_at / next_due_kind, so a view and its count are one indexed
// query, db/complaints.ts). A view declared here gets its list, its count and its menu entry.
import { z } from 'zod';
import type { DeadlineKind } from './deadlines';
import type { ComplaintStatus } from './vocabulary';

export interface WorkViewRule {
  status?: ComplaintStatus;
  /** The earliest open deadline ends later today, or has passed (closed cases have none). */
  due?: 'today' | 'past';
  /** ...and it is this deadline. */
  dueKind?: DeadlineKind;
}

interface WorkViewSpec {
  label: string;
  rule: WorkViewRule;
  /** Shown in the menu under Daftar Pengaduan with its count (default), or counted only. */
  menu?: boolean;
}

export const WORK_VIEWS = {
  jatuh_tempo_hari_ini: { label: 'Jatuh tempo hari ini', rule: { due: 'today' } },
  terlambat: { label: 'Terlambat', rule: { due: 'past' } },
  menunggu_kelengkapan: { label: 'Menunggu kelengkapan', rule: { status: 'menunggu_kelengkapan' } },
  perlu_verifikasi: { label: 'Perlu verifikasi', rule: { status: 'diterima' } },
  /**
   * Completeness past its deadline while the case still waits for it: proposed for archiving, and a
   * person decides (the same rule marks the deadline, forms/deadlines.ts withArchiveProposal).
   */
  usulan_arsip: { label: 'Diusulkan untuk diarsipkan', rule: { status: 'menunggu_kelengkapan', dueKind: 'kelengkapan', due: 'past' }, menu: false },
} as const satisfies Record<string, WorkViewSpec>;

export type WorkView = keyof typeof WORK_VIEWS;
export const WORK_VIEW_KEYS = Object.keys(WORK_VIEWS) as [WorkView, ...WorkView[]];
/** The views of the menu, in its order. */
export const MENU_VIEWS = WORK_VIEW_KEYS.filter((v) => (WORK_VIEWS[v] as WorkViewSpec).menu !== false);

export const workViewCounts = z.object(Object.fromEntries(WORK_VIEW_KEYS.map((v) => [v, z.number().int()])) as Record<WorkView, z.ZodNumber>);
export type WorkViewCounts = z.output<typeof workViewCounts>;
