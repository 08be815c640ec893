// Recap queries. Each count is one GROUP BY over the complaints received in the period (office
// time zone), with the status a complaint had at the end of the period taken from its events.
import type Database from 'better-sqlite3';
import { computeDeadlines, type DeadlineDays } from '../forms/deadlines';
import { describePeriod, monthsOf, proratedTarget, weekOf, yearPeriod, yearsOf, type Period } from '../forms/periods';
import type { CountRow, Indicators, PeriodRecap, ResultRow, WeeklyRecap } from '../forms/recap';
import { fromLocal, TIME_ZONE_INFO, toLocal, type TimeZone } from '../forms/time';
import {
  CHANNEL_LABELS,
  CHANNELS,
  CLASSIFICATION_LABELS,
  CLASSIFICATIONS,
  CLOSED_STATUSES,
  COMPLAINT_STATUSES,
  FORM_KINDS,
  HIDDEN_REPORTER,
  JENIS,
  JENIS_LABELS,
  STATUS_LABELS,
  type Channel,
  type ComplaintStatus,
} from '../forms/vocabulary';
import { eventLabel, readEvent, type ComplaintEvent } from '../forms/history';
import { addDays, type Calendar } from '../forms/working-days';

export interface RecapContext {
  tz: TimeZone;
  calendar: Calendar;
  days: DeadlineDays;
}

/** [start, end) instants of a local-date period. */
export function periodBounds(p: Period, tz: TimeZone): { start: string; end: string } {
  return { start: fromLocal({ date: p.from, time: '00:00' }, tz), end: fromLocal({ date: addDays(p.to, 1), time: '00:00' }, tz) };
}

/**
 * The status a complaint had just before the instant `param`: the target of its last event that
 * moved it (a transition, or a save answered at the counter), or `diterima`. Corrections and
 * upstream news move nothing.
 */
const statusBefore = (param: string) => `coalesce((SELECT json_extract(e.data, '$.to') FROM complaint_events e
  WHERE e.complaint_id = c.id AND e.at < ${param} AND json_extract(e.data, '$.to') IS NOT NULL ORDER BY e.seq DESC LIMIT 1), 'diterima')`;
export const STATUS_AT_END = statusBefore('@end');

const IN_PERIOD = 'c.received_at >= @start AND c.received_at < @end';
const CLOSED_SQL = `(${CLOSED_STATUSES.map((s) => `'${s}'`).join(', ')})`;

function grouped(sqlite: Database.Database, expr: string, b: { start: string; end: string }): Map<string, number> {
  const rows = sqlite.prepare(`SELECT ${expr} AS k, count(*) AS n FROM complaints c WHERE ${IN_PERIOD} GROUP BY 1`).all(b) as { k: string | number | null; n: number }[];
  return new Map(rows.map((r) => [String(r.k ?? ''), r.n]));
}

function rows<K extends string>(counts: Map<string, number>, keys: readonly K[], label: (k: K) => string): CountRow[] {
  return keys.map((k) => ({ key: k, label: label(k), count: counts.get(k) ?? 0 }));
}

const UNVERIFIED = 'belum';
const withUnverified = <K extends string>(keys: readonly K[]) => [...keys, UNVERIFIED] as (K | typeof UNVERIFIED)[];

function reporterOf(r: { reporter_name: string | null; anonymous: number; confidential: number }): string {
  return r.anonymous || r.confidential ? HIDDEN_REPORTER : (r.reporter_name ?? '(tanpa nama)');
}

/** The latest step of a case as the weekly recap's follow-up column tells it. */
function describeStep(e: ComplaintEvent): string {
  const label = e.type === 'created' && e.data.answeredAtCounter ? 'Dicatat dan dijawab langsung di loket' : eventLabel(e);
  const targets = e.type === 'teruskan' && e.data.targets ? ` kepada ${e.data.targets.map((t) => t.name).join(', ')}` : '';
  return `${label}${targets}${e.note ? `: ${e.note}` : ''}`;
}

/** `now` caps "overdue at the end of the week" for the week still running. */
export function weeklyRecap(sqlite: Database.Database, period: Period, ctx: RecapContext, now: string): WeeklyRecap {
  const b = periodBounds(period, ctx.tz);
  const cutoff = now < b.end ? now : b.end;
  const byStatus = grouped(sqlite, STATUS_AT_END, b);
  const list = sqlite
    .prepare(
      `SELECT c.id, c.registration_no, c.received_at, c.form, c.channel, c.reporter_name, c.anonymous, c.confidential,
              c.problem, c.content, c.classification, c.darwas, ${STATUS_AT_END} AS status_end,
              -- E. Penyelesaian as written at intake (a later "Dijawab langsung di loket" is not it)
              CASE WHEN EXISTS (SELECT 1 FROM complaint_events j WHERE j.complaint_id = c.id AND j.type = 'jawab_langsung') THEN NULL ELSE c.resolution END AS intake_resolution
       FROM complaints c WHERE ${IN_PERIOD} ORDER BY c.received_at, c.registration_no`,
    )
    .all(b) as {
    id: string; registration_no: string; received_at: string; form: 'A' | 'B' | 'C'; channel: Channel; reporter_name: string | null;
    anonymous: number; confidential: number; problem: string | null; content: string; classification: 'pengaduan' | 'aspirasi' | 'permintaan_informasi' | null;
    darwas: number | null; status_end: ComplaintStatus; intake_resolution: string | null;
  }[];
  const eventsOf = sqlite.prepare('SELECT seq, type, at, actor, data, note FROM complaint_events WHERE complaint_id = ? AND at < ? ORDER BY seq');
  let overdue = 0;
  const items = list.map((c) => {
    const events = (eventsOf.all(c.id, b.end) as { seq: number; type: string; at: string; actor: string | null; data: string; note: string | null }[]).map((e) => ({
      ...e,
      data: JSON.parse(e.data) as Record<string, unknown>,
    }));
    if (!CLOSED_STATUSES.includes(c.status_end)) {
      const ds = computeDeadlines(
        { form: c.form, channel: c.channel, status: c.status_end, receivedAt: c.received_at, classification: c.classification, darwas: c.darwas === null ? null : !!c.darwas, resolution: c.intake_resolution },
        events,
        ctx.calendar,
        ctx.tz,
        ctx.days,
      );
      if (ds.some((d) => d.dueAt < cutoff && (!d.metAt || d.metAt >= cutoff))) overdue++;
    }
    const last = events.at(-1);
    const text = c.problem ?? c.content;
    return {
      registrationNo: c.registration_no,
      receivedAt: c.received_at,
      form: c.form,
      channel: c.channel,
      reporter: reporterOf(c),
      summary: text.length > 160 ? `${text.slice(0, 157)}…` : text,
      statusAtEnd: c.status_end,
      followUp: last ? describeStep(readEvent(last)) : 'Dicatat',
    };
  });
  return {
    period,
    received: list.length,
    finished: list.filter((c) => CLOSED_STATUSES.includes(c.status_end)).length,
    overdue,
    byJenis: rows(grouped(sqlite, `coalesce(c.jenis, '${UNVERIFIED}')`, b), withUnverified(JENIS), (k) => (k === UNVERIFIED ? 'Belum diverifikasi' : JENIS_LABELS[k])),
    byChannel: rows(grouped(sqlite, 'c.channel', b), CHANNELS, (k) => CHANNEL_LABELS[k]),
    byForm: rows(grouped(sqlite, 'c.form', b), FORM_KINDS, (k) => `Formulir ${k}`),
    byClassification: rows(grouped(sqlite, `coalesce(c.classification, '${UNVERIFIED}')`, b), withUnverified(CLASSIFICATIONS), (k) =>
      k === UNVERIFIED ? 'Belum diverifikasi' : CLASSIFICATION_LABELS[k],
    ),
    byStatusAtEnd: rows(byStatus, COMPLAINT_STATUSES, (k) => STATUS_LABELS[k]),
    items,
  };
}

export function periodRecap(sqlite: Database.Database, period: Period, ctx: Pick<RecapContext, 'tz'>): PeriodRecap {
  const b = periodBounds(period, ctx.tz);
  const status = grouped(sqlite, `${STATUS_AT_END} IN ${CLOSED_SQL}`, b);
  const type = grouped(sqlite, "coalesce(c.darwas, 'x')", b);
  const source = grouped(sqlite, 'c.channel', b);
  const total = [...source.values()].reduce((a, n) => a + n, 0);
  const fromAgencies = source.get('instansi_lain') ?? 0;
  const results = sqlite
    .prepare(
      `SELECT c.registration_no, c.received_at, c.reporter_name, c.anonymous, c.confidential, c.reported_party, c.problem, c.content,
              c.outcome, c.sanctions, c.category, ${STATUS_AT_END} AS status_end,
              (SELECT json_extract(e.data, '$.targets') FROM complaint_events e WHERE e.complaint_id = c.id AND e.type = 'teruskan' AND e.at < @end ORDER BY e.seq DESC LIMIT 1) AS targets
       FROM complaints c WHERE ${IN_PERIOD} ORDER BY c.received_at, c.registration_no`,
    )
    .all(b) as {
    registration_no: string; received_at: string; reporter_name: string | null; anonymous: number; confidential: number; reported_party: string | null;
    problem: string | null; content: string; outcome: 'benar' | 'tidak_benar' | null; sanctions: string; category: string | null; status_end: ComplaintStatus; targets: string | null;
  }[];
  return {
    period,
    byStatus: { finished: status.get('1') ?? 0, inProcess: status.get('0') ?? 0, total },
    byType: { darwas: type.get('1') ?? 0, nonDarwas: type.get('0') ?? 0, unverified: type.get('x') ?? 0, total },
    bySource: {
      fromAgencies,
      direct: total - fromAgencies,
      directChannels: CHANNELS.filter((ch) => ch !== 'instansi_lain' && source.has(ch)).map((ch) => CHANNEL_LABELS[ch]),
      total,
    },
    results: results.map((r, i): ResultRow => {
      const closed = CLOSED_STATUSES.includes(r.status_end);
      const sanctions = JSON.parse(r.sanctions) as string[];
      const text = r.problem ?? r.content;
      const targets = r.targets ? (JSON.parse(r.targets) as { name: string }[]).map((t) => t.name).join(', ') : null;
      const remarks = [r.category, targets ? `Diteruskan kepada ${targets}` : null, closed && !r.outcome ? STATUS_LABELS[r.status_end] : null].filter(Boolean).join('; ');
      return {
        no: i + 1,
        registrationNo: r.registration_no,
        receivedDate: toLocal(r.received_at, ctx.tz).date,
        reporter: reporterOf(r),
        reportedParty: r.reported_party ?? '-',
        substance: text.length > 300 ? `${text.slice(0, 297)}…` : text,
        status: !closed ? 'proses' : (r.outcome ?? 'selesai'),
        pp53: sanctions.includes('pp53'),
        tpTgr: sanctions.includes('tp_tgr'),
        pidana: sanctions.includes('pidana'),
        lainLain: sanctions.includes('lain_lain'),
        remarks,
      };
    }),
  };
}

/** SQLite modifier that moves a UTC instant to the office's wall clock. */
const localShift = (tz: TimeZone) => `'+${TIME_ZONE_INFO[tz].offsetMinutes} minutes'`;

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0);

/** Received in `p` and, of those, closed by the end of `asOf` (events up to now for a running period). */
function receivedAndFinished(sqlite: Database.Database, p: Period, asOf: Period, tz: TimeZone) {
  const r = sqlite
    .prepare(`SELECT count(*) AS received, coalesce(sum(${statusBefore('@asOf')} IN ${CLOSED_SQL}), 0) AS finished FROM complaints c WHERE ${IN_PERIOD}`)
    .get({ ...periodBounds(p, tz), asOf: periodBounds(asOf, tz).end }) as { received: number; finished: number };
  return { ...r, finishedPercent: percent(r.finished, r.received) };
}

export function indicatorData(sqlite: Database.Database, opts: { tz: TimeZone; period: Period; targetReceived: number; targetFinishedPercent: number }): Indicators {
  const shift = localShift(opts.tz);
  const { period, tz } = opts;
  const row = (label: string, p: Period, targetReceived: number) => ({ label, period: p, ...receivedAndFinished(sqlite, p, p, tz), targetReceived, targetFinishedPercent: opts.targetFinishedPercent });
  const years = yearsOf(period).map(yearPeriod).filter((y) => y.from !== period.from || y.to !== period.to);
  // Twelve office weeks up to the end of the chosen period.
  const lastWeek = weekOf(period.to).from;
  const firstWeek = addDays(lastWeek, -7 * 11);
  const b = periodBounds({ from: firstWeek, to: addDays(lastWeek, 6) }, tz);
  const perDay = sqlite
    .prepare(`SELECT date(c.received_at, ${shift}) AS d, count(*) AS n FROM complaints c WHERE ${IN_PERIOD} GROUP BY 1`)
    .all(b) as { d: string; n: number }[];
  const weekly = Array.from({ length: 12 }, (_, i) => ({ weekStart: addDays(firstWeek, 7 * i), received: 0 }));
  for (const { d, n } of perDay) {
    const w = weekly.find((x) => x.weekStart === weekOf(d).from);
    if (w) w.received += n;
  }
  return {
    rows: [row(describePeriod(period), period, proratedTarget(opts.targetReceived, period)), ...years.map((y) => row(describePeriod(y), y, opts.targetReceived))],
    monthly: monthsOf(period)
      .slice(-24)
      .map((m) => ({ month: m.month, ...receivedAndFinished(sqlite, m.period, period, tz) })),
    weekly,
    channels: rows(grouped(sqlite, 'c.channel', periodBounds(period, tz)), CHANNELS, (k) => CHANNEL_LABELS[k]),
  };
}
