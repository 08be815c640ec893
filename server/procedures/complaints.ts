// complaints.* and workviews.*: saving a keyed form, the list and the work views, a complaint's
// page, a handling step (forms/workflow.ts) and a correction.
import { accountById } from '../../db/accounts';
import { complaintExists, correctComplaint, createComplaint, findDuplicate, listComplaints, rowFromInput, workViewCounts, type Actor } from '../../db/complaints';
import { draftHeldByOther } from '../../db/drafts';
import { applyTransition } from '../../db/workflow';
import { ApiError } from '../../forms/api';
import { receivedInFuture, showsProtectedIdentity } from '../../forms/complaint';
import { DRAFT_ALREADY_SAVED_MESSAGE, DRAFT_HELD_MESSAGE } from '../../forms/drafts';
import { fromLocal } from '../../forms/time';
import { mayTake, takeRefusal } from '../../forms/workflow';
import type { Caller } from '../sessions';
import type { HandlersOf, ProcedureContext } from './context';

export function complaintProcedures(ctx: ProcedureContext): HandlersOf<'complaints' | 'workviews'> {
  const { db } = ctx;
  const actor = (c: Caller): Actor => ({ id: c.accountId, name: c.name });
  /** *Petugas penerima*: the account chosen on the form (an active petugas), or whoever is keying. */
  const officerOf = (id: string | null | undefined, caller: Caller): Actor => {
    if (!id || id === caller.accountId) return actor(caller);
    const account = accountById(db, id);
    if (!account?.active || !account.roles.includes('petugas')) {
      throw new ApiError({ code: 'INVALID_INPUT', message: 'Petugas penerima harus akun petugas yang aktif.', fields: { officerAccountId: 'Petugas penerima harus akun petugas yang aktif.' } });
    }
    return { id: account.id, name: account.name };
  };
  return {
    'complaints.create': (input, { caller }) => {
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
      const officer = officerOf(input.officerAccountId, caller);
      const duplicate = findDuplicate(db, rowFromInput(input, settings, nowIso), nowIso);
      if (duplicate && input.confirmDuplicateOf !== duplicate.registrationNo) {
        throw new ApiError({
          code: 'DUPLICATE',
          message: `Pengaduan ini mirip dengan ${duplicate.registrationNo}. Periksa dulu; bila memang berbeda, simpan tetap.`,
          duplicateOf: duplicate,
        });
      }
      const row = createComplaint(db, input, settings, ctx.deadlines(), nowIso, { officer, keyedBy: actor(caller) });
      ctx.sync.kick();
      return { id: row.id, registrationNo: row.registrationNo, receivedAt: row.receivedAt, createdAt: row.createdAt };
    },
    'complaints.list': (input) => listComplaints(db, input, ctx.settings(), ctx.now().toISOString()),
    'complaints.get': ({ id }, { caller }) => {
      const c = ctx.detail(id);
      if (showsProtectedIdentity(c)) ctx.auditShown(caller, 'lihat', 'complaints.get', c.registrationNo, { complaintId: c.id });
      return c;
    },
    'complaints.transition': (step, call) => {
      if (!mayTake(step.action, call.caller.roles)) throw new ApiError({ code: 'FORBIDDEN', message: takeRefusal(step.action) });
      applyTransition(db, step, ctx.deadlines(), ctx.now().toISOString(), actor(call.caller));
      call.audit({ detail: { action: step.action } });
      ctx.sync.kick();
      return ctx.detail(step.id);
    },
    'complaints.correct': (input, { caller }) => {
      correctComplaint(db, input, ctx.now().toISOString(), actor(caller));
      ctx.sync.kick();
      return ctx.detail(input.id);
    },
    'workviews.counts': () => workViewCounts(db, ctx.settings(), ctx.now().toISOString()),
  };
}
