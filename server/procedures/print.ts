// print.*: one complaint's receipt, filled form or letter as a PDF, or through the desktop's print
// dialog (server/print-html.ts lays them out; the host's Printer renders them). Who may print what
// is declared per kind (forms/print.ts PRINT_ROLES); a printout that carries a protected
// reporter's identity leaves an audit row once it is made.
import { ApiError, type Method, type ParsedInputOf } from '../../forms/api';
import { showsProtectedIdentity } from '../../forms/complaint';
import { PRINT_LABELS, PRINT_ROLES, PRINT_SHOWS_REPORTER, printFilename, printRefusal, type PrintKind } from '../../forms/print';
import { forbiddenMessage, mayAccess } from '../../forms/roles';
import { printableHtml } from '../print-html';
import { pdfPageCount } from '../printer';
import type { Caller } from '../sessions';
import type { HandlersOf, ProcedureContext } from './context';

export function printProcedures(ctx: ProcedureContext): HandlersOf<'print'> {
  const mayPrint = (kind: PrintKind, caller: Caller) => {
    if (!mayAccess(PRINT_ROLES[kind], caller.roles)) throw new ApiError({ code: 'FORBIDDEN', message: forbiddenMessage(`mencetak ${PRINT_LABELS[kind].toLowerCase()}`, PRINT_ROLES[kind]) });
  };
  /** The document for a case, once the case has the step it reports on. */
  const document = ({ kind, id, paper, letterNo, letterDate }: ParsedInputOf<'print.pdf'>, caller: Caller) => {
    const complaint = ctx.detail(id);
    const refusal = printRefusal(kind, complaint.events);
    if (refusal) throw new ApiError({ code: 'CONFLICT', message: refusal });
    const people = { officer: ctx.officerOf(complaint), ketua: ctx.ketua(caller) };
    const html = printableHtml(kind, complaint, ctx.settings(), paper, { letterNo, letterDate }, ctx.today(), people);
    /** Called once the printout exists. */
    const printed = (method: Method) => {
      if (PRINT_SHOWS_REPORTER[kind] && showsProtectedIdentity(complaint)) ctx.auditShown(caller, 'cetak', method, complaint.registrationNo, { complaintId: complaint.id, printout: PRINT_LABELS[kind] });
    };
    return { complaint, html, printed };
  };
  return {
    'print.pdf': async (input, { caller }) => {
      mayPrint(input.kind, caller);
      if (!ctx.printer) throw new ApiError({ code: 'UNAVAILABLE', message: 'Pencetakan PDF tidak tersedia pada host ini.' });
      const { complaint, html, printed } = document(input, caller);
      const pdf = await ctx.printer.pdf(html, input.paper);
      printed('print.pdf');
      return { filename: printFilename(input.kind, complaint, input.paper), dataBase64: pdf.toString('base64'), pages: pdfPageCount(pdf) };
    },
    'print.dialog': async (input, { caller }) => {
      mayPrint(input.kind, caller);
      if (!ctx.printer?.dialog) {
        throw new ApiError({ code: 'UNAVAILABLE', message: 'Dialog cetak hanya ada di aplikasi desktop. Di browser, buka PDF lalu cetak dari sana.' });
      }
      const { html, printed } = document(input, caller);
      const done = await ctx.printer.dialog(html, input.paper);
      if (done) printed('print.dialog');
      return { printed: done };
    },
  };
}
