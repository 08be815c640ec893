// A complaint the API has confirmed survives the process being killed at once (SIGKILL gives
// SQLite no chance to flush anything after the answer).
import { describe, expect, it } from 'vitest';
import { formA, openDataDb, startHostProcess, tempDir } from '../helpers';

describe('durability', () => {
  it('keeps a saved complaint after SIGKILL right after the API answered', async () => {
    const dataDir = tempDir();
    const { child, url } = startHostProcess(dataDir);
    const u = await url;
    const token = u.searchParams.get('token')!;
    const saved: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await fetch(new URL(`/api/complaints.create`, u), {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(formA({ reporterName: `Pelapor ${i}` })),
      });
      const body = (await res.json()) as { ok: boolean; value: { id: string } };
      expect(body.ok).toBe(true);
      saved.push(body.value.id);
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const db = openDataDb(dataDir, { readonly: true });
    const ids = db.prepare('SELECT id FROM complaints ORDER BY id').pluck().all();
    const events = db.prepare('SELECT count(*) FROM complaint_events').pluck().get();
    db.close();
    expect(ids).toEqual([...saved].sort());
    expect(events).toBe(5);
  }, 60_000);
});
