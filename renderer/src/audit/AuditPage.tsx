// *Log audit* (admin, pemeriksa): the audit rows filtered by person, date and kind of activity,
// newest first, exported to XLSX with the same filters; and whether the hash chain is intact.
import { useState } from 'react';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, detailText, verificationText, type AuditAction } from '../../../forms/audit';
import { formatDateTime } from '../../../forms/format';
import { api } from '../app/api';
import { useLoad } from '../hooks/useLoad';
import { useSettings } from '../settings/useSettings';
import { InlineDateField } from '../ui/DateTimeInput';
import { base64ToBlobUrl } from '../ui/files';
import { Loaded } from '../ui/Loaded';

const PAGE = 100;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function AuditPage() {
  const [filter, setFilter] = useState({ accountId: '', action: '' as AuditAction | '', from: '', to: '' });
  const [offset, setOffset] = useState(0);
  const query = { accountId: filter.accountId || null, action: filter.action, from: filter.from, to: filter.to };
  const load = useLoad('audit.list', { ...query, limit: PAGE, offset });
  const tz = useSettings()?.timeZone ?? 'WIB';
  const [status, setStatus] = useState<string | null>(null);
  const [link, setLink] = useState<{ url: string; filename: string } | null>(null);
  const change = (patch: Partial<typeof filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setOffset(0);
    setLink(null);
  };
  const exportXlsx = async () => {
    setStatus('Menyiapkan berkas…');
    try {
      const r = await api.call('audit.export', query);
      setLink({ url: base64ToBlobUrl(r.dataBase64, XLSX), filename: r.filename });
      setStatus(`${r.rows} baris siap diunduh.`);
    } catch (e) {
      setStatus(e instanceof Error ? e.message : 'Ekspor gagal.');
    }
  };
  const verify = async () => {
    try {
      setStatus(verificationText(await api.call('audit.verify', {})));
    } catch (e) {
      setStatus(e instanceof Error ? e.message : 'Pemeriksaan gagal.');
    }
  };
  return (
    <section>
      <h1>Log audit</h1>
      <p className="subtitle">Setiap masuk, keluar, kunci layar, perubahan data, serta setiap kali identitas pelapor rahasia atau anonim dilihat, dicetak atau diekspor.</p>
      <div className="filters" role="search">
        <label>
          Pengguna
          <select value={filter.accountId} onChange={(e) => change({ accountId: e.target.value })}>
            <option value="">Semua pengguna</option>
            {(load.data?.people ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <InlineDateField label="Dari tanggal" value={filter.from} onChange={(from) => change({ from })} />
        <InlineDateField label="Sampai tanggal" value={filter.to} onChange={(to) => change({ to })} />
        <label>
          Kegiatan
          <select value={filter.action} onChange={(e) => change({ action: e.target.value as AuditAction | '' })}>
            <option value="">Semua kegiatan</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {AUDIT_ACTION_LABELS[a]}
              </option>
            ))}
          </select>
        </label>
        <div className="filter-actions">
          <button type="button" onClick={() => void exportXlsx()}>
            Ekspor XLSX
          </button>
          <button type="button" className="secondary" onClick={() => void verify()}>
            Periksa keutuhan
          </button>
        </div>
      </div>
      <div role="status" aria-live="polite">
        {status}{' '}
        {link ? (
          <a href={link.url} download={link.filename} data-testid="audit-file">
            Unduh {link.filename}
          </a>
        ) : null}
      </div>
      <Loaded load={load} what="log audit">
        {({ items, total }) => (
          <>
            <table className="list">
              <thead>
                <tr>
                  <th>No</th>
                  <th>Waktu</th>
                  <th>Pengguna</th>
                  <th>Kegiatan</th>
                  <th>Perintah</th>
                  <th>Objek</th>
                  <th>Hasil</th>
                  <th>Keterangan</th>
                </tr>
              </thead>
              <tbody>
                {items.map((r) => (
                  <tr key={r.seq}>
                    <td>{r.seq}</td>
                    <td>{formatDateTime(r.at, tz)}</td>
                    <td>{r.accountName}</td>
                    <td>{AUDIT_ACTION_LABELS[r.action]}</td>
                    <td>{r.method ?? ''}</td>
                    <td>{r.object ?? ''}</td>
                    <td>{r.outcome}</td>
                    <td>{detailText(r.detail)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="pager">
              <span>
                {total === 0 ? 'Tidak ada baris.' : `Baris ${offset + 1}–${offset + items.length} dari ${total}`}
              </span>
              <button type="button" className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                Sebelumnya
              </button>
              <button type="button" className="secondary" disabled={offset + items.length >= total} onClick={() => setOffset(offset + PAGE)}>
                Berikutnya
              </button>
            </div>
          </>
        )}
      </Loaded>
    </section>
  );
}
