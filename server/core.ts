// The app's core: the database and the procedures of the API contract. Both hosts (electron/main.ts
// and server/browser-host.ts) create one and route calls to `dispatch`; nothing here knows which.
import crypto from 'node:crypto';
import path from 'node:path';
import { and, count, eq, lt, sql } from 'drizzle-orm';
import { complaintExists, correctComplaint, CorrectionRefused, createComplaint, findDuplicate, getComplaint, listComplaints, rowFromInput, viewWhere } from '../db/complaints';
import { deleteDraft, draftHeldByOther, holdDraft, listDrafts, releaseAllHolds, saveDraft } from '../db/drafts';
import { applyOfficialCalendars, calendarOf, deleteHoliday, hasYear, listHolidays, upsertHolidays, yearsCovered } from '../db/holidays';
import { getMonev, saveMonev } from '../db/monev';
import type { OpenDatabase } from '../db/open';
import { getMeta, outboxItems, outboxOf, recentRuns, requeueAll, requeueRejected, setMeta } from '../db/outbox';
import { indicatorData, periodRecap, weeklyRecap } from '../db/recaps';
import { complaints } from '../db/schema';
import { getSettings, saveSettings } from '../db/settings';
import { applyTransition, CaseNotFound, recomputeOpenDeadlines, TransitionRefused, type DeadlineContext } from '../db/workflow';
import { ApiError, type Envelope } from '../forms/api';
import { parseHolidayLines } from '../forms/calendar';
import { OFFICIAL_CALENDARS } from '../forms/official-calendars';
import { DRAFT_HELD_MESSAGE } from '../forms/drafts';
import type { Period } from '../forms/periods';
import { LETTER_SOURCE_EVENT, PRINT_LABELS, stepsTaken, type PrintKind } from '../forms/print';
import { LANDSCAPE, type RecapKind } from '../forms/recap';
import { deadlineDays } from '../forms/settings';
import { normalizeUpstreamUrl, OUTBOX_STATE_LABELS } from '../forms/sync';
import { fromLocal, toLocal } from '../forms/time';
import { AttachmentStore } from './attachment-store';
import { DEFAULT_BACKUP_TUNING, BackupService, type BackupTuning } from './backup/service';
import { openDataFolder } from './data-folder';
import type { KeyStore } from './keys';
import { backupHandlers } from './procedures/backup';
import { isWorkingDay } from '../forms/working-days';
import { dispatch, type Handlers } from './dispatch';
import { nationalHolidays } from './holiday-seed';
import { log } from './log';
import { printableHtml, printFilename } from './print-html';
import { PrintFonts, withPrintFonts } from './print-fonts';
import { pdfPageCount, type Printer } from './printer';
import { monevBody, periodBody, recapPage, resultsBody, weeklyBody } from './recap-html';
import { recapWorkbook } from './recap-xlsx';
import { storageError } from './storage-errors';
import { DEFAULT_TUNING, SyncEngine, type SyncTuning } from './sync-engine';
import type { UpstreamAdapter } from './upstream-adapter';
import { fileTokenStore, TOKEN_FILE, withEnvToken, type TokenStore } from './upstream-token';
import { createV1Adapter } from './upstream-v1';

interface ExportJob {
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  filename: string | null;
  dataBase64: string | null;
  message: string | null;
}

export interface CoreOptions {
  dataDir: string;
  migrationsFolder: string;
  host: 'electron' | 'browser';
  version: string;
  /** The host's PDF engine; printing answers UNAVAILABLE without one. */
  printer?: Printer;
  /** Where the bundled print fonts resolve from: the app's root (the folder holding db/migrations) by default. */
  fontsFrom?: string;
  /** Injected in tests; the wall clock otherwise. */
  now?: () => Date;
  /** The upstream token's home; a file beside the database (or LOKET_UPSTREAM_TOKEN) by default. */
  tokenStore?: TokenStore;
  /** `--upstream-url`: written to the sync settings at start (deployments without the UI). */
  upstreamUrl?: string;
  /** Backoff, poll interval and timeouts of the sync engine (tests shorten them). */
  sync?: Partial<SyncTuning>;
  /**
   * Where the data folder's secret lives (server/keys.ts): safeStorage on the desktop; a key file
   * outside the data folder (or LOKET_DATA_KEY) by default. `'plaintext'` leaves the database and
   * attachments unencrypted: only the bench's baseline uses it.
   */
  keyStore?: KeyStore | 'plaintext';
  /** How often the backup schedule is looked at (tests shorten it). */
  backup?: Partial<BackupTuning>;
  /** Called when a restore made in the app is ready: the host reopens the core (server/reopenable-core.ts). */
  onRestoreReady?: () => void;
}

export interface Core {
  handlers: Handlers;
  database: OpenDatabase;
  attachments: AttachmentStore;
  sync: SyncEngine;
  backups: BackupService;
  dispatch(method: unknown, input: unknown): Promise<Envelope<unknown>>;
  /** Stops the engines and closes the database, backing up first when the last good backup is older than a day. */
  close(): Promise<void>;
}

// A clock a few minutes fast on another PC should not block keying; more than that is a typo.
const FUTURE_TOLERANCE_MS = 10 * 60_000;

function raise(e: Error): never {
  throw e;
}

const alreadySaved = () => new ApiError({ code: 'CONFLICT', message: 'Draf ini sudah disimpan sebagai pengaduan. Buka Daftar Pengaduan untuk melihatnya.' });
const notFound = () => new ApiError({ code: 'NOT_FOUND', message: 'Pengaduan tidak ditemukan.' });

/** Opens the data folder and serves the API; a disk or database failure at start is told in Indonesian. */
export function createCore(opts: CoreOptions): Core {
  try {
    return startCore(opts);
  } catch (e) {
    throw storageError(e, opts.dataDir, 'start') ?? e;
  }
}

function startCore(opts: CoreOptions): Core {
  const folder = openDataFolder(opts);
  const { database, attachments, keys } = folder;
  if (!database.wal) log.warn('this folder cannot hold a write-ahead log (network share?); using journal_mode=DELETE');
  const { db } = database;
  const now = opts.now ?? (() => new Date());
  const printer = opts.printer && withPrintFonts(opts.printer, new PrintFonts(opts.fontsFrom ?? path.resolve(opts.migrationsFolder, '..', '..')));

  const deadlineContext = (): DeadlineContext => {
    const s = getSettings(db);
    return { calendar: calendarOf(db), tz: s.timeZone, days: deadlineDays(s) };
  };
  const detail = (id: string) => {
    const c = getComplaint(db, id, deadlineContext(), now().toISOString()) ?? raise(notFound());
    const o = outboxOf(db, id);
    const sync = o
      ? {
          state: o.state,
          version: o.version,
          sentVersion: o.sentVersion,
          trackingId: o.trackingId,
          sentAt: o.sentAt,
          fieldErrors: o.fieldErrors,
          lastError: o.lastError,
          upstreamStatus: o.upstreamStatus,
          upstreamStatusAt: o.upstreamStatusAt,
          officeChangedLater: !!o.upstreamStatusAt && c.updatedAt > o.upstreamStatusAt,
        }
      : null;
    return { ...c, sync };
  };

  /**
   * The decreed years ship as data (brought in when new or amended; returns whether any changed);
   * this year and next come from date-holidays (provisional) when neither a decree nor the office
   * has them.
   */
  const seedCalendar = (): boolean => {
    const changed = applyOfficialCalendars(db, OFFICIAL_CALENDARS, now().toISOString()).length > 0;
    const year = Number(toLocal(now(), getSettings(db).timeZone).date.slice(0, 4));
    for (const y of [year, year + 1]) {
      if (!hasYear(db, y)) upsertHolidays(db, nationalHolidays(y), 'date-holidays', now().toISOString());
    }
    return changed;
  };
  const calendarView = () => {
    const years = yearsCovered(db);
    const year = Number(toLocal(now(), getSettings(db).timeZone).date.slice(0, 4));
    const dueYears = db
      .select({ y: sql<number>`DISTINCT cast(substr(${complaints.nextDueAt}, 1, 4) as integer)` })
      .from(complaints)
      .where(sql`${complaints.nextDueAt} IS NOT NULL`)
      .all()
      .map((r) => r.y);
    const needed = [...new Set([year, year + 1, ...dueYears])].sort();
    return { holidays: listHolidays(db), years, missingYears: needed.filter((y) => !years.some((c) => c.year === y)) };
  };
  const localToday = () => toLocal(now(), getSettings(db).timeZone).date;
  /** A letter needs the step it reports on (no forwarding letter before the case was forwarded). */
  const printable = (kind: PrintKind, id: string) => {
    const c = detail(id);
    if (kind !== 'receipt' && kind !== 'form' && !stepsTaken(c.events).some((t) => LETTER_SOURCE_EVENT[kind].includes(t))) {
      throw new ApiError({ code: 'CONFLICT', message: `${PRINT_LABELS[kind]} belum dapat dicetak: langkah penanganannya belum dicatat.` });
    }
    return c;
  };
  const recapData = (kind: RecapKind, period: Period) => {
    if (kind === 'mingguan') return { weekly: weeklyRecap(database.sqlite, period, deadlineContext(), now().toISOString()) };
    if (kind === 'monev') {
      const month = Number(period.from.slice(5, 7));
      return { monev: getMonev(db, Number(period.from.slice(0, 4)), (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4) };
    }
    return { period: periodRecap(database.sqlite, period, { tz: getSettings(db).timeZone }) };
  };
  const recapBody = (kind: RecapKind, period: Period) => {
    const d = recapData(kind, period);
    if (d.weekly) return weeklyBody(d.weekly, getSettings(db).timeZone);
    if (d.monev) return monevBody(d.monev);
    return kind === 'laporan_hasil' ? resultsBody(d.period!) : periodBody(d.period!);
  };
  const exportJobs = new Map<string, ExportJob>();
  /** Deadlines move when the calendar or the day counts change. */
  const afterCalendarChange = () => recomputeOpenDeadlines(db, deadlineContext(), now().toISOString());

  const officialChanged = seedCalendar();
  releaseAllHolds(db);
  // New official dates move every open deadline; otherwise only rows without one need it.
  recomputeOpenDeadlines(db, deadlineContext(), now().toISOString(), !officialChanged);

  // ---- sync ----
  const tokens = opts.tokenStore ?? withEnvToken(fileTokenStore(path.join(opts.dataDir, TOKEN_FILE)));
  if (opts.upstreamUrl !== undefined) changeUpstreamUrl(opts.upstreamUrl);
  let cachedAdapter: { key: string; adapter: UpstreamAdapter } | null = null;
  const tuning: SyncTuning = { ...DEFAULT_TUNING, ...opts.sync };
  const sync: SyncEngine = new SyncEngine({
    database,
    attachments,
    now,
    tuning,
    timeZone: () => getSettings(db).timeZone,
    source: () => ({ office_id: getMeta(db, 'officeId') || getSettings(db).officeName, app: 'loket-aduan', app_version: opts.version }),
    adapter: () => {
      const url = getMeta(db, 'url');
      const token = tokens.read();
      if (!url || !token) return null;
      const key = `${url}\n${token}`;
      if (cachedAdapter?.key !== key) {
        cachedAdapter = { key, adapter: createV1Adapter({ baseUrl: url, token, timeoutMs: tuning.requestTimeoutMs, now, onServerDate: (d) => sync.noteServerDate(d) }) };
      }
      return cachedAdapter.adapter;
    },
  });
  /** A different upstream needs every complaint again; the same one answers `duplicate`. */
  function changeUpstreamUrl(url: string) {
    const clean = normalizeUpstreamUrl(url);
    const before = getMeta(db, 'url') ?? '';
    if (clean === before) return;
    setMeta(db, 'url', clean || null);
    if (before && clean) requeueAll(db);
  }
  const backups = new BackupService({
    source: { databaseFile: database.file, databaseKey: keys?.database ?? null, attachments, dataDir: opts.dataDir, appVersion: opts.version },
    db,
    keys,
    migrationsFolder: opts.migrationsFolder,
    now,
    timeZone: () => getSettings(db).timeZone,
    isWorkingDay: (date) => isWorkingDay(date, calendarOf(db)),
    tuning: { ...DEFAULT_BACKUP_TUNING, ...opts.backup },
    carry: folder.carry,
  });
  const syncSettingsView = () => ({ url: getMeta(db, 'url') ?? '', officeId: getMeta(db, 'officeId') ?? '', tokenSet: !!tokens.read(), tokenSource: tokens.source, tokenEditable: tokens.editable });

  const handlers: Handlers = {
    'app.info': () => ({
      version: opts.version,
      host: opts.host,
      dataDir: opts.dataDir,
      schemaVersion: database.schemaVersion,
      canPrintDialog: !!printer?.dialog,
    }),

    'complaints.create': (input) => {
      const settings = getSettings(db);
      const at = now();
      const receivedAt = fromLocal({ date: input.receivedDate, time: input.receivedTime }, settings.timeZone);
      if (new Date(receivedAt).getTime() > at.getTime() + FUTURE_TOLERANCE_MS) {
        throw new ApiError({
          code: 'INVALID_INPUT',
          message: 'Waktu pengaduan tidak boleh di masa depan.',
          fields: { receivedDate: `Waktu pengaduan tidak boleh di masa depan (menurut jam kantor, ${settings.timeZone}).` },
        });
      }
      const missing = input.attachments.find((a) => !attachments.has(a.sha256));
      if (missing) throw new ApiError({ code: 'INVALID_INPUT', message: `Lampiran ${missing.filename} tidak ada di folder data; unggah ulang.`, fields: { attachments: 'Unggah ulang lampiran.' } });
      // The draft id is the complaint id: a second save of the same draft (two tabs, a double
      // click that raced) must not make a second complaint.
      if (input.draftId && complaintExists(db, input.draftId)) throw alreadySaved();
      if (input.draftId && draftHeldByOther(db, input.draftId, input.draftHolder ?? null, at.toISOString())) throw new ApiError({ code: 'CONFLICT', message: DRAFT_HELD_MESSAGE });
      const nowIso = at.toISOString();
      const duplicate = findDuplicate(db, rowFromInput(input, settings, nowIso), nowIso);
      if (duplicate && input.confirmDuplicateOf !== duplicate.registrationNo) {
        throw new ApiError({
          code: 'DUPLICATE',
          message: `Pengaduan ini mirip dengan ${duplicate.registrationNo}. Periksa dulu; bila memang berbeda, simpan tetap.`,
          duplicateOf: duplicate,
        });
      }
      try {
        const row = createComplaint(db, input, settings, deadlineContext(), nowIso);
        sync.kick();
        return { id: row.id, registrationNo: row.registrationNo, receivedAt: row.receivedAt, createdAt: row.createdAt };
      } catch (e) {
        if (e instanceof Error && /UNIQUE constraint failed: complaints\.id/.test(e.message)) throw alreadySaved();
        throw e;
      }
    },
    'complaints.list': (input) => listComplaints(db, input, getSettings(db), now().toISOString()),
    'complaints.get': ({ id }) => detail(id),
    'complaints.transition': ({ id, action, input, actor }) => {
      try {
        applyTransition(db, id, action, input as never, actor, deadlineContext(), now().toISOString());
      } catch (e) {
        if (e instanceof TransitionRefused) throw new ApiError({ code: 'CONFLICT', message: e.message });
        if (e instanceof CaseNotFound) throw notFound();
        throw e;
      }
      sync.kick();
      return detail(id);
    },
    'complaints.correct': (input) => {
      try {
        correctComplaint(db, input, now().toISOString());
      } catch (e) {
        if (e instanceof CorrectionRefused) {
          throw new ApiError({ code: e.field ? 'INVALID_INPUT' : 'CONFLICT', message: e.message, ...(e.field ? { fields: { [e.field]: e.message } } : {}) });
        }
        throw e;
      }
      sync.kick();
      return detail(input.id);
    },
    'workviews.counts': () => {
      const settings = getSettings(db);
      const at = now().toISOString();
      const n = (where: ReturnType<typeof viewWhere>) => db.select({ n: count() }).from(complaints).where(where).get()?.n ?? 0;
      return {
        jatuh_tempo_hari_ini: n(viewWhere('jatuh_tempo_hari_ini', settings, at)),
        terlambat: n(viewWhere('terlambat', settings, at)),
        menunggu_kelengkapan: n(viewWhere('menunggu_kelengkapan', settings, at)),
        perlu_verifikasi: n(viewWhere('perlu_verifikasi', settings, at)),
        usulan_arsip: n(and(eq(complaints.status, 'menunggu_kelengkapan'), eq(complaints.nextDueKind, 'kelengkapan'), lt(complaints.nextDueAt, at))!),
      };
    },
    'calendar.get': () => calendarView(),
    'calendar.save': (input) => {
      upsertHolidays(db, [input], 'admin', now().toISOString());
      afterCalendarChange();
      return calendarView();
    },
    'calendar.delete': ({ date }) => {
      if (!deleteHoliday(db, date)) throw new ApiError({ code: 'NOT_FOUND', message: `Tanggal ${date} tidak ada di kalender.` });
      afterCalendarChange();
      return calendarView();
    },
    'calendar.import': ({ text }) => {
      const { rows, errors } = parseHolidayLines(text);
      if (errors.length) throw new ApiError({ code: 'INVALID_INPUT', message: `Impor dibatalkan: ${errors.length} baris tidak dapat dibaca.`, fields: { text: errors.slice(0, 10).join(' · ') } });
      upsertHolidays(db, rows, 'impor', now().toISOString());
      afterCalendarChange();
      return { imported: rows.length, errors, calendar: calendarView() };
    },

    'drafts.save': (input) => {
      const saved = saveDraft(db, input, now().toISOString());
      if (saved === 'saved') throw new ApiError({ code: 'CONFLICT', message: 'Draf ini sudah disimpan sebagai pengaduan.' });
      if (saved === 'held') throw new ApiError({ code: 'CONFLICT', message: DRAFT_HELD_MESSAGE });
      return saved;
    },
    'drafts.list': ({ form, holder }) => listDrafts(db, form, holder, now().toISOString()),
    'drafts.hold': ({ id, holder, takeOverFrom }) => ({ held: holdDraft(db, id, holder, now().toISOString(), takeOverFrom) }),
    'drafts.discard': ({ id }) => ({ discarded: deleteDraft(db, id) }),

    'attachments.upload': ({ filename, contentType, dataBase64 }) => {
      const maxBytes = getSettings(db).attachmentMaxMb * 1024 * 1024;
      return attachments.put(filename, contentType, Buffer.from(dataBase64, 'base64'), maxBytes);
    },
    'attachments.get': ({ sha256 }) => {
      const row = database.sqlite.prepare('SELECT content_type FROM complaint_attachments WHERE sha256 = ? LIMIT 1').get(sha256) as { content_type: string } | undefined;
      const bytes = attachments.read(sha256);
      return { contentType: row?.content_type ?? 'application/octet-stream', dataBase64: bytes.toString('base64') };
    },

    'print.pdf': async ({ kind, id, paper, letterNo, letterDate }) => {
      if (!printer) throw new ApiError({ code: 'UNAVAILABLE', message: 'Pencetakan PDF tidak tersedia pada host ini.' });
      const complaint = printable(kind, id);
      const pdf = await printer.pdf(printableHtml(kind, complaint, getSettings(db), paper, { letterNo, letterDate }, localToday()), paper);
      return { filename: printFilename(kind, complaint, paper), dataBase64: pdf.toString('base64'), pages: pdfPageCount(pdf) };
    },
    'print.dialog': async ({ kind, id, paper, letterNo, letterDate }) => {
      if (!printer?.dialog) {
        throw new ApiError({ code: 'UNAVAILABLE', message: 'Dialog cetak hanya ada di aplikasi desktop. Di browser, buka PDF lalu cetak dari sana.' });
      }
      const complaint = printable(kind, id);
      return { printed: await printer.dialog(printableHtml(kind, complaint, getSettings(db), paper, { letterNo, letterDate }, localToday()), paper) };
    },

    'recap.weekly': (period) => weeklyRecap(database.sqlite, period, deadlineContext(), now().toISOString()),
    'recap.period': (period) => periodRecap(database.sqlite, period, { tz: getSettings(db).timeZone }),
    'recap.indicators': (period) => {
      const s = getSettings(db);
      return indicatorData(database.sqlite, { tz: s.timeZone, period, targetReceived: s.targetReceived, targetFinishedPercent: s.targetFinishedPercent });
    },
    'recap.pdf': async ({ kind, period, paper }) => {
      if (!printer) throw new ApiError({ code: 'UNAVAILABLE', message: 'Pencetakan PDF tidak tersedia pada host ini.' });
      const settings = getSettings(db);
      const html = recapPage(kind, settings, period, recapBody(kind, period), localToday());
      const pdf = await printer.pdf(html, paper, LANDSCAPE[kind]);
      return { filename: `${kind.replace('_', '-')}-${period.from}-${period.to}-${paper}.pdf`, dataBase64: pdf.toString('base64'), pages: pdfPageCount(pdf) };
    },
    'recap.export.start': ({ kind, period, paper }) => {
      const jobId = crypto.randomUUID();
      const job: ExportJob = { state: 'running', done: 0, total: 0, filename: null, dataBase64: null, message: null };
      exportJobs.set(jobId, job);
      const settings = getSettings(db);
      const data = recapData(kind, period);
      recapWorkbook(kind, data, { settings, period, paper, today: localToday() }, (done, total) => Object.assign(job, { done, total })).then(
        (buf) => Object.assign(job, { state: 'done', filename: `${kind.replace('_', '-')}-${period.from}-${period.to}.xlsx`, dataBase64: buf.toString('base64') }),
        (e: unknown) => {
          log.error('export failed', e);
          Object.assign(job, { state: 'failed', message: 'Ekspor gagal. Coba lagi.' });
        },
      );
      return { jobId };
    },
    'recap.export.status': ({ jobId }) => {
      const job = exportJobs.get(jobId) ?? raise(new ApiError({ code: 'NOT_FOUND', message: 'Ekspor tidak ditemukan (aplikasi dimulai ulang?).' }));
      // A finished file is handed over once and then forgotten, so big exports do not pile up.
      if (job.state !== 'running') exportJobs.delete(jobId);
      return { ...job };
    },
    'monev.get': ({ year, quarter }) => getMonev(db, year, quarter),
    'monev.save': (input) => saveMonev(db, input, now().toISOString()),
    'sync.status': () => sync.status(),
    'sync.overview': () => ({
      status: sync.status(),
      queue: outboxItems(db, ['queued', 'sending'], 200),
      rejected: outboxItems(db, ['rejected'], 500),
      runs: recentRuns(db, 50).map(({ id: _id, ...r }) => r),
    }),
    'sync.run': () => {
      if (!sync.status().configured) throw new ApiError({ code: 'UNAVAILABLE', message: 'Sinkronisasi belum diatur: isi alamat upstream dan token di Pengaturan.' });
      void sync.runNow();
      return sync.status();
    },
    'sync.requeue': ({ ids }) => {
      const done = requeueRejected(db, ids);
      if ('missing' in done) throw notFound();
      if ('notRejected' in done) {
        throw new ApiError({ code: 'CONFLICT', message: `${done.notRejected.registrationNo} tidak sedang ditolak upstream (${OUTBOX_STATE_LABELS[done.notRejected.state].toLowerCase()}); tidak ada yang dikirim ulang.` });
      }
      void sync.runNow();
      return done;
    },
    'sync.settings.get': () => syncSettingsView(),
    'sync.settings.save': ({ url, officeId, token }) => {
      if (token != null && !tokens.editable) {
        throw new ApiError({ code: 'INVALID_INPUT', message: 'Token diatur lewat variabel lingkungan LOKET_UPSTREAM_TOKEN.', fields: { token: 'Token diatur lewat variabel lingkungan LOKET_UPSTREAM_TOKEN; ubah di sana.' } });
      }
      changeUpstreamUrl(url);
      setMeta(db, 'officeId', officeId || null);
      if (token != null) {
        try {
          tokens.write(token.trim() || null);
        } catch {
          throw new ApiError({ code: 'UNAVAILABLE', message: 'Token tidak dapat disimpan dengan aman di komputer ini; atur LOKET_UPSTREAM_TOKEN.', fields: { token: 'Penyimpanan aman tidak tersedia; atur LOKET_UPSTREAM_TOKEN.' } });
        }
      }
      void sync.runNow();
      return syncSettingsView();
    },
    'settings.get': () => getSettings(db),
    'settings.save': (input) => {
      const saved = saveSettings(db, input);
      afterCalendarChange();
      return saved;
    },
    ...backupHandlers({ service: backups, keyWhere: folder.keyWhere, onRestoreReady: opts.onRestoreReady }),
  };

  sync.start();
  backups.start();

  return {
    handlers,
    database,
    attachments,
    sync,
    backups,
    dispatch: (method, input) => dispatch(handlers, method, input, { dataDir: opts.dataDir }),
    close: async () => {
      if (!database.sqlite.open) return;
      await backups.stop({ exitBackup: true });
      await sync.stop();
      await printer?.close?.();
      folder.close();
    },
  };
}
