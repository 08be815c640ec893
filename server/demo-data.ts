// Realistic, deterministic demo data of a regency front office: the complaints (names, places and
// texts; payloads the same shape the forms send), used by `--demo` and by the bench, and `fillDemo`,
// which saves them and hands each case on through the real transition path with a clock that moves
// through the office's working days, so the history, the deadlines and the work views agree: most
// cases handled in time, the recent ones still open, a few late.
import { createComplaint } from '../db/complaints';
import type { OpenDatabase } from '../db/open';
import { getSettings } from '../db/settings';
import { applyTransition, deadlineContextOf, type DeadlineContext } from '../db/workflow';
import { complaintInput, type ComplaintInput } from '../forms/complaint';
import { mulberry32 } from '../forms/random';
import { fromLocal, toLocal, type TimeZone } from '../forms/time';
import { FORM_C_CHANNELS, JENIS, type Classification, type ComplaintStatus } from '../forms/vocabulary';
import { addDays, addWorkingDays, endOfLocalDay, weekday } from '../forms/working-days';
import { transitionInput, type Action } from '../forms/workflow';
import { log } from './log';

export { mulberry32 };

const FIRST = ['Andi', 'Budi', 'Citra', 'Dewi', 'Eko', 'Fitri', 'Gede', 'Hasanuddin', 'Indah', 'Joko', 'Kadek', 'La Ode', 'Wa Ode', 'Made', 'Nurul', 'Putu', 'Rahmat', 'Siti', 'Taufik', 'Yohanes', 'Agus', 'Ratna', 'Muhammad', 'Sri', 'Yusuf', 'Maria', 'Ahmad', 'Ketut', 'Rini', 'Hendra'];
const LAST = ['Saputra', 'Wulandari', 'Hidayat', 'Lestari', 'Prasetyo', 'Rahmawati', 'Siregar', 'Nasution', 'Sulaiman', 'Pratama', 'Kurniawan', 'Handayani', 'Tamrin', 'Sembiring', 'Manurung', 'Baso', 'Harahap', 'Yunus', 'Latif', 'Wijaya'];
const PLACES = ['Buranga', 'Ereke', 'Kulisusu', 'Wakorumba Utara', 'Bonegunu', 'Kambowa', 'Kulisusu Barat', 'Kulisusu Utara', 'Lakansai', 'Bone Lipu', 'Lemo', 'Waode Buri'];
const STREETS = ['Jl. Poros Ereke', 'Jl. Pendidikan', 'Jl. Merdeka', 'Jl. Ahmad Yani', 'Jl. Sultan Hasanuddin', 'Jl. Pelabuhan', 'Jl. Kartini', 'Jl. Diponegoro'];
const INSTITUTIONS = ['CV Sinar Buton', 'Koperasi Nelayan Lakansai', 'UD Maju Jaya', 'Kelompok Tani Sejahtera', 'PT Karya Kulisusu', 'BUMDes Bonegunu', null, null, null];
const PROBLEMS: [string, string][] = [
  ['Izin usaha belum terbit melewati SOP', 'Permohonan izin usaha mikro yang saya ajukan bulan lalu belum juga terbit, padahal menurut standar pelayanan seharusnya selesai dalam 5 hari kerja. Mohon kejelasan.'],
  ['Petugas loket tidak ramah', 'Saat mengurus berkas di loket, petugas berbicara dengan nada tinggi dan tidak menjelaskan persyaratan dengan baik.'],
  ['Informasi persyaratan berbeda-beda', 'Persyaratan yang disampaikan petugas berbeda dengan yang tercantum di website, sehingga saya harus bolak-balik melengkapi berkas.'],
  ['Aplikasi perizinan daring tidak bisa diakses', 'Sejak tiga hari terakhir sistem perizinan daring selalu gagal saat unggah dokumen. Mohon diperbaiki.'],
  ['Dugaan pungutan di luar ketentuan', 'Ada oknum yang meminta biaya tambahan agar berkas cepat diproses, padahal layanan ini gratis.'],
  ['Jalan desa rusak belum diperbaiki', 'Jalan penghubung antar desa rusak berat dan sulit dilalui saat hujan. Mohon ditindaklanjuti oleh dinas terkait.'],
  ['Antrean pelayanan terlalu lama', 'Saya menunggu lebih dari tiga jam untuk dilayani karena hanya satu loket yang buka.'],
  ['Permintaan informasi jadwal pelayanan', 'Mohon informasi jam pelayanan hari Jumat dan apakah pelayanan buka pada hari Sabtu.'],
  ['Saran penambahan kursi ruang tunggu', 'Ruang tunggu terlalu sempit dan kursi tidak cukup, terutama untuk lansia dan ibu hamil.'],
  ['Sertifikat tanah belum diserahkan', 'Sertifikat hasil program pendaftaran tanah sudah selesai sejak lama tetapi belum diserahkan kepada warga.'],
];

export interface DemoOptions {
  count: number;
  seed?: number;
  /** Complaints are spread over this many days before `now`. */
  days?: number;
  now?: Date;
  timeZone: TimeZone;
}

const OFFICERS = ['Rina Marlina', 'Arif Budiman', 'Wa Ode Nur'];

const minutes = (iso: string, n: number) => new Date(new Date(iso).getTime() + n * 60_000).toISOString();
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export function* demoComplaints(opts: DemoOptions): Generator<ComplaintInput> {
  const rnd = mulberry32(opts.seed ?? 2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const now = (opts.now ?? new Date()).toISOString();
  const today = toLocal(now, opts.timeZone).date;
  /**
   * When it was received: walk-ins and box slips during counter hours on a weekday (08.00–15.30),
   * phone, letters and electronic channels at any hour; never later than a minute ago.
   */
  const receivedAt = (counter: boolean) => {
    for (;;) {
      let date = addDays(today, -Math.floor(rnd() * (opts.days ?? 180)));
      if (counter && weekday(date) === 6) date = addDays(date, -1);
      if (counter && weekday(date) === 0) date = addDays(date, -2);
      const time = hhmm(counter ? 8 * 60 + Math.floor(rnd() * 450) : Math.floor(rnd() * 1440));
      if (fromLocal({ date, time }, opts.timeZone) < minutes(now, -1)) return { date, time };
    }
  };
  for (let i = 0; i < opts.count; i++) {
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const address = `${pick(STREETS)} No. ${1 + Math.floor(rnd() * 120)}, ${pick(PLACES)}`;
    const phone = `08${1 + Math.floor(rnd() * 5)}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`;
    const [problem, content] = pick(PROBLEMS);
    const confidential = rnd() < 0.08;
    const r = rnd();
    const { date, time } = receivedAt(r < 0.75);
    if (r < 0.45) {
      yield {
        form: 'A', reporterName: name, reporterInstitution: pick(INSTITUTIONS), reporterAddress: address,
        receivedDate: date, receivedTime: time, problem, content,
        resolution: rnd() < 0.3 ? 'Dijelaskan langsung kepada pelapor di loket.' : null,
        confidential, officer: pick(OFFICERS),
      };
    } else if (r < 0.75) {
      const anonymous = rnd() < 0.35;
      yield {
        form: 'B', content: `${problem}. ${content}`,
        reporterName: anonymous ? null : name, reporterAddress: anonymous ? null : address,
        reporterGender: anonymous ? null : pick(['L', 'P'] as const), reporterPhone: anonymous || rnd() < 0.4 ? null : phone,
        reporterEmail: null, slipDate: date, receivedDate: date, receivedTime: time, anonymous, confidential,
      };
    } else {
      yield {
        form: 'C', reporterName: name, reporterInstitution: pick(INSTITUTIONS), reporterAddress: address,
        reporterPhone: phone, receivedDate: date, receivedTime: time, channel: pick(FORM_C_CHANNELS),
        content: `${problem}. ${content}`, confidential,
      };
    }
  }
}

export interface DemoStep {
  at: string;
  action: Action;
  input: Record<string, unknown>;
  actor: string;
}

/** Shares of the office's habits; LATE is the chance that one duty is done after its deadline. */
const LATE = 0.04;
const STALLED = 0.03;

/**
 * How the office hands one saved case on: each step on a working day during office hours, in time
 * for its deadline (verification within the verification days, an answer within the information
 * days, a finish within 14 or 60), except for the occasional late duty or stalled case. Steps after
 * `now` are left out, so the recent cases stay open.
 */
export function demoSteps(
  c: { form: 'A' | 'B' | 'C'; channel: string; status: ComplaintStatus; createdAt: string },
  ctx: DeadlineContext,
  categories: readonly string[],
  now: string,
  rnd: () => number,
): DemoStep[] {
  const { tz, calendar: cal, days } = ctx;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const actor = pick(OFFICERS);
  const steps: DemoStep[] = [];
  let last = c.createdAt;
  /** During office hours on the n-th working day after the last step. */
  const workday = (n: number) => fromLocal({ date: addWorkingDays(toLocal(last, tz).date, n, cal), time: hhmm(between(8 * 60, 15 * 60)) }, tz);
  const step = (at: string, action: Action, input: Record<string, unknown>) => {
    last = at > last ? at : minutes(last, between(5, 60));
    steps.push({ at: last, action, input, actor: action === 'selesaikan' || action === 'teruskan' ? 'Ketua Tim' : actor });
  };
  const onTime = (within: number, soonest = 1) => (rnd() < LATE ? between(within + 1, within + 4) : between(Math.min(soonest, within), within));
  const finish = (darwas: boolean) => {
    const outcome = rnd() < 0.55 ? 'benar' : 'tidak_benar';
    return { outcome, sanctions: outcome === 'benar' && darwas ? ['pp53'] : [], note: outcome === 'benar' ? 'Pengaduan terbukti; pelayanan diperbaiki.' : 'Pengaduan tidak terbukti setelah klarifikasi.' };
  };
  /** The reporter's verdict, sometimes; "tidak puas" sends the case back to the team, who finish it again. */
  const satisfaction = (at: string, resolveDays: number, chance = 0.4) => {
    if (rnd() >= chance) return;
    const satisfied = rnd() < 0.92;
    step(at, 'kepuasan', { satisfied, note: satisfied ? null : 'Pelapor belum puas dengan jawaban.' });
    if (!satisfied) step(workday(onTime(resolveDays - 1)), 'selesaikan', finish(false));
  };

  if (c.status === 'dijawab_langsung') {
    // Answered at the counter (E. Penyelesaian); the reporter often says so on the spot.
    satisfaction(minutes(c.createdAt, between(2, 20)), days.nonDarwasDays, 0.5);
    return steps.filter((s) => s.at <= now);
  }
  // The first look: walk-ins the same day, email within 24 hours, the rest within the verification days.
  const first =
    c.form === 'A' && rnd() >= LATE
      ? [minutes(c.createdAt, between(20, 90)), endOfLocalDay(toLocal(c.createdAt, tz).date, tz)].sort()[0]!
      : c.channel === 'surel' && rnd() >= LATE
        ? minutes(c.createdAt, between(60, 20 * 60))
        : workday(onTime(days.verifyDays - 1, 0));
  if (rnd() < STALLED) return [];
  const classification: Classification = pick(['pengaduan', 'pengaduan', 'pengaduan', 'pengaduan', 'pengaduan', 'pengaduan', 'aspirasi', 'permintaan_informasi']);
  const darwas = classification === 'pengaduan' && rnd() < 0.2;
  const verify = { classification, jenis: pick(JENIS), darwas, category: darwas ? '01 Penyalahgunaan wewenang' : pick(categories), reportedParty: rnd() < 0.3 ? 'Petugas loket perizinan' : null, note: null };
  if (rnd() < 0.12) {
    step(first, 'minta_kelengkapan', { note: 'Mohon lengkapi fotokopi KTP dan bukti permohonan.' });
    if (rnd() < 0.25) {
      // No answer from the reporter: proposed for archiving after the completeness days, archived.
      step(workday(days.completenessDays + between(1, 2)), 'arsipkan', { note: 'Kelengkapan tidak diterima dalam batas waktu.' });
      return steps.filter((s) => s.at <= now);
    }
    step(workday(between(1, days.completenessDays - 2)), 'verifikasi', verify);
  } else {
    step(first, 'verifikasi', verify);
  }
  if (classification !== 'pengaduan') {
    step(workday(onTime(days.infoDays - 1)), 'jawab', { answer: 'Terima kasih; informasi dan tanggapan telah disampaikan kepada pelapor.', note: null });
    satisfaction(workday(between(0, 3)), days.infoDays);
  } else {
    const limit = darwas ? days.darwasDays : days.nonDarwasDays;
    const verifiedAt = last;
    step(workday(between(1, 2)), 'teruskan', { targets: [darwas ? { kind: 'apip', name: 'Inspektorat Kabupaten', copy: false } : { kind: 'unit', name: 'Bidang Perizinan', copy: false }], letterNo: null, note: null });
    if (rnd() < STALLED) return steps.filter((s) => s.at <= now);
    if (rnd() < 0.5) step(workday(between(1, Math.max(1, Math.floor(limit / 3)))), 'tindak_lanjut', { note: 'Unit terkait memanggil pihak terkait untuk klarifikasi.' });
    // The finish counts from verification.
    const finishDay = onTime(limit - 2, Math.ceil(limit / 3));
    const finishAt = fromLocal({ date: addWorkingDays(toLocal(verifiedAt, tz).date, finishDay, cal), time: hhmm(between(8 * 60, 15 * 60)) }, tz);
    step(finishAt, 'selesaikan', finish(darwas));
    satisfaction(workday(between(0, 3)), limit);
  }
  return steps.filter((s) => s.at <= now);
}

/**
 * Fills an empty database with `count` demo cases received over the last 180 days before `now`,
 * each saved (keyed a few minutes after receipt, in the order received) and handled through
 * createComplaint and applyTransition, the same code the API runs, at the time each step happened.
 */
export function fillDemo(core: { database: OpenDatabase }, count: number, now = new Date()): number {
  const { db, sqlite } = core.database;
  const existing = sqlite.prepare('SELECT count(*) FROM complaints').pluck().get() as number;
  if (existing > 0) {
    log.info(`demo: database already holds ${existing} complaints; nothing added`);
    return 0;
  }
  const settings = getSettings(db);
  const ctx = deadlineContextOf(db);
  const nowIso = now.toISOString();
  const rnd = mulberry32(2027);
  const received = (i: ComplaintInput) => fromLocal({ date: i.receivedDate, time: i.receivedTime }, settings.timeZone);
  const inputs = [...demoComplaints({ count, timeZone: settings.timeZone, now })].sort((a, b) => received(a).localeCompare(received(b)));
  sqlite.transaction(() => {
    for (const input of inputs) {
      const keyedAt = [minutes(received(input), 2 + Math.floor(rnd() * 20)), nowIso].sort()[0]!;
      const row = createComplaint(db, complaintInput.parse(input), settings, ctx, keyedAt);
      for (const s of demoSteps(row, ctx, settings.categories, nowIso, rnd)) {
        applyTransition(db, transitionInput.parse({ id: row.id, action: s.action, input: s.input, actor: s.actor }), ctx, s.at);
      }
    }
  })();
  log.info(`demo: ${inputs.length} complaints saved and handled`);
  return inputs.length;
}
