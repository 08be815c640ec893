import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../server/core';
import { MIGRATIONS_DIR } from '../server/paths';
import type { Printer } from '../server/printer';

export function tempDir(prefix = 'loket-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function makeCore(dataDir = tempDir(), opts: { now?: () => Date; printer?: Printer } = {}): Core {
  return createCore({ dataDir, migrationsFolder: MIGRATIONS_DIR, host: 'browser', version: 'test', ...opts });
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
