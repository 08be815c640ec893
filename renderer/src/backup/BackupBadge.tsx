import { useSettings } from '../settings/useSettings';
import { backupSummary } from './backupText';
import { useBackupStatus } from './useBackupStatus';

/** On every screen under the sync badge: when the last good backup was made, or what is wrong. */
export function BackupBadge() {
  const status = useBackupStatus();
  const settings = useSettings();
  if (!status || !settings) return null;
  const warn = !!status.problem && !status.running;
  return (
    <a href="#/pengaturan" className={`sync-badge backup-badge${warn ? ' backup-warn' : ''}`} data-testid="backup-badge" data-problem={status.problem ?? 'none'}>
      <span className="visually-hidden">Status cadangan: </span>
      <span>{backupSummary(status, settings.timeZone)}</span>
    </a>
  );
}
