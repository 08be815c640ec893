// The app's core: the database and the procedures of the API contract. Both hosts (electron/main.ts
// and server/browser-host.ts) create one and route calls to `dispatch`; nothing here knows which.
import { ApiError, type Envelope } from '../forms/api';
import { fromLocal } from '../forms/time';
import { createComplaint, findDuplicate, getComplaint, listComplaints, rowFromInput } from '../db/complaints';
import { deleteDraft, listDrafts, saveDraft } from '../db/drafts';
import { openDatabase, type OpenDatabase } from '../db/open';
import { getSettings, saveSettings } from '../db/settings';
import { AttachmentStore } from './attachment-store';
import { dispatch, type Handlers } from './dispatch';
import { log } from './log';
import { printableHtml, printFilename } from './print-html';
import { pdfPageCount, type Printer } from './printer';

export interface CoreOptions {
  dataDir: string;
  migrationsFolder: string;
  host: 'electron' | 'browser';
  version: string;
  /** The host's PDF engine; printing answers UNAVAILABLE without one. */
  printer?: Printer;
  /** Injected in tests; the wall clock otherwise. */
  now?: () => Date;
}

export interface Core {
  handlers: Handlers;
  database: OpenDatabase;
  attachments: AttachmentStore;
  dispatch(method: unknown, input: unknown): Promise<Envelope<unknown>>;
  close(): Promise<void>;
}

// A clock a few minutes fast on another PC should not block keying; more than that is a typo.
const FUTURE_TOLERANCE_MS = 10 * 60_000;

function raise(e: Error): never {
  throw e;
}

const alreadySaved = () => new ApiError({ code: 'CONFLICT', message: 'Draf ini sudah disimpan sebagai pengaduan. Buka Daftar Pengaduan untuk melihatnya.' });
const notFound = () => new ApiError({ code: 'NOT_FOUND', message: 'Pengaduan tidak ditemukan.' });

export function createCore(opts: CoreOptions): Core {
  const database = openDatabase({ dataDir: opts.dataDir, migrationsFolder: opts.migrationsFolder });
  if (!database.wal) log.warn('this folder cannot hold a write-ahead log (network share?); using journal_mode=DELETE');
  const { db } = database;
  const attachments = new AttachmentStore(opts.dataDir);
  const now = opts.now ?? (() => new Date());

  const handlers: Handlers = {
    'app.info': () => ({
      version: opts.version,
      host: opts.host,
      dataDir: opts.dataDir,
      schemaVersion: database.schemaVersion,
      canPrintDialog: !!opts.printer?.dialog,
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
      if (input.draftId && getComplaint(db, input.draftId)) throw alreadySaved();
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
        const row = createComplaint(db, input, settings, nowIso);
        return { id: row.id, registrationNo: row.registrationNo, receivedAt: row.receivedAt, createdAt: row.createdAt };
      } catch (e) {
        if (e instanceof Error && /UNIQUE constraint failed: complaints\.id/.test(e.message)) throw alreadySaved();
        throw e;
      }
    },
    'complaints.list': (input) => listComplaints(db, input, getSettings(db)),
    'complaints.get': ({ id }) => getComplaint(db, id) ?? raise(notFound()),

    'drafts.save': (input) => {
      const saved = saveDraft(db, input, now().toISOString());
      if (!saved) throw new ApiError({ code: 'CONFLICT', message: 'Draf ini sudah disimpan sebagai pengaduan.' });
      return saved;
    },
    'drafts.list': ({ form }) => listDrafts(db, form),
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

    'print.pdf': async ({ kind, id, paper }) => {
      if (!opts.printer) throw new ApiError({ code: 'UNAVAILABLE', message: 'Pencetakan PDF tidak tersedia pada host ini.' });
      const complaint = getComplaint(db, id) ?? raise(notFound());
      const pdf = await opts.printer.pdf(printableHtml(kind, complaint, getSettings(db), paper), paper);
      return { filename: printFilename(kind, complaint, paper), dataBase64: pdf.toString('base64'), pages: pdfPageCount(pdf) };
    },
    'print.dialog': async ({ kind, id, paper }) => {
      if (!opts.printer?.dialog) {
        throw new ApiError({ code: 'UNAVAILABLE', message: 'Dialog cetak hanya ada di aplikasi desktop. Di browser, buka PDF lalu cetak dari sana.' });
      }
      const complaint = getComplaint(db, id) ?? raise(notFound());
      return { printed: await opts.printer.dialog(printableHtml(kind, complaint, getSettings(db), paper), paper) };
    },

    'settings.get': () => getSettings(db),
    'settings.save': (input) => saveSettings(db, input),
  };

  return {
    handlers,
    database,
    attachments,
    dispatch: (method, input) => dispatch(handlers, method, input),
    close: async () => {
      await opts.printer?.close?.();
      database.close();
    },
  };
}
