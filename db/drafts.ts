import { desc, eq } from 'drizzle-orm';
import type { AttachmentRef } from '../forms/attachments';
import type { Draft } from '../forms/drafts';
import type { FormKind } from '../forms/vocabulary';
import type { Db } from './open';
import { complaints, drafts } from './schema';

type DraftRow = typeof drafts.$inferSelect;

const toDraft = (r: DraftRow): Draft => ({
  id: r.id,
  form: r.form,
  data: JSON.parse(r.data) as Draft['data'],
  attachments: JSON.parse(r.attachments) as AttachmentRef[],
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/**
 * Upsert by id; each autosave is its own durable commit. Returns null when the id already belongs
 * to a saved complaint: a late autosave must not resurrect a draft that was just submitted.
 */
export function saveDraft(db: Db, d: { id: string; form: FormKind; data: Draft['data']; attachments: AttachmentRef[] }, now: string) {
  if (db.select({ id: complaints.id }).from(complaints).where(eq(complaints.id, d.id)).get()) return null;
  const data = JSON.stringify(d.data);
  const attachments = JSON.stringify(d.attachments);
  db.insert(drafts)
    .values({ id: d.id, form: d.form, data, attachments, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: drafts.id, set: { data, attachments, updatedAt: now } })
    .run();
  return { id: d.id, updatedAt: now };
}

export function listDrafts(db: Db, form?: FormKind | null): Draft[] {
  return db
    .select()
    .from(drafts)
    .where(form ? eq(drafts.form, form) : undefined)
    .orderBy(desc(drafts.updatedAt))
    .all()
    .map(toDraft);
}

export function deleteDraft(db: Db, id: string): boolean {
  return db.delete(drafts).where(eq(drafts.id, id)).run().changes > 0;
}
