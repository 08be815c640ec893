import { desc, eq } from 'drizzle-orm';
import type { AttachmentRef } from '../forms/attachments';
import { DRAFT_HELD_MESSAGE, DRAFT_LEASE_MS, type Draft } from '../forms/drafts';
import type { FormKind } from '../forms/vocabulary';
import { Refused } from './errors';
import { inTransaction, type Db } from './open';
import { complaints, drafts } from './schema';

type DraftRow = typeof drafts.$inferSelect;

const heldByOther = (r: Pick<DraftRow, 'holder' | 'heldUntil'>, holder: string | null, now: string) => !!r.holder && r.holder !== holder && !!r.heldUntil && r.heldUntil > now;
const holdOf = (db: Pick<Db, 'select'>, id: string) => db.select({ holder: drafts.holder, heldUntil: drafts.heldUntil }).from(drafts).where(eq(drafts.id, id)).get();
const leaseEnd = (now: string) => new Date(new Date(now).getTime() + DRAFT_LEASE_MS).toISOString();

const toDraft = (r: DraftRow, holder: string | null, now: string): Draft => ({
  id: r.id,
  form: r.form,
  data: JSON.parse(r.data) as Draft['data'],
  attachments: JSON.parse(r.attachments) as AttachmentRef[],
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  heldElsewhere: heldByOther(r, holder, now),
  heldBy: heldByOther(r, holder, now) ? r.holder : null,
});

/**
 * Upsert by id; each autosave is its own durable commit. Refused when the id already belongs to a
 * saved complaint (a late autosave must not resurrect a draft that was just submitted) or another
 * window holds the draft.
 */
export function saveDraft(db: Db, d: { id: string; holder: string | null; form: FormKind; data: Draft['data']; attachments: AttachmentRef[] }, now: string): { id: string; updatedAt: string } {
  return inTransaction(db, (tx) => {
    if (tx.select({ id: complaints.id }).from(complaints).where(eq(complaints.id, d.id)).get()) throw new Refused('conflict', 'Draf ini sudah disimpan sebagai pengaduan.');
    const existing = holdOf(tx, d.id);
    if (existing && heldByOther(existing, d.holder, now)) throw new Refused('conflict', DRAFT_HELD_MESSAGE);
    const data = JSON.stringify(d.data);
    const attachments = JSON.stringify(d.attachments);
    const lease = { holder: d.holder, heldUntil: d.holder ? leaseEnd(now) : null };
    tx.insert(drafts)
      .values({ id: d.id, form: d.form, data, attachments, ...lease, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: drafts.id, set: { data, attachments, ...lease, updatedAt: now } })
      .run();
    return { id: d.id, updatedAt: now };
  });
}

/**
 * Takes or renews a window's hold on a draft; false when another window holds it, unless that is
 * the window `takeOverFrom` names (one its browser knows is gone) and it still holds the draft.
 */
export function holdDraft(db: Db, id: string, holder: string, now: string, takeOverFrom?: string | null): boolean {
  return inTransaction(db, (tx) => {
    const row = holdOf(tx, id);
    if (!row || (heldByOther(row, holder, now) && !(takeOverFrom && row.holder === takeOverFrom))) return false;
    tx.update(drafts).set({ holder, heldUntil: leaseEnd(now) }).where(eq(drafts.id, id)).run();
    return true;
  });
}

/** Whether another window holds this draft now (a save from this caller must wait). */
export function draftHeldByOther(db: Db, id: string, holder: string | null, now: string): boolean {
  const row = holdOf(db, id);
  return !!row && heldByOther(row, holder, now);
}

/** At start-up: the windows of an earlier run are gone (a crash, a restart), so are their holds. */
export function releaseAllHolds(db: Db): void {
  db.update(drafts).set({ holder: null, heldUntil: null }).run();
}

export function listDrafts(db: Db, form: FormKind | null | undefined, holder: string | null, now: string): Draft[] {
  return db
    .select()
    .from(drafts)
    .where(form ? eq(drafts.form, form) : undefined)
    .orderBy(desc(drafts.updatedAt))
    .all()
    .map((r) => toDraft(r, holder, now));
}

export function deleteDraft(db: Db, id: string): boolean {
  return db.delete(drafts).where(eq(drafts.id, id)).run().changes > 0;
}
