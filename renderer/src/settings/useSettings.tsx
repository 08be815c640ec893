import { useEffect, useState } from 'react';
import type { Settings } from '../../../forms/settings';
import { api } from '../app/api';

export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    api.call('settings.get', {}).then(setSettings, () => setSettings(null));
  }, []);
  return settings;
}
