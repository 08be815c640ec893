// print.*: one complaint's receipt, filled form or letter as a PDF, or through the desktop's print
// dialog (server/print-html.ts lays them out; the host's Printer renders them).
import { ApiError, type ParsedInputOf } from '../../forms/api';
import { printFilename, printRefusal } from '../../forms/print';
import { printableHtml } from '../print-html';
import { pdfPageCount } from '../printer';
import type { HandlersOf, ProcedureContext } from './context';

export function printProcedures(ctx: ProcedureContext): HandlersOf<'print'> {
  /** The document for a case, once the case has the step it reports on. */
  const document = ({ kind, id, paper, letterNo, letterDate }: ParsedInputOf<'print.pdf'>) => {
    const complaint = ctx.detail(id);
    const refusal = printRefusal(kind, complaint.events);
    if (refusal) throw new ApiError({ code: 'CONFLICT', message: refusal });
    return { complaint, html: printableHtml(kind, complaint, ctx.settings(), paper, { letterNo, letterDate }, ctx.today()) };
  };
  return {
    'print.pdf': async (input) => {
      if (!ctx.printer) throw new ApiError({ code: 'UNAVAILABLE', message: 'Pencetakan PDF tidak tersedia pada host ini.' });
      const { complaint, html } = document(input);
      const pdf = await ctx.printer.pdf(html, input.paper);
      return { filename: printFilename(input.kind, complaint, input.paper), dataBase64: pdf.toString('base64'), pages: pdfPageCount(pdf) };
    },
    'print.dialog': async (input) => {
      if (!ctx.printer?.dialog) {
        throw new ApiError({ code: 'UNAVAILABLE', message: 'Dialog cetak hanya ada di aplikasi desktop. Di browser, buka PDF lalu cetak dari sana.' });
      }
      return { printed: await ctx.printer.dialog(document(input).html, input.paper) };
    },
  };
}
