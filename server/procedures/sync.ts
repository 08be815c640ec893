// sync.*: the Sinkronisasi page and its settings. The outbox is written by the database's own
// triggers (db/migrations/0008_outbox_triggers.sql); the engine that drains it is server/sync-engine.ts.
import { getMeta, outboxItems, recentRuns, requeueRejected, setMeta, setUpstreamUrl } from '../../db/outbox';
import { ApiError } from '../../forms/api';
import { changedValues } from '../../forms/audit';
import { UPSTREAM_TOKEN_ENV } from '../../forms/sync';
import type { HandlersOf, ProcedureContext } from './context';

export function syncProcedures(ctx: ProcedureContext): HandlersOf<'sync'> {
  const { db, sync, tokens } = ctx;
  const settingsView = () => ({ url: getMeta(db, 'url') ?? '', officeId: getMeta(db, 'officeId') ?? '', tokenSet: !!tokens.read(), tokenSource: tokens.source, tokenEditable: tokens.editable });
  /** What a change's audit row may say: the address and office code, whether a token is set (never the token). */
  const audited = (v: ReturnType<typeof settingsView>) => ({ url: v.url, officeId: v.officeId, tokenSet: v.tokenSet });
  /**
   * A change runs inside its transaction (server/dispatch.ts), which is synchronous: a microtask
   * starts the run once it has committed, and before anything else (closing the core) can happen.
   */
  const runAfterCommit = () => queueMicrotask(() => void sync.runNow());
  return {
    'sync.status': () => sync.status(),
    'sync.overview': () => ({
      status: sync.status(),
      queue: outboxItems(db, ['queued', 'sending'], 200),
      rejected: outboxItems(db, ['rejected'], 500),
      runs: recentRuns(db, 50).map(({ id: _id, ...r }) => r),
    }),
    'sync.run': () => {
      if (!sync.status().configured) throw new ApiError({ code: 'UNAVAILABLE', message: 'Sinkronisasi belum diatur: isi alamat upstream dan token di Pengaturan.' });
      void sync.runNow();
      return sync.status();
    },
    'sync.requeue': ({ ids }, call) => {
      const done = requeueRejected(db, ids);
      call.audit({ object: null, detail: { complaints: ids.length } });
      runAfterCommit();
      return done;
    },
    'sync.settings.get': () => settingsView(),
    'sync.settings.save': ({ url, officeId, token }, call) => {
      const before = audited(settingsView());
      if (token != null && !tokens.editable) {
        throw new ApiError({ code: 'INVALID_INPUT', message: `Token diatur lewat variabel lingkungan ${UPSTREAM_TOKEN_ENV}.`, fields: { token: `Token diatur lewat variabel lingkungan ${UPSTREAM_TOKEN_ENV}; ubah di sana.` } });
      }
      setUpstreamUrl(db, url);
      setMeta(db, 'officeId', officeId || null);
      if (token != null) {
        try {
          tokens.write(token.trim() || null);
        } catch {
          throw new ApiError({ code: 'UNAVAILABLE', message: `Token tidak dapat disimpan dengan aman di komputer ini; atur ${UPSTREAM_TOKEN_ENV}.`, fields: { token: `Penyimpanan aman tidak tersedia; atur ${UPSTREAM_TOKEN_ENV}.` } });
        }
      }
      const after = settingsView();
      call.audit({ object: 'pengaturan sinkronisasi', detail: { ...changedValues(before, audited(after)), ...(token != null ? { token: token.trim() ? 'diganti' : 'dihapus' } : {}) } });
      runAfterCommit();
      return after;
    },
  };
}
