// The one way to add a step to a complaint's history after it was created: the next seq of that
// complaint, in the caller's transaction (the history is append-only; triggers refuse edits).
import { eq, max } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db } from './open';
import { complaintEvents } from './schema';

export function appendEvent(tx: Db, event: Omit<typeof complaintEvents.$inferInsert, 'id' | 'seq'>): void {
  const seq = (tx.select({ m: max(complaintEvents.seq) }).from(complaintEvents).where(eq(complaintEvents.complaintId, event.complaintId)).get()?.m ?? 0) + 1;
  tx.insert(complaintEvents).values({ id: uuidv7(), seq, ...event }).run();
}
