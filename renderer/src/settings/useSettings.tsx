import { createContext, useContext, type ReactNode } from 'react';
import type { Settings } from '../../../forms/settings';
import { useLoad, type Load } from '../hooks/useLoad';

const SettingsContext = createContext<Load<Settings> | null>(null);

/**
 * The office's settings, read once for the whole app. Screens render before they arrive (a form is
 * typed into at once) and follow them when they do; Pengaturan puts a saved version in place.
 */
export function SettingsProvider({ children }: { children: ReactNode }) {
  return <SettingsContext.Provider value={useLoad('settings.get', {})}>{children}</SettingsContext.Provider>;
}

/** The settings load itself: for Pengaturan, which shows its failure and puts saved settings in place. */
export function useSettingsLoad(): Load<Settings> {
  const load = useContext(SettingsContext);
  if (!load) throw new Error('useSettings outside <SettingsProvider>');
  return load;
}

/** The settings, or null until they have arrived. */
export const useSettings = (): Settings | null => useSettingsLoad().data;
