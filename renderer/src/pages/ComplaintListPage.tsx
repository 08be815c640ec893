import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../forms/api';
import { formatInstant } from '../../../forms/time';
import { CHANNEL_LABELS, STATUS_LABELS } from '../../../forms/vocabulary';
import { api } from '../api';
import { useSettings } from '../useSettings';

const PAGE = 50;

export function ComplaintListPage() {
  const settings = useSettings();
  const [page, setPage] = useState(0);
  const [data, setData] = useState<OutputOf<'complaints.list'> | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    api.call('complaints.list', { limit: PAGE, offset: page * PAGE }).then(setData, (e: Error) => setFailure(e.message));
  }, [page]);

  const tz = settings?.timeZone ?? 'WIB';
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE)) : 1;
  return (
    <section>
      <h1>Daftar Pengaduan</h1>
      {failure ? <p className="error" role="alert">{failure}</p> : null}
      {data ? <p>{data.total.toLocaleString('id-ID')} pengaduan</p> : <p>Memuat…</p>}
      {data && data.items.length > 0 ? (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Nomor registrasi</th>
              <th scope="col">Diterima</th>
              <th scope="col">Formulir</th>
              <th scope="col">Sarana</th>
              <th scope="col">Pelapor</th>
              <th scope="col">Masalah</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((c) => (
              <tr key={c.id}>
                <td>{c.registrationNo}</td>
                <td>{formatInstant(c.receivedAt, tz)}</td>
                <td>{c.form}</td>
                <td>{CHANNEL_LABELS[c.channel]}</td>
                <td>{c.reporter}</td>
                <td>{c.summary}</td>
                <td>{STATUS_LABELS[c.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : data ? (
        <p>Belum ada pengaduan. Catat pengaduan baru melalui Formulir A, B atau C.</p>
      ) : null}
      {data && data.total > PAGE ? (
        <div className="pager">
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Sebelumnya
          </button>
          <span>
            Halaman {page + 1} dari {pages}
          </span>
          <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            Berikutnya
          </button>
        </div>
      ) : null}
    </section>
  );
}
