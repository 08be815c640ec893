// A complaint the API has confirmed survives the process being killed at once (SIGKILL gives
// SQLite no chance to flush anything after the answer), and so does its audit row.
import { describe, expect, it } from 'vitest';
import { formA, httpCaller, openDataDb, startHostProcess, tempDir } from '../helpers';

describe('durability', () => {
  it('keeps a saved complaint after SIGKILL right after the API answered', async () => {
    const dataDir = tempDir();
    const { child, url } = startHostProcess(dataDir);
    const call = httpCaller(await url);
    const saved: string[] = [];
    for (let i = 0; i < 5; i++) {
      const body = (await call('complaints.create', formA({ reporterName: `Pelapor ${i}` }))) as { ok: boolean; value: { id: string } };
      expect(body.ok).toBe(true);
      saved.push(body.value.id);
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const db = openDataDb(dataDir, { readonly: true });
    const ids = db.prepare('SELECT id FROM complaints ORDER BY id').pluck().all();
    const events = db.prepare('SELECT count(*) FROM complaint_events').pluck().get();
    // Each save's audit row was committed with it.
    const audited = db.prepare("SELECT count(*) FROM audit_log WHERE method = 'complaints.create' AND outcome = 'ok'").pluck().get();
    db.close();
    expect(ids).toEqual([...saved].sort());
    expect(events).toBe(5);
    expect(audited).toBe(5);
  }, 60_000);
});
