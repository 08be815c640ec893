// recap.* and monev.*: the supervisor's recaps on screen, as PDF and as XLSX (docs/recaps.md): the
// weekly recap, the semester or quarter recap, the results report, monitoring & evaluation and the
// yearly indicators. The counts come from db/recaps.ts through server/recap-data.ts;
// server/recap-html.ts and recap-xlsx.ts lay them out. XLSX exports are made in the background
// worker (server/background/).
import crypto from 'node:crypto';
import { getMonev, saveMonev } from '../../db/monev';
import { ApiError, type Method, type OutputOf } from '../../forms/api';
import type { Period } from '../../forms/periods';
import { recapFilename } from '../../forms/print';
import { LANDSCAPE, RECAPS, type RecapKind } from '../../forms/recap';
import { protectedListed } from '../../forms/recap-layouts';
import { log } from '../log';
import { pdfPageCount } from '../printer';
import { recapBodyOf, recapPage } from '../recap-html';
import { countsOf, indicatorsOf, periodOf, recapData, weeklyOf } from '../recap-data';
import type { Caller } from '../sessions';
import type { HandlersOf, ProcedureContext } from './context';

type ExportJob = OutputOf<'recap.export.status'>;

export function recapProcedures(ctx: ProcedureContext): HandlersOf<'recap' | 'monev'> {
  const { db, database } = ctx;
  const now = () => ctx.now().toISOString();
  /** Each export is its starter's: another account asking for it is told there is none. */
  const exportJobs = new Map<string, { job: ExportJob; accountId: string }>();
  /** A recap printed or exported that lists protected complaints: one audit row naming them. */
  const shown = (caller: Caller, method: Method, kind: RecapKind, period: Period, listed: string[]) => {
    if (listed.length) ctx.auditShown(caller, 'ekspor', method, `${RECAPS[kind].title} ${period.from} s.d. ${period.to}`, { complaints: listed });
  };

  return {
    'recap.weekly': (period) => weeklyOf(database, period, now()),
    'recap.summary': (period) => countsOf(database, period),
    'recap.period': (period) => periodOf(database, period),
    'recap.indicators': (period) => indicatorsOf(database, period),
    'recap.pdf': async ({ kind, period, paper }, { caller }) => {
      if (!ctx.printer) throw new ApiError({ code: 'UNAVAILABLE', message: 'Pencetakan PDF tidak tersedia pada host ini.' });
      const data = recapData(database, kind, period, now());
      const html = recapPage(kind, ctx.settings(), period, recapBodyOf(kind, data, ctx.settings().timeZone), ctx.today(), ctx.ketua(caller));
      const pdf = await ctx.printer.pdf(html, paper, LANDSCAPE[kind]);
      shown(caller, 'recap.pdf', kind, period, protectedListed(kind, data));
      return { filename: recapFilename(kind, period, paper), dataBase64: pdf.toString('base64'), pages: pdfPageCount(pdf) };
    },
    'recap.export.start': ({ kind, period, paper }, { caller }) => {
      const jobId = crypto.randomUUID();
      const job: ExportJob = { state: 'running', done: 0, total: 0, filename: null, dataBase64: null, message: null };
      exportJobs.set(jobId, { job, accountId: caller.accountId });
      // The data and the workbook are made in the background worker, off this thread.
      ctx.background.worker.run('recap.xlsx', { kind, period, paper, now: now(), ketua: ctx.ketua(caller) }, { onProgress: (done, total) => Object.assign(job, { done, total }) }).then(
        ({ bytes, listed }) => {
          try {
            shown(caller, 'recap.export.start', kind, period, listed);
          } catch (e) {
            // A file listing protected complaints is never handed over without its audit row.
            log.error('export audit row not written', e);
            Object.assign(job, { state: 'failed', message: 'Ekspor gagal. Coba lagi.' });
            return;
          }
          Object.assign(job, { state: 'done', filename: recapFilename(kind, period, 'xlsx'), dataBase64: Buffer.from(bytes).toString('base64') });
        },
        (e: unknown) => {
          log.error('export failed', e);
          Object.assign(job, { state: 'failed', message: 'Ekspor gagal. Coba lagi.' });
        },
      );
      return { jobId };
    },
    'recap.export.status': ({ jobId }, { caller }) => {
      const found = exportJobs.get(jobId);
      if (!found || found.accountId !== caller.accountId) throw new ApiError({ code: 'NOT_FOUND', message: 'Ekspor tidak ditemukan (aplikasi dimulai ulang?).' });
      const { job } = found;
      // A finished file is handed over once and then forgotten, so big exports do not pile up.
      if (job.state !== 'running') exportJobs.delete(jobId);
      return { ...job };
    },
    'monev.get': ({ year, quarter }) => getMonev(db, year, quarter),
    'monev.save': (input, call) => {
      call.audit({ object: `${input.year} triwulan ${input.quarter}` });
      return saveMonev(db, input, ctx.now().toISOString());
    },
  };
}
