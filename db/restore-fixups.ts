// What a restored database needs before the app uses it, in one transaction:
//  - every report the outbox had not seen confirmed goes back to the queue (the upstream answers a
//    repeat with `duplicate`, so sending again is safe, and what was sent after the backup was
//    taken is not known here);
//  - the registration counters jump past every number that may have been printed on a receipt
//    after the backup was taken (those complaints are not in the backup), by the rule of
//    forms/backup.ts `counterAfterRestore`;
//  - the restore is recorded (table `restores`), so a gap in the register has its explanation.
import { sql } from 'drizzle-orm';
import { counterAfterRestore, registrationGap } from '../forms/backup';
import type { Db } from './open';
import { outbox, registrationCounters, restores } from './schema';
import { setLocal } from './local-state';

export interface RestoreFacts {
  backupFile: string;
  backupTakenAt: string;
  backupAppVersion: string;
  backupBytes: number;
  now: string;
  /** The office's year (local) of the backup and of now. */
  takenYear: number;
  nowYear: number;
}

export function applyRestoreFixups(db: Db, facts: RestoreFacts) {
  return db.transaction((tx) => {
    const requeued = tx
      .update(outbox)
      .set({ state: 'queued', attempts: 0, nextAttemptAt: null })
      .where(sql`${outbox.state} IN ('queued', 'sending')`)
      .run().changes;

    const peak = tx.get<{ n: number | null }>(sql`SELECT max(n) AS n FROM (SELECT count(*) AS n FROM complaints GROUP BY substr(created_at, 1, 10))`)?.n ?? 0;
    const gap = registrationGap(peak, facts.backupTakenAt, facts.now);
    const rows = tx.select().from(registrationCounters).all();
    const years = new Set(rows.filter((r) => r.year === 0 || r.year >= facts.takenYear).map((r) => r.year));
    for (let y = facts.takenYear; y <= facts.nowYear; y++) years.add(y);
    const counters = [...years].sort((a, b) => a - b).map((year) => {
      const before = rows.find((r) => r.year === year)?.last ?? 0;
      return { year, before, after: counterAfterRestore(before, gap) };
    });
    for (const c of counters) {
      tx.insert(registrationCounters).values({ year: c.year, last: c.after }).onConflictDoUpdate({ target: registrationCounters.year, set: { last: c.after } }).run();
    }
    tx.insert(restores)
      .values({ restoredAt: facts.now, backupFile: facts.backupFile, backupTakenAt: facts.backupTakenAt, backupAppVersion: facts.backupAppVersion, requeued, counters })
      .run();
    // The backup restored from is the newest good backup this data knows of.
    setLocal(tx as unknown as Db, 'lastGood', { at: facts.backupTakenAt, file: facts.backupFile, bytes: facts.backupBytes });
    setLocal(tx as unknown as Db, 'lastFailure', null);
    return { requeued, counters };
  });
}
