// drafts.*: the autosaved drafts of the paper forms and which window holds each.
import { deleteDraft, holdDraft, listDrafts, saveDraft } from '../../db/drafts';
import type { HandlersOf, ProcedureContext } from './context';

export function draftProcedures(ctx: ProcedureContext): HandlersOf<'drafts'> {
  const { db } = ctx;
  const now = () => ctx.now().toISOString();
  return {
    'drafts.save': (input) => saveDraft(db, input, now()),
    'drafts.list': ({ form, holder }) => listDrafts(db, form, holder, now()),
    'drafts.hold': ({ id, holder, takeOverFrom }) => ({ held: holdDraft(db, id, holder, now(), takeOverFrom) }),
    'drafts.discard': ({ id }) => ({ discarded: deleteDraft(db, id) }),
  };
}
