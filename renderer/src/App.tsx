import { ComplaintDetailPage } from './pages/ComplaintDetailPage';
import { ComplaintListPage } from './pages/ComplaintListPage';
import { FormPage } from './pages/FormPage';
import { NotYetPage } from './pages/NotYetPage';
import { SettingsPage } from './pages/SettingsPage';
import { useHashRoute } from './router';

const NAV: { href: string; label: string }[] = [
  { href: '/formulir/a', label: 'Formulir A' },
  { href: '/formulir/b', label: 'Formulir B' },
  { href: '/formulir/c', label: 'Formulir C' },
  { href: '/daftar', label: 'Daftar Pengaduan' },
  { href: '/rekap', label: 'Rekap' },
  { href: '/sinkronisasi', label: 'Sinkronisasi' },
  { href: '/pengaturan', label: 'Pengaturan' },
];

function Page({ route }: { route: string }) {
  const form = /^\/formulir\/([abc])$/.exec(route)?.[1];
  if (form) return <FormPage key={form} form={form.toUpperCase() as 'A' | 'B' | 'C'} />;
  const detail = /^\/pengaduan\/([0-9a-f-]{36})$/.exec(route)?.[1];
  if (detail) return <ComplaintDetailPage key={detail} id={detail} />;
  if (route === '/pengaturan') return <SettingsPage />;
  if (route === '/rekap') return <NotYetPage title="Rekap" />;
  if (route === '/sinkronisasi') return <NotYetPage title="Sinkronisasi" />;
  return <ComplaintListPage />;
}

export function App() {
  const route = useHashRoute();
  return (
    <div className="shell">
      <nav className="nav" aria-label="Menu utama">
        <div className="brand">Loket Aduan</div>
        <ul>
          {NAV.map((n) => (
            <li key={n.href}>
              <a href={`#${n.href}`} aria-current={route === n.href || (n.href === '/daftar' && route.startsWith('/pengaduan/')) ? 'page' : undefined}>
                {n.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="main">
        <Page route={route} />
      </main>
    </div>
  );
}
