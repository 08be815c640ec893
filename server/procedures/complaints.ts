// complaints.* and workviews.*: saving a keyed form, the list and the work views, a complaint's
// page, a handling step (forms/workflow.ts) and a correction.
import { complaintExists, correctComplaint, createComplaint, findDuplicate, listComplaints, rowFromInput, workViewCounts } from '../../db/complaints';
import { draftHeldByOther } from '../../db/drafts';
import { applyTransition } from '../../db/workflow';
import { ApiError } from '../../forms/api';
import { receivedInFuture } from '../../forms/complaint';
import { DRAFT_ALREADY_SAVED_MESSAGE, DRAFT_HELD_MESSAGE } from '../../forms/drafts';
import { fromLocal } from '../../forms/time';
import type { HandlersOf, ProcedureContext } from './context';

export function complaintProcedures(ctx: ProcedureContext): HandlersOf<'complaints' | 'workviews'> {
  const { db } = ctx;
  return {
    'complaints.create': (input) => {
      const settings = ctx.settings();
      const at = ctx.now();
      if (receivedInFuture(fromLocal({ date: input.receivedDate, time: input.receivedTime }, settings.timeZone), at)) {
        throw new ApiError({
          code: 'INVALID_INPUT',
          message: 'Waktu pengaduan tidak boleh di masa depan.',
          fields: { receivedDate: `Waktu pengaduan tidak boleh di masa depan (menurut jam kantor, ${settings.timeZone}).` },
        });
      }
      const missing = input.attachments.find((a) => !ctx.attachments.has(a.sha256));
      if (missing) throw new ApiError({ code: 'INVALID_INPUT', message: `Lampiran ${missing.filename} tidak ada di folder data; unggah ulang.`, fields: { attachments: 'Unggah ulang lampiran.' } });
      // The draft id is the complaint id: a second save of the same draft (two tabs, a double
      // click that raced) must not make a second complaint.
      if (input.draftId && complaintExists(db, input.draftId)) throw new ApiError({ code: 'CONFLICT', message: DRAFT_ALREADY_SAVED_MESSAGE });
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
      const row = createComplaint(db, input, settings, ctx.deadlines(), nowIso);
      ctx.sync.kick();
      return { id: row.id, registrationNo: row.registrationNo, receivedAt: row.receivedAt, createdAt: row.createdAt };
    },
    'complaints.list': (input) => listComplaints(db, input, ctx.settings(), ctx.now().toISOString()),
    'complaints.get': ({ id }) => ctx.detail(id),
    'complaints.transition': (step) => {
      applyTransition(db, step, ctx.deadlines(), ctx.now().toISOString());
      ctx.sync.kick();
      return ctx.detail(step.id);
    },
    'complaints.correct': (input) => {
      correctComplaint(db, input, ctx.now().toISOString());
      ctx.sync.kick();
      return ctx.detail(input.id);
    },
    'workviews.counts': () => workViewCounts(db, ctx.settings(), ctx.now().toISOString()),
  };
}
