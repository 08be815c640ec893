// The Electron binary cannot run on CI machines here, so the shell is checked where it can be: the
// bundles build, the sandboxed preload needs nothing but `electron`, and the hardening is in place.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/paths';
import { tempDir } from '../helpers';

let main = '';
let preload = '';
let worker = '';
beforeAll(() => {
  const out = tempDir('loket-electron-');
  execFileSync(
    path.join(REPO_ROOT, 'node_modules/.bin/esbuild'),
    ['main=electron/main.ts', 'preload=electron/preload.ts', 'worker=server/background/worker.ts', '--bundle', '--platform=node', '--format=cjs', '--external:electron', '--external:better-sqlite3', `--outdir=${out}`, '--log-level=error'],
    { cwd: REPO_ROOT },
  );
  main = fs.readFileSync(path.join(out, 'main.js'), 'utf8');
  preload = fs.readFileSync(path.join(out, 'preload.js'), 'utf8');
  worker = fs.readFileSync(path.join(out, 'worker.js'), 'utf8');
});

describe('Electron shell bundles', () => {
  it('sandboxed preload requires only electron and exposes one function', () => {
    const requires = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(preload).toContain('exposeInMainWorld("loket"');
    expect(preload.length).toBeLessThan(5_000);
  });

  it('bundles the background worker beside the main bundle, which starts it from there', () => {
    // The packaged app has no tsx: the worker must be its own bundle, needing only Node and the database.
    const requires = new Set([...worker.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]!));
    expect([...requires].filter((r) => !r.startsWith('node:') && r !== 'better-sqlite3' && !isBuiltin(r))).toEqual([]);
    expect(worker).toContain('parentPort');
    expect(main).toMatch(/workerFile: import_node_path\d*\.default\.join\(__dirname, "worker\.cjs"\)/);
  });

  it('creates the window hardened', () => {
    for (const needle of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'webSecurity: true']) expect(main).toContain(needle);
    expect(main).toContain('requestSingleInstanceLock');
    expect(main).toContain('setWindowOpenHandler(() => ({ action: "deny" }))');
    expect(main).toContain('will-navigate');
    expect(main).toContain('setPermissionRequestHandler');
    expect(main).toMatch(/isOwnFrame\(event\.senderFrame\)/);
    // The upstream token is encrypted with the OS keychain on the desktop.
    expect(main).toContain('safeStorage.encryptString');
    expect(main).toContain('isEncryptionAvailable');
  });

  it('keeps the data key in the OS keychain and refuses to start without one', () => {
    // The secret is wrapped by safeStorage in data-key.enc; a browser-mode key file is taken over.
    expect(main).toMatch(/keychainProblem\(\)[\s\S]{0,80}throw new Error\(keychain\)/);
    expect(main).toContain('getSelectedStorageBackend() === "basic_text"');
    expect(main).toMatch(/keyStore: safeStorageKeyStore\(dataDir\)/);
    expect(main).toContain('safeStorage.decryptString(stored)');
    expect(main).toContain('data-key.enc');
    // A restore made in the app reopens the core; quitting waits for the core to close (exit backup).
    expect(main).toMatch(/reopenableCore\(/);
    expect(main).toMatch(/will-quit[\s\S]{0,200}preventDefault\(\)[\s\S]{0,80}closing\.close\(\)\.finally\(\(\) => import_electron\d*\.app\.exit\(0\)\)/);
  });
});
