// Deadlines of the handling flow, each computed from the event that starts it (docs/handling-and-
// deadlines.md: verify in 3 working days, completeness 10, resolution 5 / 14 / 60 after the
// DPMDPPKB notice; the first answer the same day at the counter and within 24 hours for email,
// Perbup Buton Utara 16/2019 Pasal 6). The day counts are office settings. Which step meets or
// starts which deadline is declared with each action (forms/workflow.ts).
import { toLocal, type TimeZone } from './time';
import type { Classification, Channel, ComplaintStatus, FormKind } from './vocabulary';
import { endOfLocalDay, workingDayDeadline, workingDaysBetween, type Calendar } from './working-days';
import { actionsMeeting, startsDeadline } from './workflow';

export interface DeadlineDays {
  verifyDays: number;
  completenessDays: number;
  infoDays: number;
  nonDarwasDays: number;
  darwasDays: number;
}

export const DEADLINE_KINDS = ['jawaban_awal', 'verifikasi', 'kelengkapan', 'penyelesaian'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  jawaban_awal: 'Jawaban awal',
  verifikasi: 'Verifikasi',
  kelengkapan: 'Kelengkapan dari pelapor',
  penyelesaian: 'Penyelesaian',
};

export interface CaseForDeadlines {
  form: FormKind;
  channel: Channel;
  status: ComplaintStatus;
  receivedAt: string;
  classification: Classification | null;
  darwas: boolean | null;
  /** Formulir A's E. Penyelesaian (or the answer of "Dijawab langsung di loket"). */
  resolution: string | null;
}

export interface EventForDeadlines {
  type: string;
  at: string;
  data: Record<string, unknown>;
}

export interface Deadline {
  kind: DeadlineKind;
  /** Last instant that still counts as on time. */
  dueAt: string;
  /** When the duty was done; null while open. */
  metAt: string | null;
  /** Completeness past its deadline: the case is proposed for archiving (a person decides). */
  proposeArchive: boolean;
  /** The days the rule allows, for the screen ("14 hari kerja"). */
  rule: string;
}

export function resolutionDays(c: Pick<CaseForDeadlines, 'classification' | 'darwas'>, d: DeadlineDays): number {
  if (c.classification !== 'pengaduan') return d.infoDays;
  return c.darwas ? d.darwasDays : d.nonDarwasDays;
}

export function computeDeadlines(c: CaseForDeadlines, events: EventForDeadlines[], cal: Calendar, tz: TimeZone, days: DeadlineDays): Deadline[] {
  const out: Deadline[] = [];
  /** When the deadline `kind` running since `since` was met: the first step after it that meets it. */
  const met = (kind: DeadlineKind, since: string) => {
    const meeting = actionsMeeting(kind);
    return events.find((e) => meeting.has(e.type) && e.at >= since)?.at ?? null;
  };
  /** The latest step that started the deadline `kind` (again). */
  const started = (kind: DeadlineKind) => [...events].reverse().find((e) => startsDeadline(e.type, e.data, kind));

  // E. Penyelesaian on Formulir A is the answer given at the counter when the complaint was
  // received, whenever it was keyed. Only "Dijawab langsung di loket" writes a resolution otherwise,
  // so without that event it came from the form: that also holds for complaints saved before such
  // a form was saved as answered (they stayed `diterima`, and the team still verifies them).
  const atCounter = c.form === 'A' && !!c.resolution && !events.some((e) => e.type === 'jawab_langsung') ? c.receivedAt : null;
  const closedAtIntake = events.some((e) => e.type === 'created' && e.data.answeredAtCounter === true) ? c.receivedAt : null;

  if (c.form === 'A' || c.channel === 'surel') {
    const dueAt = c.form === 'A' ? endOfLocalDay(toLocal(c.receivedAt, tz).date, tz) : new Date(new Date(c.receivedAt).getTime() + 24 * 3_600_000).toISOString();
    out.push({ kind: 'jawaban_awal', dueAt, metAt: atCounter ?? met('jawaban_awal', c.receivedAt), proposeArchive: false, rule: c.form === 'A' ? 'hari yang sama' : '24 jam' });
  }

  out.push({
    kind: 'verifikasi',
    dueAt: workingDayDeadline(c.receivedAt, days.verifyDays, tz, cal).dueAt,
    metAt: closedAtIntake ?? met('verifikasi', c.receivedAt),
    proposeArchive: false,
    rule: `${days.verifyDays} hari kerja`,
  });

  const asked = started('kelengkapan');
  if (asked) {
    const dueAt = workingDayDeadline(asked.at, days.completenessDays, tz, cal).dueAt;
    const metAt = met('kelengkapan', asked.at);
    out.push({ kind: 'kelengkapan', dueAt, metAt, proposeArchive: false, rule: `${days.completenessDays} hari kerja` });
  }

  // Resolution runs from verification, and again from a "tidak puas" that reopened the case.
  const start = started('penyelesaian');
  if (start && c.classification) {
    const n = resolutionDays(c, days);
    const metAt = met('penyelesaian', start.at);
    out.push({ kind: 'penyelesaian', dueAt: workingDayDeadline(start.at, n, tz, cal).dueAt, metAt, proposeArchive: false, rule: `${n} hari kerja` });
  }
  return out;
}

/** Marks overdue completeness as "proposed for archiving"; `now` decides. */
export function withArchiveProposal(deadlines: Deadline[], status: ComplaintStatus, now: string): Deadline[] {
  return deadlines.map((d) => (d.kind === 'kelengkapan' && !d.metAt && status === 'menunggu_kelengkapan' && d.dueAt < now ? { ...d, proposeArchive: true } : d));
}

/** The earliest open deadline, which the work views sort and filter on. */
export function nextDue(deadlines: Deadline[]): Deadline | null {
  return deadlines.filter((d) => !d.metAt).sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0] ?? null;
}

/** Working days left until a deadline (negative when late), counted in the office's calendar. */
export function workingDaysLeft(dueAt: string, now: string, tz: TimeZone, cal: Calendar): number {
  return workingDaysBetween(toLocal(now, tz).date, toLocal(dueAt, tz).date, cal);
}
