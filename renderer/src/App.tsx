import { ComplaintDetailPage } from './pages/ComplaintDetailPage';
import { ComplaintListPage, type WorkView } from './pages/ComplaintListPage';
import { FormPage } from './pages/FormPage';
import { RecapPage } from './pages/RecapPage';
import { SettingsPage } from './pages/SettingsPage';
import { SyncPage } from './pages/SyncPage';
import { SyncBadge } from './SyncBadge';
import { BackupBadge } from './backup/BackupBadge';
import { useSyncStatus } from './useSyncStatus';
import type { SyncStatus } from '../../forms/sync';
import { useHashRoute } from './router';
import { useWorkCounts, type WorkCounts } from './useWorkCounts';

export const WORK_VIEWS: { view: Exclude<keyof WorkCounts, 'usulan_arsip'>; label: string }[] = [
  { view: 'jatuh_tempo_hari_ini', label: 'Jatuh tempo hari ini' },
  { view: 'terlambat', label: 'Terlambat' },
  { view: 'menunggu_kelengkapan', label: 'Menunggu kelengkapan' },
  { view: 'perlu_verifikasi', label: 'Perlu verifikasi' },
];

const NAV: { href: string; label: string }[] = [
  { href: '/formulir/a', label: 'Formulir A' },
  { href: '/formulir/b', label: 'Formulir B' },
  { href: '/formulir/c', label: 'Formulir C' },
  { href: '/daftar', label: 'Daftar Pengaduan' },
  { href: '/rekap', label: 'Rekap' },
  { href: '/sinkronisasi', label: 'Sinkronisasi' },
  { href: '/pengaturan', label: 'Pengaturan' },
];

function Page({ route, sync }: { route: string; sync: SyncStatus | null }) {
  const form = /^\/formulir\/([abc])$/.exec(route)?.[1];
  if (form) return <FormPage key={form} form={form.toUpperCase() as 'A' | 'B' | 'C'} />;
  const detail = /^\/pengaduan\/([0-9a-f-]{36})$/.exec(route)?.[1];
  if (detail) return <ComplaintDetailPage key={detail} id={detail} />;
  if (route === '/pengaturan') return <SettingsPage />;
  const view = /^\/daftar\?view=([a-z_]+)$/.exec(route)?.[1];
  if (view) return <ComplaintListPage key={view} view={view as WorkView} />;
  if (route === '/rekap') return <RecapPage />;
  if (route === '/sinkronisasi') return <SyncPage status={sync} />;
  return <ComplaintListPage />;
}

export function App() {
  const route = useHashRoute();
  const counts = useWorkCounts();
  const sync = useSyncStatus();
  return (
    <div className="shell">
      <nav className="nav" aria-label="Menu utama">
        <div className="brand">Loket Aduan</div>
        <SyncBadge status={sync} />
        <BackupBadge />
        <ul>
          {NAV.map((n) => (
            <li key={n.href}>
              <a href={`#${n.href}`} aria-current={route === n.href || (n.href === '/daftar' && route.startsWith('/pengaduan/')) ? 'page' : undefined}>
                {n.label}
              </a>
              {n.href === '/daftar' ? (
                <ul className="subnav" aria-label="Tampilan kerja">
                  {WORK_VIEWS.map((w) => (
                    <li key={w.view}>
                      <a href={`#/daftar?view=${w.view}`} aria-current={route === `/daftar?view=${w.view}` ? 'page' : undefined}>
                        {w.label}
                        {counts ? (
                          <span className={`badge${w.view === 'terlambat' && counts[w.view] > 0 ? ' badge-late' : ''}`} data-testid={`badge-${w.view}`}>
                            {counts[w.view]}
                          </span>
                        ) : null}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </nav>
      <main className="main">
        <Page route={route} sync={sync} />
      </main>
    </div>
  );
}
