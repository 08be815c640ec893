// audit.*: the *Log audit* screen (admin, pemeriksa): rows filtered by person, date and kind,
// an XLSX export of them, and whether the hash chain is intact (db/audit.ts).
import { auditPeople, listAudit, verifyAudit, type AuditFilter } from '../../db/audit';
import type { AuditQuery } from '../../forms/audit';
import { fromLocal } from '../../forms/time';
import { addDays } from '../../forms/working-days';
import { auditWorkbook } from '../audit-xlsx';
import type { HandlersOf, ProcedureContext } from './context';

/** Far more than a screen pages through; an export past it is cut, and says so in its title. */
const EXPORT_MAX = 100_000;

export function auditProcedures(ctx: ProcedureContext): HandlersOf<'audit'> {
  const { db } = ctx;
  const filterOf = (q: Pick<AuditQuery, 'accountId' | 'action' | 'from' | 'to'>): AuditFilter => {
    const tz = ctx.settings().timeZone;
    return {
      accountId: q.accountId ?? null,
      action: q.action,
      since: q.from ? fromLocal({ date: q.from, time: '00:00' }, tz) : null,
      until: q.to ? fromLocal({ date: addDays(q.to, 1), time: '00:00' }, tz) : null,
    };
  };
  return {
    'audit.list': (q) => ({ ...listAudit(db, filterOf(q), q), people: auditPeople(db) }),
    'audit.export': async (q) => {
      const { items, total } = listAudit(db, filterOf(q), { limit: EXPORT_MAX, offset: 0 });
      const today = ctx.today();
      const title = `Log audit ${ctx.settings().officeName}, diekspor ${today}${total > items.length ? ` (${items.length} dari ${total} baris terbaru)` : ''}`;
      const buf = await auditWorkbook(items, ctx.settings().timeZone, title);
      return { filename: `log-audit-${today}.xlsx`, dataBase64: buf.toString('base64'), rows: items.length };
    },
    'audit.verify': () => verifyAudit(ctx.database.sqlite),
  };
}
