import { useEffect, useState } from 'react';
import type { ComplaintDetail } from '../../../forms/complaint';
import { formatSize } from '../../../forms/attachments';
import { formatPhone } from '../../../forms/phone';
import { formatDateTime, formatHariTanggal, formatTime } from '../../../forms/format';
import { stepsTaken } from '../../../forms/print';
import { toLocal } from '../../../forms/time';
import { DEADLINE_LABELS } from '../../../forms/deadlines';
import { describeEvent, eventLabel } from '../../../forms/history';
import { FIELD_LABELS } from '../../../forms/complaint';
import type { TimeZone } from '../../../forms/time';
import { ActionPanel } from './ActionPanel';
import { CorrectionPanel, SyncPanel } from '../sync/SyncPanel';
import { announceChange } from '../app/changes';
import { LoadedFrom } from '../ui/Loaded';
import {
  CHANNEL_LABELS,
  CLASSIFICATION_LABELS,
  FORM_TITLES,
  GENDER_LABELS,
  JENIS_LABELS,
  OUTCOME_LABELS,
  SANCTION_LABELS,
  SATISFACTION_LABELS,
  STATUS_LABELS,
} from '../../../forms/vocabulary';
import { api } from '../app/api';
import { base64ToBlobUrl } from '../ui/files';
import { PrintPanel } from './PrintPanel';
import { useSettings } from '../settings/useSettings';

function Deadlines({ c, tz }: { c: ComplaintDetail; tz: TimeZone }) {
  if (c.deadlines.length === 0) return null;
  return (
    <table className="deadlines" aria-label="Tenggat">
      <thead>
        <tr>
          <th scope="col">Tenggat</th>
          <th scope="col">Aturan</th>
          <th scope="col">Batas waktu</th>
          <th scope="col">Keadaan</th>
        </tr>
      </thead>
      <tbody>
        {c.deadlines.map((d) => (
          <tr key={d.kind} className={!d.metAt && d.workingDaysLeft < 0 ? 'late' : undefined}>
            <td>{DEADLINE_LABELS[d.kind]}</td>
            <td>{d.rule}</td>
            <td>{formatDateTime(d.dueAt, tz)}</td>
            <td>
              {d.metAt
                ? `Terpenuhi ${formatDateTime(d.metAt, tz)}${d.metAt > d.dueAt ? ' (terlambat)' : ''}`
                : d.proposeArchive
                  ? 'Terlambat — diusulkan untuk diarsipkan (perlu keputusan petugas)'
                  : d.workingDaysLeft < 0
                    ? `Terlambat ${-d.workingDaysLeft} hari kerja`
                    : d.workingDaysLeft === 0
                      ? 'Jatuh tempo hari ini'
                      : `Sisa ${d.workingDaysLeft} hari kerja`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

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
  return (
    <LoadedFrom method="complaints.get" input={{ id }} what="pengaduan">
      {(c, setC) => <Detail c={c} setC={setC} />}
    </LoadedFrom>
  );
}

function Detail({ c, setC }: { c: ComplaintDetail; setC: (c: ComplaintDetail) => void }) {
  const settings = useSettings();
  const tz = settings?.timeZone ?? 'WIB';
  const local = toLocal(c.receivedAt, tz);
  const rows: [string, string | null][] = [
    ['Nomor registrasi', c.registrationNo],
    ['Formulir', `${c.form} — ${FORM_TITLES[c.form]}`],
    ['Sarana pengaduan', CHANNEL_LABELS[c.channel]],
    ['Waktu pengaduan', `${formatHariTanggal(local.date)}, ${formatTime(local.time)} ${tz}`],
    ['Tanggal pada slip', c.slipDate ? formatHariTanggal(c.slipDate) : null],
    ['Dicatat', formatDateTime(c.createdAt, tz)],
    ['Status', STATUS_LABELS[c.status]],
    ['Klasifikasi', c.classification ? CLASSIFICATION_LABELS[c.classification] : null],
    ['Jenis pengaduan', c.jenis ? JENIS_LABELS[c.jenis] : null],
    ['DarWas / Non-DarWas', c.darwas === null ? null : c.darwas ? 'Berkadar pengawasan (DarWas)' : 'Tidak berkadar pengawasan (Non-DarWas)'],
    ['Kategori', c.category],
    ['Hasil', c.outcome ? OUTCOME_LABELS[c.outcome] : null],
    ['Sanksi', c.sanctions.length ? c.sanctions.map((x) => SANCTION_LABELS[x]).join(', ') : null],
    ['Kepuasan pelapor', c.satisfaction ? SATISFACTION_LABELS[c.satisfaction] : null],
    ['Nama pelapor', c.reporterName],
    ['Institusi/Instansi', c.reporterInstitution],
    ['Alamat', c.reporterAddress],
    ['Jenis kelamin', c.reporterGender ? GENDER_LABELS[c.reporterGender] : null],
    ['Telepon', c.reporterPhone ? formatPhone(c.reporterPhone) : null],
    ['Email', c.reporterEmail],
    ['Masalah pengaduan', c.problem],
    [FIELD_LABELS[c.form].content, c.content],
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
      <h2>Tenggat</h2>
      <Deadlines c={c} tz={tz} />
      <h2>Tindakan</h2>
      <ActionPanel c={c} categories={settings?.categories ?? []} onChange={(next) => { setC(next); announceChange(); }} />
      <h2>SP4N-LAPOR!</h2>
      <SyncPanel c={c} tz={tz} onChange={(next) => setC(next)} />
      <CorrectionPanel key={`correction-${c.version}`} c={c} onSaved={(next) => { setC(next); announceChange(); }} />
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
            {formatDateTime(e.at, tz)} — {eventLabel(e)}
            {e.actor ? ` oleh ${e.actor}` : ''}
            {describeEvent(e) ? ` — ${describeEvent(e)}` : ''}
            {e.note ? `. Catatan: ${e.note}` : ''}
          </li>
        ))}
      </ol>
      <h2>Cetak</h2>
      <PrintPanel key={c.version} id={c.id} eventTypes={stepsTaken(c.events)} />
    </section>
  );
}
