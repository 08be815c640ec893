import { lazy, Suspense } from 'react';
import { FormPage } from '../intake/FormPage';
import { SyncBadge } from '../sync/SyncBadge';
import { BackupBadge } from '../backup/BackupBadge';
import { useSyncStatus } from '../sync/useSyncStatus';
import type { SyncStatus } from '../../../forms/sync';
import { MENU_VIEWS, WORK_VIEWS, type WorkView } from '../../../forms/work-views';
import { useHashRoute } from './router';
import { useWorkCounts } from '../complaints/useWorkCounts';

// The forms are in the first bundle (a clerk opens the app at one and types at once); every other
// page is its own chunk, loaded when first opened, so the first bundle parses quickly.
const ComplaintDetailPage = lazy(() => import('../complaints/ComplaintDetailPage').then((m) => ({ default: m.ComplaintDetailPage })));
const ComplaintListPage = lazy(() => import('../complaints/ComplaintListPage').then((m) => ({ default: m.ComplaintListPage })));
const RecapPage = lazy(() => import('../recap/RecapPage').then((m) => ({ default: m.RecapPage })));
const SettingsPage = lazy(() => import('../settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const SyncPage = lazy(() => import('../sync/SyncPage').then((m) => ({ default: m.SyncPage })));

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
        <Suspense fallback={<p>Memuat…</p>}>
          <Page route={route} sync={sync} />
        </Suspense>
      </main>
    </div>
  );
}
