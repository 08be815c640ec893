import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AuthGate } from './auth/AuthGate';
import { SettingsProvider } from './settings/useSettings';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AuthGate>
      <SettingsProvider>
        <App />
      </SettingsProvider>
    </AuthGate>
  </StrictMode>,
);
