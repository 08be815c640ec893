// recap.* and monev.*: the supervisor's recaps on screen, as PDF and as XLSX (docs/recaps.md): the
// weekly recap, the semester or quarter recap, the results report, monitoring & evaluation and the
// yearly indicators. The counts come from db/recaps.ts; server/recap-html.ts and recap-xlsx.ts lay
// them out.
import crypto from 'node:crypto';
import { getMonev, saveMonev } from '../../db/monev';
import { ApiError, type OutputOf } from '../../forms/api';
import { recapFilename } from '../../forms/print';
import { LANDSCAPE } from '../../forms/recap';
import { log } from '../log';
import { pdfPageCount } from '../printer';
import { recapBodyOf, recapPage } from '../recap-html';
import { countsOf, indicatorsOf, periodOf, recapData, weeklyOf } from '../recap-data';
import type { HandlersOf, ProcedureContext } from './context';

type ExportJob = OutputOf<'recap.export.status'>;

export function recapProcedures(ctx: ProcedureContext): HandlersOf<'recap' | 'monev'> {
  const { db, database } = ctx;
  const now = () => ctx.now().toISOString();
  const exportJobs = new Map<string, ExportJob>();

  return {
    'recap.weekly': (period) => weeklyOf(database, period, now()),
    'recap.summary': (period) => countsOf(database, period),
    'recap.period': (period) => periodOf(database, period),
    'recap.indicators': (period) => indicatorsOf(database, period),
    'recap.pdf': async ({ kind, period, paper }) => {
      if (!ctx.printer) throw new ApiError({ code: 'UNAVAILABLE', message: 'Pencetakan PDF tidak tersedia pada host ini.' });
      const html = recapPage(kind, ctx.settings(), period, recapBodyOf(kind, recapData(database, kind, period, now()), ctx.settings().timeZone), ctx.today());
      const pdf = await ctx.printer.pdf(html, paper, LANDSCAPE[kind]);
      return { filename: recapFilename(kind, period, paper), dataBase64: pdf.toString('base64'), pages: pdfPageCount(pdf) };
    },
    'recap.export.start': ({ kind, period, paper }) => {
      const jobId = crypto.randomUUID();
      const job: ExportJob = { state: 'running', done: 0, total: 0, filename: null, dataBase64: null, message: null };
      exportJobs.set(jobId, job);
      // The data and the workbook are made in the background worker, off this thread.
      ctx.background.worker.run('recap.xlsx', { kind, period, paper, now: now() }, { onProgress: (done, total) => Object.assign(job, { done, total }) }).then(
        (bytes) => Object.assign(job, { state: 'done', filename: recapFilename(kind, period, 'xlsx'), dataBase64: Buffer.from(bytes).toString('base64') }),
        (e: unknown) => {
          log.error('export failed', e);
          Object.assign(job, { state: 'failed', message: 'Ekspor gagal. Coba lagi.' });
        },
      );
      return { jobId };
    },
    'recap.export.status': ({ jobId }) => {
      const job = exportJobs.get(jobId);
      if (!job) throw new ApiError({ code: 'NOT_FOUND', message: 'Ekspor tidak ditemukan (aplikasi dimulai ulang?).' });
      // A finished file is handed over once and then forgotten, so big exports do not pile up.
      if (job.state !== 'running') exportJobs.delete(jobId);
      return { ...job };
    },
    'monev.get': ({ year, quarter }) => getMonev(db, year, quarter),
    'monev.save': (input) => saveMonev(db, input, ctx.now().toISOString()),
  };
}
