// The Electron host, kept thin: window, hardening, and the IPC route into the same core the
// browser host uses. Bundled to dist/electron/main.cjs (CommonJS) by `npm run build:electron`.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, type WebContents } from 'electron';
import type { CallMeta } from '../forms/api';
import { BRIDGE_CHANNEL } from '../forms/bridge';
import { createCore, type Core } from '../server/core';
import { safeStorageTokenStore } from './token-store';
import { keychainProblem, safeStorageKeyStore } from './key-store';
import { reopenableCore } from '../server/reopenable-core';
import { log } from '../server/log';
import { readStaticFile } from '../server/static-files';
import { electronPrinter } from './printer';

const SCHEME = 'app';
const ORIGIN = `${SCHEME}://loket`;

function argValue(name: string): string | undefined {
  const prefix = `--${name}=`;
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// Two instances would open the same database and, later, drain the same outbox.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let core: Core | null = null;

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  const isOwnFrame = (frame: Electron.WebFrameMain | null) => !!frame && frame === win?.webContents.mainFrame && frame.url.startsWith(ORIGIN + '/');

  const harden = (contents: WebContents) => {
    contents.on('will-navigate', (e, url) => {
      if (!url.startsWith(ORIGIN + '/')) e.preventDefault();
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  };

  app.on('web-contents-created', (_e, contents) => harden(contents));

  app.whenReady().then(() => {
    const appRoot = app.getAppPath();
    const dataDir = path.resolve(argValue('data-dir') ?? process.env.LOKET_DATA_DIR ?? app.getPath('userData'));
    try {
      const keychain = keychainProblem();
      if (keychain) throw new Error(keychain);
      core = reopenableCore(
        (onRestoreReady) =>
          createCore({
            dataDir,
            migrationsFolder: path.join(appRoot, 'db', 'migrations'),
            host: 'electron',
            version: app.getVersion(),
            printer: electronPrinter,
            tokenStore: safeStorageTokenStore(dataDir),
            keyStore: safeStorageKeyStore(dataDir),
            upstreamUrl: argValue('upstream-url'),
            onRestoreReady,
            // The background worker, bundled beside this file (npm run build:electron).
            workerFile: path.join(__dirname, 'worker.cjs'),
          }),
        dataDir,
      );
    } catch (e) {
      log.error('cannot open the database', e);
      dialog.showErrorBox('Loket Aduan', e instanceof Error ? e.message : String(e));
      app.exit(1);
      return;
    }

    const rendererDir = path.join(appRoot, 'dist', 'renderer');
    protocol.handle(SCHEME, (request) => {
      const file = readStaticFile(rendererDir, new URL(request.url).pathname);
      return new Response(new Uint8Array(file.body), { status: file.status, headers: file.headers });
    });

    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);

    // The session travels with each call as in the browser host; server/dispatch.ts checks it.
    ipcMain.handle(BRIDGE_CHANNEL, (event, method: unknown, input: unknown, meta: unknown) => {
      if (!isOwnFrame(event.senderFrame)) {
        return { ok: false, error: { code: 'INTERNAL', message: 'Permintaan ditolak: bukan dari jendela aplikasi.' } };
      }
      return core ? core.dispatch(method, input, meta as CallMeta) : { ok: false, error: { code: 'UNAVAILABLE', message: 'Aplikasi sedang ditutup.' } };
    });

    win = new BrowserWindow({
      width: 1366,
      height: 768,
      title: 'Loket Aduan',
      webPreferences: {
        preload: path.join(__dirname, 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
      },
    });
    void win.loadURL(`${ORIGIN}/index.html`);
    win.on('closed', () => (win = null));
  });

  app.on('window-all-closed', () => app.quit());
  // Closing may first write a backup (the last one older than a day): quit once the core is closed.
  app.on('will-quit', (e) => {
    const closing = core;
    if (!closing) return;
    core = null;
    e.preventDefault();
    void closing.close().finally(() => app.exit(0));
  });
}
