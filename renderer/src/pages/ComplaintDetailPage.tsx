import { useEffect, useState } from 'react';
import type { ComplaintDetail } from '../../../forms/complaint';
import { formatSize } from '../../../forms/attachments';
import { formatPhone } from '../../../forms/phone';
import { formatHariTanggal, formatInstant, toLocal } from '../../../forms/time';
import { CHANNEL_LABELS, FORM_TITLES, GENDER_LABELS, STATUS_LABELS } from '../../../forms/vocabulary';
import { api } from '../api';
import { base64ToBlobUrl } from '../files';
import { PrintPanel } from '../PrintPanel';
import { useSettings } from '../useSettings';

const EVENT_LABELS: Record<string, string> = { created: 'Dicatat' };

function AttachmentLink({ a }: { a: ComplaintDetail['attachments'][number] }) {
  const [url, setUrl] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  const open = async () => {
    try {
      const res = await api.call('attachments.get', { sha256: a.sha256 });
      setUrl(base64ToBlobUrl(res.dataBase64, res.contentType));
    } catch (e) {
      setFailure(e instanceof Error ? e.message : 'Gagal membuka lampiran.');
    }
  };
  return (
    <li>
      {a.filename} ({formatSize(a.size)}){' '}
      <button type="button" className="secondary" onClick={() => void open()}>
        Lihat
      </button>
      {failure ? <span className="error"> {failure}</span> : null}
      {url ? (
        a.contentType.startsWith('image/') ? (
          <img className="preview" src={url} alt={`Lampiran ${a.filename}`} />
        ) : (
          <iframe className="preview" src={url} title={`Lampiran ${a.filename}`} />
        )
      ) : null}
    </li>
  );
}

export function ComplaintDetailPage({ id }: { id: string }) {
  const settings = useSettings();
  const tz = settings?.timeZone ?? 'WIB';
  const [c, setC] = useState<ComplaintDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    api.call('complaints.get', { id }).then(setC, (e: Error) => setFailure(e.message));
  }, [id]);

  if (failure) return <p className="error" role="alert">{failure}</p>;
  if (!c) return <p>Memuat…</p>;
  const local = toLocal(c.receivedAt, tz);
  const rows: [string, string | null][] = [
    ['Nomor registrasi', c.registrationNo],
    ['Formulir', `${c.form} — ${FORM_TITLES[c.form]}`],
    ['Sarana pengaduan', CHANNEL_LABELS[c.channel]],
    ['Waktu pengaduan', `${formatHariTanggal(local.date)}, ${local.time.replace(':', '.')} ${tz}`],
    ['Tanggal pada slip', c.slipDate ? formatHariTanggal(c.slipDate) : null],
    ['Dicatat', formatInstant(c.createdAt, tz)],
    ['Status', STATUS_LABELS[c.status]],
    ['Nama pelapor', c.reporterName],
    ['Institusi/Instansi', c.reporterInstitution],
    ['Alamat', c.reporterAddress],
    ['Jenis kelamin', c.reporterGender ? GENDER_LABELS[c.reporterGender] : null],
    ['Telepon', c.reporterPhone ? formatPhone(c.reporterPhone) : null],
    ['Email', c.reporterEmail],
    ['Masalah pengaduan', c.problem],
    [c.form === 'A' ? 'Uraian pengaduan' : c.form === 'B' ? 'Isi pengaduan' : 'Materi pengaduan', c.content],
    ['Penyelesaian', c.resolution],
    ['Petugas penerima', c.officer],
  ];
  return (
    <section>
      <h1>Pengaduan {c.registrationNo}</h1>
      {c.anonymous || c.confidential ? (
        <p className="protected" role="note">
          {c.anonymous ? 'Anonim' : null}
          {c.anonymous && c.confidential ? ' · ' : null}
          {c.confidential ? 'Rahasia' : null}: identitas pelapor hanya untuk petugas yang menangani; di daftar, rekap dan ekspor tertulis “Dirahasiakan”.
        </p>
      ) : null}
      <dl className="detail">
        {rows
          .filter(([, v]) => v !== null && v !== '')
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      <h2>Lampiran</h2>
      {c.attachments.length ? (
        <ul className="files">
          {c.attachments.map((a) => (
            <AttachmentLink key={a.sha256} a={a} />
          ))}
        </ul>
      ) : (
        <p>Tidak ada lampiran.</p>
      )}
      <h2>Riwayat</h2>
      <ol className="history">
        {c.events.map((e) => (
          <li key={e.seq}>
            {formatInstant(e.at, tz)} — {EVENT_LABELS[e.type] ?? e.type}
            {e.actor ? ` oleh ${e.actor}` : ''}
            {e.note ? `: ${e.note}` : ''}
          </li>
        ))}
      </ol>
      <h2>Cetak</h2>
      <PrintPanel id={c.id} />
    </section>
  );
}
