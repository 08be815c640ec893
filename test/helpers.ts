import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { afterEach } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { accountByUsername, insertAccount, type AccountRow } from '../db/accounts';
import type { Db } from '../db/open';
import { getSettings } from '../db/settings';
import type { Envelope, Method } from '../forms/api';
import { ROLES, type Role } from '../forms/roles';
import { createCore, type Core, type CoreOptions } from '../server/core';
import { hashPasswordSync } from '../server/passwords';
import type Database from 'better-sqlite3';
import { openKeyed } from '../db/cipher';
import { DB_FILE } from '../db/open';
import { openDataFolder } from '../server/data-folder';
import { browserKeyStore, deriveKeys } from '../server/keys';
import { MIGRATIONS_DIR, REPO_ROOT } from '../server/paths';
import type { Printer } from '../server/printer';

export function tempDir(prefix = 'loket-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The password of every account the tests make. */
export const TEST_PASSWORD = 'kata-sandi-uji-2026';
let testHash: string | undefined;
/** One scrypt hash of TEST_PASSWORD per test process (each takes ~0.1 s). */
const testPasswordHash = () => (testHash ??= hashPasswordSync(TEST_PASSWORD));

/** The account makeCore signs in with: every role, so the tests written before accounts keep calling everything. */
export const TEST_ACCOUNT = { username: 'uji', name: 'Admin Uji', nip: '198001012006041001', roles: [...ROLES] as Role[] };

/** An account with TEST_PASSWORD, written straight to the database (the API's path is tested in accounts.test.ts). */
export function seedAccount(db: Db, a: { username: string; name: string; nip?: string | null; roles: Role[] } = TEST_ACCOUNT): AccountRow {
  return insertAccount(db, { username: a.username, name: a.name, nip: a.nip ?? null, roles: a.roles, passwordHash: testPasswordHash() }, new Date().toISOString());
}

/** A core whose `dispatch` calls as a signed-in person unless a call says otherwise. */
export interface TestCore extends Core {
  account: AccountRow;
  /** The session token `dispatch` uses by default. */
  session: string;
}

/** A core on a data folder (a fresh one by default), with TEST_ACCOUNT signed in: `dispatch` carries its session unless given another. */
export function makeCore(dataDir = tempDir(), opts: Partial<Omit<CoreOptions, 'dataDir'>> & { printer?: Printer } = {}): TestCore {
  return signedInCore(makeBareCore(dataDir, opts));
}

/** `core` with TEST_ACCOUNT (made when missing) signed in: its `dispatch` carries that session unless given another. */
export function signedInCore(core: Core): TestCore {
  const account = accountByUsername(core.database.db, TEST_ACCOUNT.username) ?? seedAccount(core.database.db);
  const session = core.sessions.open(account);
  return { ...core, account, session, dispatch: (method, input, meta) => core.dispatch(method, input, meta ?? { session }) };
}

/** A core with no account at all: a new data folder as the first run sees it. */
export function makeBareCore(dataDir = tempDir(), opts: Partial<Omit<CoreOptions, 'dataDir'>> & { printer?: Printer } = {}): Core {
  return createCore({ dataDir, migrationsFolder: MIGRATIONS_DIR, host: 'browser', version: 'test', ...opts });
}

/** Another person on a core: an account with these roles, signed in; `call` dispatches as them. */
export function personOn(core: Core, roles: Role[], name = `Pegawai ${roles.join(' ')}`, username = `p-${roles.join('-')}-${Math.random().toString(36).slice(2, 8)}`) {
  const account = seedAccount(core.database.db, { username, name, nip: null, roles });
  const session = core.sessions.open(account);
  return { account, session, call: (method: Method | string, input: unknown) => core.dispatch(method, input, { session }) };
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

/** The real browser host as a child process (`server/cli.ts --browser`), and the address it prints. TEST_ACCOUNT exists in its folder. */
export function startHostProcess(dataDir: string, extra: { args?: string[]; env?: Record<string, string> } = {}) {
  const folder = openDataFolder({ dataDir, migrationsFolder: MIGRATIONS_DIR, keyStore: browserKeyStore(dataDir, { env: { ...process.env, ...extra.env } }) });
  try {
    if (!accountByUsername(folder.database.db, TEST_ACCOUNT.username)) seedAccount(folder.database.db);
  } finally {
    folder.close();
  }
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
export function coresClosedAfterEach(): (dataDir?: string, opts?: Parameters<typeof makeCore>[1]) => TestCore {
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

/** One call over the browser host's HTTP, with the per-start token and a session. */
export async function httpCall(url: URL, method: string, input: unknown, session: string | null = null): Promise<Envelope<unknown>> {
  const headers: Record<string, string> = { Authorization: `Bearer ${url.searchParams.get('token')}`, 'Content-Type': 'application/json' };
  if (session) headers['X-Loket-Session'] = session;
  const res = await fetch(new URL(`/api/${method}`, url), { method: 'POST', headers, body: JSON.stringify(input) });
  return (await res.json()) as Envelope<unknown>;
}

/** Signs in over HTTP (TEST_ACCOUNT unless named); the session token. */
export async function httpSignIn(url: URL, username = TEST_ACCOUNT.username, password = TEST_PASSWORD): Promise<string> {
  const res = await httpCall(url, 'auth.signIn', { username, password });
  if (!res.ok) throw new Error(res.error.message);
  return (res.value as { token: string }).token;
}

/** An API caller over the browser host's HTTP, signed in as TEST_ACCOUNT, for hosts running as child processes. */
export function httpCaller(url: URL) {
  let session: Promise<string> | null = null;
  return async (method: string, input: unknown) => httpCall(url, method, input, await (session ??= httpSignIn(url)));
}

/** The settings a core holds now, to save a changed copy. */
export const settingsOf = (c: Core) => getSettings(c.database.db);
