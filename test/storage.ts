// Storage failures the way an office meets them (a full disk, a folder that turned read-only),
// staged on a real filesystem: the scenario runs in a child process with its own mount namespace.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../server/paths';

const UNSHARE = ['unshare', '--user', '--map-root-user', '--mount'];

/** Whether this machine lets a process mount a tmpfs in its own namespace (Linux user namespaces). */
export const canMountPrivately: boolean = (() => {
  if (process.platform !== 'linux') return false;
  try {
    execFileSync(UNSHARE[0]!, [...UNSHARE.slice(1), 'mount', '-t', 'tmpfs', 'tmpfs', '/mnt'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI === 'true') throw new Error('CI requires unprivileged user and mount namespaces (unshare -rm) for the storage tests');
    return false;
  }
})();

export function runStorageScenario(scenario: 'attachments-full' | 'read-only' | 'backup-full', dataDir: string): Record<string, unknown> {
  const res = spawnSync(UNSHARE[0]!, [...UNSHARE.slice(1), process.execPath, '--import', 'tsx', path.join(REPO_ROOT, 'test/storage-child.ts'), scenario, dataDir], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const line = res.stdout.trim().split('\n').at(-1) ?? '';
  if (res.status !== 0 || !line.startsWith('{')) throw new Error(`scenario ${scenario} failed (${res.status}): ${res.stderr}\n${res.stdout}`);
  return JSON.parse(line) as Record<string, unknown>;
}
