// One app process per data folder. The running core keeps `loket-aduan.lock` (its process id) in the
// folder; another process finds it and refuses, so a restore never writes into a folder an app is
// using and two browser-mode hosts never share a database and its outbox. A lock whose process is
// gone (a crash, a power cut) is taken over. The desktop has Electron's single-instance lock too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../forms/api';

export const LOCK_FILE = 'loket-aduan.lock';

interface Holder {
  pid: number;
  host: string;
  since: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The other live process holding the folder, if any (this process's own lock does not count). */
export function lockHolder(dataDir: string): Holder | null {
  let holder: Holder;
  try {
    holder = JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as Holder;
  } catch {
    return null;
  }
  // A lock written on another PC cannot be checked; it is most likely a folder copied from an old
  // PC, so it does not hold (two PCs on one network folder were never supported).
  if (holder.host !== os.hostname() || holder.pid === process.pid || !alive(holder.pid)) return null;
  return holder;
}

export function inUseMessage(dataDir: string, holder: Holder): string {
  return `Folder data ${dataDir} sedang dipakai Loket Aduan lain yang berjalan (proses ${holder.pid} di ${holder.host}, sejak ${holder.since}). Tutup aplikasi itu dulu.`;
}

/** Takes the folder for this process; throws CONFLICT when another live process has it. */
export function acquireDataLock(dataDir: string): { release(): void } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const mine: Holder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  try {
    fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const holder = lockHolder(dataDir);
    if (holder) throw new ApiError({ code: 'CONFLICT', message: inUseMessage(dataDir, holder) });
    fs.writeFileSync(file, JSON.stringify(mine));
  }
  return {
    release() {
      try {
        const now = JSON.parse(fs.readFileSync(file, 'utf8')) as Holder;
        if (now.pid === process.pid && now.host === mine.host) fs.rmSync(file, { force: true });
      } catch {
        // Already gone (the folder was switched by a restore, or removed).
      }
    },
  };
}
