import { useEffect, useMemo, useState } from 'react';
import type { OutputOf } from '../../../forms/api';
import { formatDate, formatDateTime, formatMonth, formatNumber, formatPercent } from '../../../forms/format';
import { describePeriod, periodFor, quarterOf, semesterOf, weekOf, type Period } from '../../../forms/periods';
import type { PaperSize } from '../../../forms/print';
import { nihil, RECAP_TITLES, type CountRow, type RecapKind } from '../../../forms/recap';
import { isValidDate, toLocal } from '../../../forms/time';
import { STATUS_LABELS } from '../../../forms/vocabulary';
import { api } from '../app/api';
import { BarChart } from './BarChart';
import { InlineDateField } from '../ui/DateTimeInput';
import { PaperSelect, PdfPrintFrame, useAppInfo } from '../complaints/PrintPanel';
import { base64ToBlobUrl } from '../ui/files';
import { useSettings } from '../settings/useSettings';

type Tab = RecapKind | 'indikator';
/** Each tab and the shape of period it needs (the weekly recap a week, monitoring a quarter). */
const TABS: { kind: Tab; label: string; shape: 'week' | 'quarter' | 'any' }[] = [
  { kind: 'mingguan', label: 'Rekap mingguan', shape: 'week' },
  { kind: 'rekapitulasi', label: 'Rekapitulasi', shape: 'any' },
  { kind: 'laporan_hasil', label: 'Laporan hasil', shape: 'any' },
  { kind: 'monev', label: 'Monitoring & evaluasi', shape: 'quarter' },
  { kind: 'indikator', label: 'Indikator', shape: 'any' },
];

function CountTable({ head, rows }: { head: string; rows: CountRow[] }) {
  const total = rows.reduce((a, r) => a + r.count, 0);
  return (
    <table className="recap">
      <thead>
        <tr>
          <th scope="col">No</th>
          <th scope="col">{head}</th>
          <th scope="col">Jumlah</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.key}>
            <td>{i + 1}</td>
            <td>{r.label}</td>
            <td>{nihil(r.count)}</td>
          </tr>
        ))}
        <tr className="total">
          <td></td>
          <td>Total</td>
          <td>{nihil(total)}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** PDF and XLSX of the recap on screen; the export reports its progress. */
function Outputs({ kind, period }: { kind: RecapKind; period: Period }) {
  const [paper, setPaper] = useState<PaperSize>('A4');
  const [link, setLink] = useState<{ url: string; filename: string; print?: boolean } | null>(null);
  const inBrowser = useAppInfo()?.host === 'browser';
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const download = (dataBase64: string, type: string, filename: string) => setLink({ url: base64ToBlobUrl(dataBase64, type), filename });
  const linkUrl = link?.url;
  useEffect(() => () => (linkUrl ? URL.revokeObjectURL(linkUrl) : undefined), [linkUrl]);
  const pdf = async () => {
    setFailure(null);
    try {
      const r = await api.call('recap.pdf', { kind, period, paper });
      setLink({ url: base64ToBlobUrl(r.dataBase64, 'application/pdf'), filename: r.filename, print: inBrowser });
    } catch (e) {
      setFailure(e instanceof Error ? e.message : 'Gagal membuat PDF.');
    }
  };
  const xlsx = async () => {
    setFailure(null);
    setProgress({ done: 0, total: 0 });
    try {
      const { jobId } = await api.call('recap.export.start', { kind, period, paper });
      for (;;) {
        const s = await api.call('recap.export.status', { jobId });
        setProgress({ done: s.done, total: s.total });
        if (s.state === 'failed') throw new Error(s.message ?? 'Ekspor gagal.');
        if (s.state === 'done') {
          download(s.dataBase64!, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', s.filename!);
          break;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    } catch (e) {
      setFailure(e instanceof Error ? e.message : 'Ekspor gagal.');
    } finally {
      setProgress(null);
    }
  };
  return (
    <div className="print-panel">
      <PaperSelect value={paper} onChange={setPaper} />
      <button type="button" onClick={() => void pdf()}>
        Cetak PDF
      </button>
      <button type="button" onClick={() => void xlsx()} disabled={!!progress}>
        Ekspor XLSX
      </button>
      {progress ? (
        <label>
          Mengekspor… <progress max={progress.total || 1} value={progress.done} aria-label="Kemajuan ekspor" /> {progress.done}/{progress.total}
        </label>
      ) : null}
      {failure ? <p className="error" role="alert">{failure}</p> : null}
      {link ? (
        <p role="status">
          Berkas siap:{' '}
          <a href={link.url} download={link.filename} data-testid="recap-file">
            {link.filename}
          </a>
        </p>
      ) : null}
      {link?.print ? <PdfPrintFrame key={link.url} url={link.url} onFailure={() => setLink({ ...link, print: false })} /> : null}
    </div>
  );
}

/** The same stretch of the calendar in another year (29 February becomes the 28th). */
function inYear(p: Period, year: number): Period {
  const move = (d: string, y: number) => (isValidDate(`${y}${d.slice(4)}`) ? `${y}${d.slice(4)}` : `${y}-02-28`);
  const span = Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4));
  return { from: move(p.from, year), to: move(p.to, year + span) };
}

function PeriodPicker({ kind, value, onChange }: { kind: Tab; value: Period; onChange: (p: Period) => void }) {
  const year = Number(value.from.slice(0, 4));
  if (kind === 'mingguan') {
    return (
      <InlineDateField label="Minggu yang memuat tanggal" required value={value.from} onChange={(d) => onChange(weekOf(d))} />
    );
  }
  return (
    <div className="period">
      <label>
        Tahun <input type="number" min={2000} max={2100} value={year} onChange={(e) => onChange(inYear(value, Number(e.target.value) || year))} />
      </label>
      {kind !== 'monev'
        ? ([1, 2] as const).map((s) => (
            <button key={s} type="button" className="secondary" onClick={() => onChange(semesterOf(year, s))}>
              Semester {s}
            </button>
          ))
        : null}
      {([1, 2, 3, 4] as const).map((q) => (
        <button key={q} type="button" className="secondary" onClick={() => onChange(quarterOf(year, q))}>
          TW {['I', 'II', 'III', 'IV'][q - 1]}
        </button>
      ))}
      {kind !== 'monev' ? (
        <>
          <InlineDateField label="Dari" required value={value.from} onChange={(from) => onChange({ ...value, from })} />
          <InlineDateField label="Sampai" required value={value.to} onChange={(to) => onChange({ ...value, to })} />
        </>
      ) : null}
    </div>
  );
}

function Weekly({ period }: { period: Period }) {
  const settings = useSettings();
  const [r, setR] = useState<OutputOf<'recap.weekly'> | null>(null);
  const [ind, setInd] = useState<OutputOf<'recap.indicators'> | null>(null);
  useEffect(() => {
    void api.call('recap.weekly', period).then(setR);
    void api.call('recap.indicators', period).then(setInd);
  }, [period]);
  if (!r) return <p>Memuat…</p>;
  const tz = settings?.timeZone ?? 'WIB';
  return (
    <>
      <table className="recap" aria-label="Ringkasan minggu">
        <thead>
          <tr>
            <th scope="col">Diterima</th>
            <th scope="col">Selesai</th>
            <th scope="col">Terlambat</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{nihil(r.received)}</td>
            <td>{nihil(r.finished)}</td>
            <td>{nihil(r.overdue)}</td>
          </tr>
        </tbody>
      </table>
      <div className="recap-grid">
        <CountTable head="Jenis pengaduan" rows={r.byJenis} />
        <CountTable head="Sarana pengaduan" rows={r.byChannel} />
        <CountTable head="Formulir" rows={r.byForm} />
        <CountTable head="Klasifikasi" rows={r.byClassification} />
        <CountTable head="Status pada akhir minggu" rows={r.byStatusAtEnd} />
      </div>
      {ind ? (
        <div className="recap-grid">
          <BarChart title="Pengaduan per minggu (12 minggu)" data={ind.weekly.map((w) => ({ label: formatDate(w.weekStart), value: w.received }))} />
          <BarChart title="Sarana pengaduan minggu ini" data={ind.channels.filter((c) => c.count > 0).map((c) => ({ label: c.label, value: c.count }))} />
        </div>
      ) : null}
      <h2>Daftar pengaduan dan tindak lanjutnya</h2>
      <table className="recap">
        <thead>
          <tr>
            <th scope="col">No</th>
            <th scope="col">Nomor registrasi</th>
            <th scope="col">Diterima</th>
            <th scope="col">Pelapor</th>
            <th scope="col">Masalah</th>
            <th scope="col">Status</th>
            <th scope="col">Tindak lanjut terakhir</th>
          </tr>
        </thead>
        <tbody>
          {r.items.length ? (
            r.items.map((i, n) => (
              <tr key={i.registrationNo}>
                <td>{n + 1}</td>
                <td>{i.registrationNo}</td>
                <td>{formatDateTime(i.receivedAt, tz)}</td>
                <td>{i.reporter}</td>
                <td>{i.summary}</td>
                <td>{STATUS_LABELS[i.statusAtEnd]}</td>
                <td>{i.followUp}</td>
              </tr>
            ))
          ) : (
            <tr>
              <td>1</td>
              <td colSpan={6}>nihil</td>
            </tr>
          )}
        </tbody>
      </table>
    </>
  );
}

function PeriodTables({ period, results }: { period: Period; results: boolean }) {
  const [r, setR] = useState<OutputOf<'recap.period'> | null>(null);
  useEffect(() => {
    void api.call('recap.period', period).then(setR);
  }, [period]);
  if (!r) return <p>Memuat…</p>;
  if (results) {
    const tick = (b: boolean) => (b ? '✓' : '');
    return (
      <table className="recap wide">
        <thead>
          <tr>
            <th scope="col">No urut</th>
            <th scope="col">No &amp; tanggal surat</th>
            <th scope="col">Pelapor &amp; terlapor</th>
            <th scope="col">Substansi</th>
            <th scope="col">Dalam proses</th>
            <th scope="col">Selesai: benar</th>
            <th scope="col">Selesai: tidak</th>
            <th scope="col">PP 53/2010</th>
            <th scope="col">TP/TGR</th>
            <th scope="col">Pidana</th>
            <th scope="col">Lain-lain</th>
            <th scope="col">Keterangan</th>
          </tr>
        </thead>
        <tbody>
          {r.results.length
            ? r.results.map((x) => (
                <tr key={x.registrationNo}>
                  <td>{x.no}</td>
                  <td>
                    {x.registrationNo}
                    <br />
                    {formatDate(x.receivedDate)}
                  </td>
                  <td>
                    {x.reporter}
                    <br />
                    Terlapor: {x.reportedParty}
                  </td>
                  <td>{x.substance}</td>
                  <td>{tick(x.status === 'proses')}</td>
                  <td>{tick(x.status === 'benar')}</td>
                  <td>{tick(x.status === 'tidak_benar')}</td>
                  <td>{tick(x.pp53)}</td>
                  <td>{tick(x.tpTgr)}</td>
                  <td>{tick(x.pidana)}</td>
                  <td>{tick(x.lainLain)}</td>
                  <td>{x.remarks}</td>
                </tr>
              ))
            : [1, 2, 3].map((n) => (
                <tr key={n}>
                  <td>{n}</td>
                  <td colSpan={10}></td>
                  <td>nihil</td>
                </tr>
              ))}
        </tbody>
      </table>
    );
  }
  return (
    <div className="recap-grid">
      <div>
        <h2>1. Berdasarkan Status Penanganan</h2>
        <CountTable head="Status Pengaduan" rows={[{ key: 's', label: 'Selesai ditangani', count: r.byStatus.finished }, { key: 'p', label: 'Dalam proses penanganan', count: r.byStatus.inProcess }]} />
      </div>
      <div>
        <h2>2. Berdasarkan Jenis Pengaduan</h2>
        <CountTable
          head="Jenis Pengaduan"
          rows={[
            { key: 'd', label: 'Berkadar Pengawasan (DarWas)', count: r.byType.darwas },
            { key: 'n', label: 'Tidak Berkadar Pengawasan (Non DarWas)', count: r.byType.nonDarwas },
            ...(r.byType.unverified ? [{ key: 'b', label: 'Belum diverifikasi', count: r.byType.unverified }] : []),
          ]}
        />
      </div>
      <div>
        <h2>3. Berdasarkan Sumber Pengaduan</h2>
        <table className="recap">
          <thead>
            <tr>
              <th scope="col">No</th>
              <th scope="col">Sumber Pengaduan</th>
              <th scope="col">Jumlah</th>
              <th scope="col">Keterangan</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>1</td>
              <td>Diterima dari KemenPANRB/TP5000/Instansi lain</td>
              <td>{nihil(r.bySource.fromAgencies)}</td>
              <td></td>
            </tr>
            <tr>
              <td>2</td>
              <td>Diterima langsung, lewat kanal pengaduan kantor</td>
              <td>{nihil(r.bySource.direct)}</td>
              <td>{r.bySource.directChannels.map((c, i) => `${i + 1}. ${c}`).join(' ')}</td>
            </tr>
            <tr className="total">
              <td></td>
              <td>Total Pengaduan</td>
              <td>{nihil(r.bySource.total)}</td>
              <td></td>
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}

function MonevEditor({ period }: { period: Period }) {
  const year = Number(period.from.slice(0, 4));
  const quarter = (Math.floor((Number(period.from.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4;
  const [m, setM] = useState<OutputOf<'monev.get'> | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    void api.call('monev.get', { year, quarter }).then(setM);
  }, [year, quarter]);
  if (!m) return <p>Memuat…</p>;
  const edit = (i: number, k: 'obstacles' | 'plan', v: string) => setM({ ...m, rows: m.rows.map((r, j) => (j === i ? { ...r, [k]: v } : r)) });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void api.call('monev.save', m).then(
          (saved) => {
            setM(saved);
            setStatus('Monitoring dan evaluasi tersimpan.');
          },
          (err: Error) => setStatus(err.message),
        );
      }}
    >
      <table className="recap wide">
        <thead>
          <tr>
            <th scope="col">No</th>
            <th scope="col">Kegiatan penanganan pengaduan</th>
            <th scope="col">Kendala</th>
            <th scope="col">Rencana tindak lanjut</th>
          </tr>
        </thead>
        <tbody>
          {m.rows.map((r, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>{r.activity}</td>
              <td>
                <textarea aria-label={`Kendala ${i + 1}`} rows={3} value={r.obstacles} onChange={(e) => edit(i, 'obstacles', e.target.value)} />
              </td>
              <td>
                <textarea aria-label={`Rencana tindak lanjut ${i + 1}`} rows={3} value={r.plan} onChange={(e) => edit(i, 'plan', e.target.value)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="submit">Simpan monev</button>
      <span role="status"> {status}</span>
    </form>
  );
}

function IndicatorView({ period }: { period: Period }) {
  const [r, setR] = useState<OutputOf<'recap.indicators'> | null>(null);
  useEffect(() => {
    void api.call('recap.indicators', period).then(setR);
  }, [period]);
  if (!r) return <p>Memuat…</p>;
  const target = r.rows[0]!;
  const monthlyTarget = target.targetReceived ? r.rows.at(-1)!.targetReceived / 12 : undefined;
  return (
    <>
      <table className="recap" aria-label="Indikator">
        <thead>
          <tr>
            <th scope="col">Periode</th>
            <th scope="col">Pengaduan diterima</th>
            <th scope="col">Target</th>
            <th scope="col">Selesai</th>
            <th scope="col">% selesai</th>
            <th scope="col">Target %</th>
          </tr>
        </thead>
        <tbody>
          {r.rows.map((y) => (
            <tr key={y.label}>
              <th scope="row">{y.label}</th>
              <td>{formatNumber(y.received)}</td>
              <td>{y.targetReceived ? formatNumber(y.targetReceived) : 'belum ditetapkan'}</td>
              <td>{formatNumber(y.finished)}</td>
              <td>{formatPercent(y.finishedPercent)}</td>
              <td>{formatPercent(y.targetFinishedPercent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {target.targetReceived && r.rows.length > 1 ? <p className="hint">Target periode: target tahunan dibagi menurut jumlah hari dalam periode.</p> : null}
      <div className="recap-grid">
        <BarChart title="Pengaduan diterima per bulan (garis: target)" data={r.monthly.map((m) => ({ label: formatMonth(m.month), value: m.received }))} target={monthlyTarget} />
        <BarChart title="Persentase selesai per bulan (garis: target)" unit="%" data={r.monthly.map((m) => ({ label: formatMonth(m.month), value: m.finishedPercent }))} target={target.targetFinishedPercent} />
      </div>
    </>
  );
}

const STORE_KEY = 'loket-aduan:rekap';

/**
 * The tab and the period chosen last. They outlive a tab change and leaving the page (kept for
 * the window's session), so the supervisor does not pick the same semester again on each recap.
 */
function useRecapChoice(today: string): [{ tab: Tab; chosen: Period }, (c: { tab: Tab; chosen: Period }) => void] {
  const [choice, setChoice] = useState<{ tab: Tab; chosen: Period }>(() => {
    try {
      const saved = JSON.parse(sessionStorage.getItem(STORE_KEY) ?? 'null') as { tab: Tab; chosen: Period } | null;
      if (saved && TABS.some((t) => t.kind === saved.tab) && /^\d{4}-\d{2}-\d{2}$/.test(saved.chosen?.from) && /^\d{4}-\d{2}-\d{2}$/.test(saved.chosen?.to)) return saved;
    } catch {
      // A damaged entry: start from this week.
    }
    return { tab: 'mingguan', chosen: weekOf(today) };
  });
  const save = (c: { tab: Tab; chosen: Period }) => {
    setChoice(c);
    sessionStorage.setItem(STORE_KEY, JSON.stringify(c));
  };
  return [choice, save];
}

export function RecapPage() {
  const settings = useSettings();
  if (!settings) return <p>Memuat…</p>;
  return <Recaps today={toLocal(new Date(), settings.timeZone).date} />;
}

function Recaps({ today }: { today: string }) {
  const [{ tab, chosen }, setChoice] = useRecapChoice(today);
  const shape = TABS.find((t) => t.kind === tab)!.shape;
  // One period object per choice, so the tables below do not fetch again on every render.
  const period = useMemo(() => periodFor(shape, chosen, today), [shape, chosen.from, chosen.to, today]);
  return (
    <section>
      <h1>Rekap</h1>
      <div className="actions" role="tablist" aria-label="Jenis rekap">
        {TABS.map((t) => (
          <button key={t.kind} type="button" role="tab" aria-selected={tab === t.kind} className={tab === t.kind ? '' : 'secondary'} onClick={() => setChoice({ tab: t.kind, chosen })}>
            {t.label}
          </button>
        ))}
      </div>
      <PeriodPicker kind={tab} value={period} onChange={(p) => setChoice({ tab, chosen: p })} />
      <h2>
        {tab === 'indikator' ? 'Indikator' : RECAP_TITLES[tab]} — {describePeriod(period)}
      </h2>
      {/* Keyed: a file made for another recap or period is never offered under this one. */}
      {tab !== 'indikator' ? <Outputs key={`${tab}:${period.from}:${period.to}`} kind={tab} period={period} /> : null}
      {tab === 'mingguan' ? <Weekly period={period} /> : null}
      {tab === 'rekapitulasi' ? <PeriodTables period={period} results={false} /> : null}
      {tab === 'laporan_hasil' ? <PeriodTables period={period} results /> : null}
      {tab === 'monev' ? <MonevEditor period={period} /> : null}
      {tab === 'indikator' ? <IndicatorView period={period} /> : null}
    </section>
  );
}
