// A complaint the API has confirmed survives the process being killed at once (SIGKILL gives
// SQLite no chance to flush anything after the answer).
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE } from '../../db/open';
import { REPO_ROOT } from '../../server/paths';
import { formA, tempDir } from '../helpers';

export function startHostProcess(dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server/cli.ts'), '--browser', '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = new Promise<URL>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m?.[1]) resolve(new URL(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`host exited early (${code}): ${out}`)));
  });
  return { child, url };
}

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

    const db = new Database(path.join(dataDir, DB_FILE), { readonly: true });
    const ids = db.prepare('SELECT id FROM complaints ORDER BY id').pluck().all();
    const events = db.prepare('SELECT count(*) FROM complaint_events').pluck().get();
    db.close();
    expect(ids).toEqual([...saved].sort());
    expect(events).toBe(5);
  }, 60_000);
});
