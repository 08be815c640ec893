import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { afterEach } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openKeyed } from '../db/cipher';
import { DB_FILE } from '../db/open';
import { createCore, type Core, type CoreOptions } from '../server/core';
import { browserKeyStore, deriveKeys } from '../server/keys';
import { MIGRATIONS_DIR, REPO_ROOT } from '../server/paths';
import type { Printer } from '../server/printer';

export function tempDir(prefix = 'loket-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function makeCore(dataDir = tempDir(), opts: Partial<Omit<CoreOptions, 'dataDir'>> & { printer?: Printer } = {}): Core {
  return createCore({ dataDir, migrationsFolder: MIGRATIONS_DIR, host: 'browser', version: 'test', ...opts });
}

/**
 * A data folder's database opened directly with its key (browser mode's key file beside the
 * folder), for a test to look inside or to stage what an earlier version would have left.
 */
export function openDataDb(dataDir: string, options: Database.Options = {}): Database.Database {
  const secret = browserKeyStore(dataDir).read();
  if (!secret) throw new Error(`no key for ${dataDir}`);
  return openKeyed(path.join(dataDir, DB_FILE), deriveKeys(secret).database, options);
}

/** Chromium for end-to-end tests. Under CI a missing browser is a failure, never a silent skip. */
export function chromiumPath(): string | null {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (fs.existsSync(candidate)) return candidate;
  if (process.env.CI === 'true') throw new Error(`Chromium not found at ${candidate} (set CHROMIUM_PATH); CI requires it`);
  return null;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A migrations folder holding the migrations up to `tag`: the schema an earlier version wrote. */
export function migrationsUpTo(tag: string): string {
  const dir = tempDir('loket-old-migrations-');
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === tag) + 1);
  if (entries.length === 0) throw new Error(`no migration ${tag}`);
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

/** A valid Formulir A payload, dated today-ish in WIB. */
export function formA(overrides: Record<string, unknown> = {}) {
  return {
    form: 'A' as const,
    reporterName: 'Siti Rahmawati',
    reporterInstitution: 'CV Sinar Buton',
    reporterAddress: 'Jl. Poros Ereke No. 12, Buranga',
    receivedDate: '2026-11-20',
    receivedTime: '09:15',
    problem: 'Izin usaha belum terbit',
    content: 'Permohonan izin usaha sejak bulan lalu belum terbit.',
    resolution: null,
    ...overrides,
  };
}

/** The real browser host as a child process (`server/cli.ts --browser`), and the address it prints. */
export function startHostProcess(dataDir: string, extra: { args?: string[]; env?: Record<string, string> } = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server/cli.ts'), '--browser', '--data-dir', dataDir, ...(extra.args ?? [])], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...extra.env },
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


/** A `makeCore` whose cores (each on a fresh data folder) are closed after every test of the file. */
export function coresClosedAfterEach(): (dataDir?: string, opts?: Parameters<typeof makeCore>[1]) => Core {
  const open: Core[] = [];
  afterEach(async () => {
    for (const c of open.splice(0)) await c.close();
  });
  return (dataDir = tempDir(), opts = {}) => {
    const c = makeCore(dataDir, opts);
    open.push(c);
    return c;
  };
}

/** An API caller over the browser host's HTTP, for hosts running as child processes. */
export function httpCaller(url: URL) {
  const token = url.searchParams.get('token')!;
  return async (method: string, input: unknown) => {
    const res = await fetch(new URL(`/api/${method}`, url), { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
    return (await res.json()) as import('../forms/api').Envelope<unknown>;
  };
}
