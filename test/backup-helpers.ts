// Shared pieces of the encryption, backup and restore tests: a populated data folder, backup
// settings, every table's rows for comparison, and every file under a folder.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import type { Core } from '../server/core';
import { pdfBytes, pngBytes } from './fixtures';
import { formA } from './helpers';

export const PASSWORD = 'sandi-cadangan-kantor-2026';

const ok = <T>(e: { ok: boolean; value?: unknown; error?: { message: string } }): T => {
  if (!e.ok) throw new Error(e.error?.message);
  return e.value as T;
};

/** n complaints (every third with a scan, every fifth verified and forwarded), plus a draft. */
export async function populate(core: Core, n: number, label = 'Pelapor'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const attachments = [];
    if (i % 3 === 0) {
      const bytes = i % 2 ? pdfBytes(`Lampiran ${label} ${i}`) : pngBytes(3 + (i % 7), 3, [i % 250, 40, 90]);
      attachments.push(ok(await core.dispatch('attachments.upload', { filename: `scan-${i}.${i % 2 ? 'pdf' : 'png'}`, contentType: '', dataBase64: bytes.toString('base64') })));
    }
    const created = ok<{ id: string }>(
      await core.dispatch('complaints.create', formA({ reporterName: `${label} ${i}`, problem: `Masalah ${label} ${i}`, content: `Uraian pengaduan ${label} nomor ${i} tentang pelayanan.`, attachments })),
    );
    ids.push(created.id);
    if (i % 5 === 0) {
      ok(await core.dispatch('complaints.transition', { id: created.id, action: 'verifikasi', input: { classification: 'pengaduan', jenis: 'a', darwas: false, category: '02 Pelayanan masyarakat', confidential: i % 10 === 0 } }));
    }
  }
  ok(await core.dispatch('drafts.save', { id: '0190a0e0-0000-7000-8000-00000000d4a7', form: 'A', data: { reporterName: `${label} draf` }, attachments: [] }));
  return ids;
}

export async function configureBackups(core: Core, folder: string, password = PASSWORD) {
  return ok(await core.dispatch('backup.settings.save', { folder, dailyAt: '16:00', password, passwordConfirm: password }));
}

/** Every table's rows (rowid included), keyed by table, each row as JSON text (blobs as hex). */
export function tableRows(sqlite: Database.Database): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const tables = sqlite.prepare("SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'shadow') AND name <> 'sqlite_schema'").all() as { name: string; wr: number }[];
  for (const { name, wr } of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    if (name === 'sqlite_temp_schema') continue;
    const rows = sqlite.prepare(wr ? `SELECT * FROM "${name}"` : `SELECT rowid AS _rowid, * FROM "${name}"`).raw(true).all() as unknown[][];
    out[name] = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v))).sort();
  }
  return out;
}

/** Every file under a folder, recursively. */
export function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).map((f) => path.join(dir, f)).filter((f) => fs.statSync(f).isFile());
}

/** The files (of `files`) whose bytes hold `needle` in UTF-8, UTF-16 or any letter case. */
export function holding(files: string[], needle: string): string[] {
  const forms = [needle, needle.toLowerCase(), needle.toUpperCase()].flatMap((n) => [Buffer.from(n, 'utf8'), Buffer.from(n, 'utf16le')]);
  return files.filter((f) => {
    const bytes = fs.readFileSync(f);
    return forms.some((n) => bytes.includes(n));
  });
}

export function expectNoLeftovers(dataDir: string) {
  const parent = path.dirname(dataDir);
  const base = path.basename(dataDir);
  expect(fs.readdirSync(parent).filter((n) => n.startsWith(`${base}.pulih-`))).toEqual([]);
  expect(fs.readdirSync(dataDir).filter((n) => /\.(encrypting|plain-old|plain-wipe)$|^backup-snapshot-/.test(n))).toEqual([]);
}
