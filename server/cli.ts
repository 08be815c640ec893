// `npm start` and `npm run start:browser`. Opens the desktop window when an Electron binary is
// installed; otherwise (servers, CI, machines installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1)
// says so and serves the same app in browser mode.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBrowserHost } from './browser-host';
import { ChromiumPrinter } from './chromium-printer';
import { createCore } from './core';
import { browserKeyStore } from './keys';
import { reopenableCore } from './reopenable-core';
import { fillDemo } from './demo-data';
import { log } from './log';
import { DATA_DIR_ENV, defaultDataDir, MIGRATIONS_DIR, RENDERER_DIST, REPO_ROOT } from './paths';
import { upstreamUrlProblem } from '../forms/sync';
import type { SyncTuning } from './sync-engine';

export interface CliOptions {
  browser: boolean;
  port: number;
  dataDir: string;
  demo: number | null;
  /** `--upstream-url`: set the upstream without the UI (deployments); the token comes from LOKET_UPSTREAM_TOKEN. */
  upstreamUrl: string | undefined;
  /** `--key-file`: where browser mode keeps the data folder's key (else LOKET_KEY_FILE, else `<data folder>.key`). */
  keyFile: string | undefined;
}

/** Also reads `npm start --demo` style flags, which npm turns into npm_config_* variables. */
export function parseCli(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      browser: { type: 'boolean', default: false },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      demo: { type: 'string' },
      'upstream-url': { type: 'string' },
      'key-file': { type: 'string' },
    },
    allowPositionals: false,
    strict: true,
  });
  const demoRaw = values.demo ?? env.npm_config_demo;
  let demo: number | null = null;
  if (demoRaw !== undefined) {
    demo = demoRaw === '' || demoRaw === 'true' ? 500 : Number(demoRaw);
    if (!Number.isInteger(demo) || demo < 1) throw new Error(`--demo expects a positive whole number, got "${demoRaw}"`);
  }
  const portRaw = values.port ?? env.npm_config_port ?? '0';
  const port = Number(portRaw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port expects 0-65535, got "${portRaw}"`);
  return {
    browser: values.browser ?? false,
    port,
    dataDir: path.resolve(values['data-dir'] ?? env.npm_config_data_dir ?? env[DATA_DIR_ENV] ?? defaultDataDir()),
    demo,
    upstreamUrl: values['upstream-url'] ?? env.npm_config_upstream_url,
    keyFile: values['key-file'] ?? env.npm_config_key_file,
  };
}

/** LOKET_SYNC_BACKOFF_MS="base,cap" and LOKET_SYNC_POLL_MS tune the sync engine (tests, slow links). */
export function syncTuningFromEnv(env: NodeJS.ProcessEnv): Partial<SyncTuning> {
  const tuning: Partial<SyncTuning> = {};
  const [base, cap] = (env.LOKET_SYNC_BACKOFF_MS ?? '').split(',').map(Number);
  if (base && cap && base > 0 && cap >= base) tuning.backoff = { baseMs: base, capMs: cap };
  const poll = Number(env.LOKET_SYNC_POLL_MS);
  if (poll > 0) tuning.pollMs = poll;
  return tuning;
}

/** `--demo` without a value: parseArgs wants `--demo=N`, so a bare flag is rewritten first. */
function normalizeArgv(argv: string[]): string[] {
  return argv.map((a) => (a === '--demo' ? '--demo=500' : a));
}

function electronBinary(): string | null {
  try {
    const p = createRequire(import.meta.url)('electron') as unknown;
    return typeof p === 'string' && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

async function runBrowser(opts: CliOptions) {
  const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  if (opts.upstreamUrl) {
    const problem = upstreamUrlProblem(opts.upstreamUrl);
    if (problem) throw new Error(problem);
  }
  const core = reopenableCore(
    (onRestoreReady) =>
      createCore({
        dataDir: opts.dataDir,
        migrationsFolder: MIGRATIONS_DIR,
        host: 'browser',
        version,
        printer: new ChromiumPrinter(),
        upstreamUrl: opts.upstreamUrl,
        sync: syncTuningFromEnv(process.env),
        keyStore: browserKeyStore(opts.dataDir, { keyFile: opts.keyFile }),
        onRestoreReady,
      }),
    opts.dataDir,
  );
  if (opts.demo) fillDemo(core, opts.demo);
  if (!fs.existsSync(path.join(RENDERER_DIST, 'index.html'))) log.warn('renderer not built; run `npm run build` first');
  const host = await startBrowserHost({ core, staticDir: RENDERER_DIST, port: opts.port });
  console.log(`Loket Aduan (mode browser) siap di ${host.url}`);
  const stop = async () => {
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main() {
  const opts = parseCli(normalizeArgv(process.argv.slice(2)), process.env);
  if (!opts.browser) {
    const electron = electronBinary();
    if (electron) {
      const child = spawn(electron, [REPO_ROOT, ...process.argv.slice(2)], { stdio: 'inherit' });
      child.on('exit', (code) => process.exit(code ?? 0));
      return;
    }
    console.log('Electron tidak terpasang di mesin ini (ELECTRON_SKIP_BINARY_DOWNLOAD?); membuka mode browser.');
  }
  await runBrowser(opts);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
