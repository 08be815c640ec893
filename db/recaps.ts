// Recap queries. A recap reads the complaints received in the period (office time zone) in one pass,
// and the status each had at the end of the period from one range scan of the index of the steps
// that moved cases (migration 0014); its counts are tallied from those rows.
import type Database from 'better-sqlite3';
import { computeDeadlines, type DeadlineDays } from '../forms/deadlines';
import { describePeriod, monthsOf, proratedTarget, weekOf, yearPeriod, yearsOf, type Period } from '../forms/periods';
import type { CountRow, Indicators, PeriodCounts, PeriodRecap, ResultRow, WeeklyRecap } from '../forms/recap';
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
  type Sanction,
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

const IN_PERIOD = 'c.received_at >= @start AND c.received_at < @end';

/** The lowest and highest of some ids (not empty). */
function idRange(ids: readonly string[]): [string, string] {
  let lo = ids[0]!;
  let hi = lo;
  for (const id of ids) (lo = id < lo ? id : lo), (hi = id > hi ? id : hi);
  return [lo, hi];
}

/**
 * The status each of these complaints had just before the instant `before`: the target of its last
 * step that moved it (a transition, or a save answered at the counter), or `diterima`. Corrections
 * and upstream news move nothing. One scan of the partial index complaint_events_moves over the
 * range of the complaints' ids (UUIDv7, so the complaints of a period lie close together in it).
 */
function statusesBefore(sqlite: Database.Database, ids: readonly string[], before: string): (id: string) => ComplaintStatus {
  const last = new Map<string, ComplaintStatus>();
  if (ids.length) {
    const [lo, hi] = idRange(ids);
    const moves = sqlite
      .prepare(
        `SELECT complaint_id, json_extract(data, '$.to') FROM complaint_events INDEXED BY complaint_events_moves
         WHERE complaint_id BETWEEN ? AND ? AND json_extract(data, '$.to') IS NOT NULL AND at < ? ORDER BY complaint_id, seq`,
      )
      .raw()
      .iterate(lo, hi, before) as Iterable<[string, ComplaintStatus]>;
    for (const [id, to] of moves) last.set(id, to);
  }
  return (id) => last.get(id) ?? 'diterima';
}

/** How many of `items` fall under each key. */
function tally<T>(items: readonly T[], key: (t: T) => string | number | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of items) {
    const k = String(key(t) ?? '');
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

const isClosed = (s: ComplaintStatus) => CLOSED_STATUSES.includes(s);

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
  const list = sqlite
    .prepare(
      `SELECT c.id, c.registration_no, c.received_at, c.form, c.channel, c.reporter_name, c.anonymous, c.confidential,
              substr(coalesce(c.problem, c.content), 1, 161) AS text, c.classification, c.jenis, c.darwas,
              -- E. Penyelesaian as written at intake (a later "Dijawab langsung di loket" is not it)
              CASE WHEN EXISTS (SELECT 1 FROM complaint_events j WHERE j.complaint_id = c.id AND j.type = 'jawab_langsung') THEN NULL ELSE c.resolution END AS intake_resolution
       FROM complaints c WHERE ${IN_PERIOD} ORDER BY c.received_at, c.registration_no`,
    )
    .all(b) as {
    id: string; registration_no: string; received_at: string; form: 'A' | 'B' | 'C'; channel: Channel; reporter_name: string | null;
    anonymous: number; confidential: number; text: string; classification: 'pengaduan' | 'aspirasi' | 'permintaan_informasi' | null;
    jenis: string | null; darwas: number | null; intake_resolution: string | null;
  }[];
  const statusOf = statusesBefore(sqlite, list.map((c) => c.id), b.end);
  // Every step of the week's complaints up to the end of the week, in one query.
  const history = new Map<string, { seq: number; type: string; at: string; actor: string | null; data: Record<string, unknown>; note: string | null }[]>();
  const steps = sqlite
    .prepare(
      `SELECT e.complaint_id, e.seq, e.type, e.at, e.actor, e.data, e.note FROM complaints c JOIN complaint_events e ON e.complaint_id = c.id
       WHERE ${IN_PERIOD} AND e.at < @end ORDER BY e.complaint_id, e.seq`,
    )
    .all(b) as { complaint_id: string; seq: number; type: string; at: string; actor: string | null; data: string; note: string | null }[];
  for (const { complaint_id, data, ...e } of steps) {
    const events = history.get(complaint_id) ?? [];
    if (!events.length) history.set(complaint_id, events);
    events.push({ ...e, data: JSON.parse(data) as Record<string, unknown> });
  }
  let overdue = 0;
  const withStatus = list.map((c) => ({ ...c, status_end: statusOf(c.id) }));
  const items = withStatus.map((c) => {
    const events = history.get(c.id) ?? [];
    if (!isClosed(c.status_end)) {
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
    return {
      registrationNo: c.registration_no,
      receivedAt: c.received_at,
      form: c.form,
      channel: c.channel,
      reporter: reporterOf(c),
      summary: c.text.length > 160 ? `${c.text.slice(0, 157)}…` : c.text,
      statusAtEnd: c.status_end,
      followUp: last ? describeStep(readEvent(last)) : 'Dicatat',
    };
  });
  return {
    period,
    received: list.length,
    finished: withStatus.filter((c) => isClosed(c.status_end)).length,
    overdue,
    byJenis: rows(tally(list, (c) => c.jenis ?? UNVERIFIED), withUnverified(JENIS), (k) => (k === UNVERIFIED ? 'Belum diverifikasi' : JENIS_LABELS[k])),
    byChannel: rows(tally(list, (c) => c.channel), CHANNELS, (k) => CHANNEL_LABELS[k]),
    byForm: rows(tally(list, (c) => c.form), FORM_KINDS, (k) => `Formulir ${k}`),
    byClassification: rows(tally(list, (c) => c.classification ?? UNVERIFIED), withUnverified(CLASSIFICATIONS), (k) =>
      k === UNVERIFIED ? 'Belum diverifikasi' : CLASSIFICATION_LABELS[k],
    ),
    byStatusAtEnd: rows(tally(withStatus, (c) => c.status_end), COMPLAINT_STATUSES, (k) => STATUS_LABELS[k]),
    items,
  };
}

/**
 * The semester or quarter recap (Rekapitulasi): one GROUP BY over the period's rows, and how many of
 * them were closed at its end (their ids from the index on received_at, their statuses from one
 * scan of the moving steps).
 */
export function periodCounts(sqlite: Database.Database, period: Period, ctx: Pick<RecapContext, 'tz'>): PeriodCounts {
  const b = periodBounds(period, ctx.tz);
  const groups = sqlite.prepare(`SELECT c.channel, c.darwas, count(*) AS n FROM complaints c WHERE ${IN_PERIOD} GROUP BY 1, 2`).all(b) as { channel: Channel; darwas: number | null; n: number }[];
  const ids = sqlite.prepare(`SELECT c.id FROM complaints c WHERE ${IN_PERIOD}`).pluck().all(b) as string[];
  const statusOf = statusesBefore(sqlite, ids, b.end);
  const finished = ids.filter((id) => isClosed(statusOf(id))).length;
  const sum = (keep: (g: (typeof groups)[number]) => boolean) => groups.reduce((n, g) => n + (keep(g) ? g.n : 0), 0);
  const total = ids.length;
  const fromAgencies = sum((g) => g.channel === 'instansi_lain');
  return {
    period,
    byStatus: { finished, inProcess: total - finished, total },
    byType: { darwas: sum((g) => g.darwas === 1), nonDarwas: sum((g) => g.darwas === 0), unverified: sum((g) => g.darwas === null), total },
    bySource: {
      fromAgencies,
      direct: total - fromAgencies,
      directChannels: CHANNELS.filter((ch) => ch !== 'instansi_lain' && groups.some((g) => g.channel === ch)).map((ch) => CHANNEL_LABELS[ch]),
      total,
    },
  };
}

/** The counts and the results report (Laporan hasil): one row per complaint, in the order received. */
export function periodRecap(sqlite: Database.Database, period: Period, ctx: Pick<RecapContext, 'tz'>): PeriodRecap {
  const b = periodBounds(period, ctx.tz);
  // Arrays, not objects: 16,000 rows of a semester are read in a third less time.
  const list = sqlite
    .prepare(
      `SELECT c.id, c.registration_no, c.received_at, c.reporter_name, c.anonymous OR c.confidential, c.reported_party,
              substr(coalesce(c.problem, c.content), 1, 301), c.outcome, c.sanctions, c.category
       FROM complaints c WHERE ${IN_PERIOD} ORDER BY c.received_at, c.registration_no`,
    )
    .raw()
    .all(b) as [string, string, string, string | null, number, string | null, string, 'benar' | 'tidak_benar' | null, string, string | null][];
  const ids = list.map((r) => r[0]);
  const statusOf = statusesBefore(sqlite, ids, b.end);
  const targets = forwardedTo(sqlite, ids, b.end);
  return {
    ...periodCounts(sqlite, period, ctx),
    results: list.map(([id, registrationNo, receivedAt, reporterName, hidden, reportedParty, text, outcome, sanctions, category], i): ResultRow => {
      const statusEnd = statusOf(id);
      const closed = isClosed(statusEnd);
      const to = targets.get(id);
      const given = sanctions === '[]' ? [] : (JSON.parse(sanctions) as Sanction[]);
      return {
        no: i + 1,
        registrationNo,
        receivedDate: toLocal(receivedAt, ctx.tz).date,
        reporter: reporterOf({ reporter_name: reporterName, anonymous: hidden, confidential: hidden }),
        reportedParty: reportedParty ?? '-',
        substance: text.length > 300 ? `${text.slice(0, 297)}…` : text,
        status: !closed ? 'proses' : (outcome ?? 'selesai'),
        pp53: given.includes('pp53'),
        tpTgr: given.includes('tp_tgr'),
        pidana: given.includes('pidana'),
        lainLain: given.includes('lain_lain'),
        remarks: [category, to ? `Diteruskan kepada ${to}` : null, closed && !outcome ? STATUS_LABELS[statusEnd] : null].filter(Boolean).join('; '),
      };
    }),
  };
}

/**
 * To whom each of these complaints was last forwarded before `before` (the names, comma-separated):
 * the last `teruskan` step is found in the index of moving steps, then only those steps are read.
 */
function forwardedTo(sqlite: Database.Database, ids: readonly string[], before: string): Map<string, string> {
  const names = new Map<string, string>();
  if (!ids.length) return names;
  const wanted = new Set(ids);
  const last = new Map<string, number>();
  const [lo, hi] = idRange(ids);
  const forwards = sqlite
    .prepare(
      `SELECT complaint_id, seq FROM complaint_events INDEXED BY complaint_events_moves
       WHERE complaint_id BETWEEN ? AND ? AND json_extract(data, '$.to') IS NOT NULL AND type = 'teruskan' AND at < ? ORDER BY complaint_id, seq`,
    )
    .raw()
    .iterate(lo, hi, before) as Iterable<[string, number]>;
  for (const [id, seq] of forwards) if (wanted.has(id)) last.set(id, seq);
  if (!last.size) return names;
  const read = sqlite
    .prepare(
      `SELECT e.complaint_id, json_extract(e.data, '$.targets') FROM json_each(?) AS j
       JOIN complaint_events e ON e.complaint_id = j.value ->> 0 AND e.seq = j.value ->> 1`,
    )
    .raw()
    .iterate(JSON.stringify([...last])) as Iterable<[string, string | null]>;
  for (const [id, targets] of read) if (targets) names.set(id, (JSON.parse(targets) as { name: string }[]).map((t) => t.name).join(', '));
  return names;
}

/** SQLite modifier that moves a UTC instant to the office's wall clock. */
const localShift = (tz: TimeZone) => `'+${TIME_ZONE_INFO[tz].offsetMinutes} minutes'`;

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0);

/** Received in `p` and, of those, closed by the end of `asOf` (events up to now for a running period). */
function receivedAndFinished(sqlite: Database.Database, p: Period, asOf: Period, tz: TimeZone) {
  const ids = sqlite.prepare(`SELECT c.id FROM complaints c WHERE ${IN_PERIOD}`).pluck().all(periodBounds(p, tz)) as string[];
  const statusOf = statusesBefore(sqlite, ids, periodBounds(asOf, tz).end);
  const finished = ids.filter((id) => isClosed(statusOf(id))).length;
  return { received: ids.length, finished, finishedPercent: percent(finished, ids.length) };
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
    channels: rows(
      tally(sqlite.prepare(`SELECT c.channel FROM complaints c WHERE ${IN_PERIOD}`).pluck().all(periodBounds(period, tz)) as Channel[], (ch) => ch),
      CHANNELS,
      (k) => CHANNEL_LABELS[k],
    ),
  };
}
