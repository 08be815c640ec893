import { ComplaintDetailPage } from '../complaints/ComplaintDetailPage';
import { ComplaintListPage } from '../complaints/ComplaintListPage';
import { FormPage } from '../intake/FormPage';
import { RecapPage } from '../recap/RecapPage';
import { SettingsPage } from '../settings/SettingsPage';
import { SyncPage } from '../sync/SyncPage';
import { SyncBadge } from '../sync/SyncBadge';
import { BackupBadge } from '../backup/BackupBadge';
import { useSyncStatus } from '../sync/useSyncStatus';
import type { SyncStatus } from '../../../forms/sync';
import { MENU_VIEWS, WORK_VIEWS, type WorkView } from '../../../forms/work-views';
import { useHashRoute } from './router';
import { useWorkCounts } from '../complaints/useWorkCounts';

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
  if (view && Object.hasOwn(WORK_VIEWS, view)) return <ComplaintListPage key={view} view={view as WorkView} />;
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
                  {MENU_VIEWS.map((view) => (
                    <li key={view}>
                      <a href={`#/daftar?view=${view}`} aria-current={route === `/daftar?view=${view}` ? 'page' : undefined}>
                        {WORK_VIEWS[view].label}
                        {counts ? (
                          <span className={`badge${view === 'terlambat' && counts[view] > 0 ? ' badge-late' : ''}`} data-testid={`badge-${view}`}>
                            {counts[view]}
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
