import { lazy, Suspense } from 'react';
import { FormPage } from '../intake/FormPage';
import { SyncBadge } from '../sync/SyncBadge';
import { BackupBadge } from '../backup/BackupBadge';
import { useSyncStatus } from '../sync/useSyncStatus';
import type { SyncStatus } from '../../../forms/sync';
import { MENU_VIEWS, WORK_VIEWS, type WorkView } from '../../../forms/work-views';
import { useHashRoute } from './router';
import { useWorkCounts } from '../complaints/useWorkCounts';
import { mayCall, type Method } from '../../../forms/api';
import { ROLE_LABELS } from '../../../forms/roles';
import { useAccount } from '../auth/AuthGate';
import { PasswordPage } from '../auth/PasswordPage';

// The forms are in the first bundle (a clerk opens the app at one and types at once); every other
// page is its own chunk, loaded when first opened, so the first bundle parses quickly.
const ComplaintDetailPage = lazy(() => import('../complaints/ComplaintDetailPage').then((m) => ({ default: m.ComplaintDetailPage })));
const ComplaintListPage = lazy(() => import('../complaints/ComplaintListPage').then((m) => ({ default: m.ComplaintListPage })));
const AuditPage = lazy(() => import('../audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const RecapPage = lazy(() => import('../recap/RecapPage').then((m) => ({ default: m.RecapPage })));
const SettingsPage = lazy(() => import('../settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const SyncPage = lazy(() => import('../sync/SyncPage').then((m) => ({ default: m.SyncPage })));

/** Each entry is shown to those the core lets call the method its screen needs (forms/api.ts `access`). */
const NAV: { href: string; label: string; needs: Method }[] = [
  { href: '/formulir/a', label: 'Formulir A', needs: 'complaints.create' },
  { href: '/formulir/b', label: 'Formulir B', needs: 'complaints.create' },
  { href: '/formulir/c', label: 'Formulir C', needs: 'complaints.create' },
  { href: '/daftar', label: 'Daftar Pengaduan', needs: 'complaints.list' },
  { href: '/rekap', label: 'Rekap', needs: 'recap.weekly' },
  { href: '/sinkronisasi', label: 'Sinkronisasi', needs: 'sync.overview' },
  { href: '/log-audit', label: 'Log audit', needs: 'audit.list' },
  { href: '/pengaturan', label: 'Pengaturan', needs: 'settings.save' },
];

/** A screen the person's roles do not open: said in place (the core would refuse its calls anyway). */
function NotAllowed({ label }: { label: string }) {
  return (
    <section>
      <h1>{label}</h1>
      <p className="error" role="alert">
        Anda tidak berhak membuka {label}.
      </p>
    </section>
  );
}

function Page({ route, sync, may }: { route: string; sync: SyncStatus | null; may: (m: Method) => boolean }) {
  const entry = NAV.find((n) => route === n.href || route.startsWith(`${n.href}?`) || (n.href === '/daftar' && route.startsWith('/pengaduan/')));
  if (entry && !may(entry.needs)) return <NotAllowed label={entry.label} />;
  const form = /^\/formulir\/([abc])$/.exec(route)?.[1];
  if (form) return <FormPage key={form} form={form.toUpperCase() as 'A' | 'B' | 'C'} />;
  const detail = /^\/pengaduan\/([0-9a-f-]{36})$/.exec(route)?.[1];
  if (detail) return <ComplaintDetailPage key={detail} id={detail} />;
  if (route === '/pengaturan') return <SettingsPage />;
  if (route === '/log-audit') return <AuditPage />;
  if (route === '/kata-sandi') return <PasswordPage />;
  const view = /^\/daftar\?view=([a-z_]+)$/.exec(route)?.[1];
  if (view && Object.hasOwn(WORK_VIEWS, view)) return <ComplaintListPage key={view} view={view as WorkView} />;
  if (route === '/rekap') return <RecapPage />;
  if (route === '/sinkronisasi') return <SyncPage status={sync} />;
  // The start screen: the list for those who read it, else the first screen the person may open.
  if (may('complaints.list')) return <ComplaintListPage />;
  const first = NAV.find((n) => may(n.needs));
  if (first?.href === '/log-audit') return <AuditPage />;
  if (first?.href === '/pengaturan') return <SettingsPage />;
  return <PasswordPage />;
}

/** Who is signed in, and their own actions: change password, lock the screen, sign out. */
function Who() {
  const { account, lock, signOut } = useAccount();
  return (
    <div className="who" data-testid="who">
      <span className="who-name">{account.name}</span>
      {account.roles.map((r) => ROLE_LABELS[r]).join(', ')}
      <div>
        <a href="#/kata-sandi" className="who-link">
          Ganti kata sandi
        </a>
        <button type="button" onClick={lock}>
          Kunci layar
        </button>
        <button type="button" onClick={signOut}>
          Keluar
        </button>
      </div>
    </div>
  );
}

export function App() {
  const route = useHashRoute();
  const counts = useWorkCounts();
  const sync = useSyncStatus();
  const { account } = useAccount();
  const may = (m: Method) => mayCall(m, account.roles);
  return (
    <div className="shell">
      <nav className="nav" aria-label="Menu utama">
        <div className="brand">Loket Aduan</div>
        <Who />
        <SyncBadge status={sync} />
        <BackupBadge />
        <ul>
          {NAV.filter((n) => may(n.needs)).map((n) => (
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
          <Page route={route} sync={sync} may={may} />
        </Suspense>
      </main>
    </div>
  );
}
