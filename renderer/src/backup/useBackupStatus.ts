import { useEffect, useState } from 'react';
import type { BackupStatus } from '../../../forms/backup';
import { api } from '../app/api';

/** Sent by the backup section when it starts a backup or changes the settings. */
export const BACKUP_CHANGED_EVENT = 'loket:backup-changed';

/** The backup status, every second while a backup runs and every 30 seconds otherwise. */
export function useBackupStatus(): BackupStatus | null {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let alive = true;
    const load = async () => {
      clearTimeout(timer);
      let running = false;
      try {
        const s = await api.call('backup.status', {});
        if (!alive) return;
        setStatus(s);
        running = s.running;
      } catch {
        // The host is gone or switching to restored data; try again.
      }
      if (alive) timer = setTimeout(() => void load(), running ? 1_000 : 30_000);
    };
    void load();
    const onChange = () => void load();
    window.addEventListener(BACKUP_CHANGED_EVENT, onChange);
    return () => {
      alive = false;
      clearTimeout(timer);
      window.removeEventListener(BACKUP_CHANGED_EVENT, onChange);
    };
  }, []);
  return status;
}
