import { useEffect, useMemo, useState } from 'react';
import type { OutputOf } from '../../../forms/api';
import { formatDate, formatMonth, formatNumber, formatPercent } from '../../../forms/format';
import { describePeriod, periodFor, quarterContaining, quarterOf, semesterOf, weekOf, type Period } from '../../../forms/periods';
import type { PaperSize } from '../../../forms/print';
import { RECAP_KINDS, RECAPS, type PeriodShape, type RecapKind } from '../../../forms/recap';
import { drawTable, RECAP_LAYOUTS, tablesOf } from '../../../forms/recap-layouts';
import { isValidDate, toLocal, type TimeZone } from '../../../forms/time';
import { api } from '../app/api';
import { useLoad } from '../hooks/useLoad';
import { useSettingsLoad } from '../settings/useSettings';
import { InlineDateField } from '../ui/DateTimeInput';
import { base64ToBlobUrl } from '../ui/files';
import { Loaded, LoadedFrom, LoadFailure } from '../ui/Loaded';
import { PaperSelect, PdfPrintFrame, useAppInfo } from '../ui/printing';
import { BarChart } from './BarChart';
import { Head, RecapTables } from './RecapTables';

type Tab = RecapKind | 'indikator';
/** Each recap's tab and the period it needs, then the indicators. */
const TABS: { kind: Tab; label: string; shape: PeriodShape }[] = [
  ...RECAP_KINDS.map((kind) => ({ kind, label: RECAPS[kind].tab, shape: RECAPS[kind].period })),
  { kind: 'indikator', label: 'Indikator', shape: 'any' },
];

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

function Weekly({ period, tz }: { period: Period; tz: TimeZone }) {
  const weekly = useLoad('recap.weekly', period);
  const ind = useLoad('recap.indicators', period);
  const charts = (
    <>
      <LoadFailure load={ind} what="grafik" />
      {ind.data ? (
        <div className="recap-grid">
          <BarChart title="Pengaduan per minggu (12 minggu)" data={ind.data.weekly.map((w) => ({ label: formatDate(w.weekStart), value: w.received }))} />
          <BarChart title="Sarana pengaduan minggu ini" data={ind.data.channels.filter((c) => c.count > 0).map((c) => ({ label: c.label, value: c.count }))} />
        </div>
      ) : null}
    </>
  );
  return (
    <Loaded load={weekly} what="rekap mingguan">
      {(r) => <RecapTables blocks={RECAP_LAYOUTS.mingguan(r)} tz={tz} beforeLists={charts} />}
    </Loaded>
  );
}

function PeriodTables({ kind, period, tz }: { kind: 'rekapitulasi' | 'laporan_hasil'; period: Period; tz: TimeZone }) {
  // The Rekapitulasi needs only its counts; the results report reads every complaint of the period.
  // Keyed: a tab switch mounts the other loader afresh instead of showing it the first one's data.
  return kind === 'rekapitulasi' ? (
    <LoadedFrom key="summary" method="recap.summary" input={period} what="rekap">
      {(r) => <RecapTables blocks={RECAP_LAYOUTS.rekapitulasi(r)} tz={tz} />}
    </LoadedFrom>
  ) : (
    <LoadedFrom key="period" method="recap.period" input={period} what="rekap">
      {(r) => <RecapTables blocks={RECAP_LAYOUTS.laporan_hasil(r)} tz={tz} />}
    </LoadedFrom>
  );
}

/** The monitoring table with the supervisor's obstacles and plans typed in; its headings are those it prints with. */
function MonevEditor({ period }: { period: Period }) {
  const { year, quarter } = quarterContaining(period.from);
  const [status, setStatus] = useState<string | null>(null);
  return (
    <LoadedFrom method="monev.get" input={{ year, quarter }} what="monitoring dan evaluasi">
      {(m, set) => {
        const { head } = drawTable(tablesOf(RECAP_LAYOUTS.monev(m))[0]!, 'screen');
        const [, , obstacles, plan] = head[0]!.map((h) => h.text);
        const edit = (i: number, k: 'obstacles' | 'plan', v: string) => set({ ...m, rows: m.rows.map((r, j) => (j === i ? { ...r, [k]: v } : r)) });
        return (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void api.call('monev.save', m).then(
                (saved) => {
                  set(saved);
                  setStatus('Monitoring dan evaluasi tersimpan.');
                },
                (err: Error) => setStatus(err.message),
              );
            }}
          >
            <table className="recap wide">
              <Head rows={head} />
              <tbody>
                {m.rows.map((r, i) => (
                  <tr key={i}>
                    <td>{i + 1}</td>
                    <td>{r.activity}</td>
                    <td>
                      <textarea aria-label={`${obstacles} ${i + 1}`} rows={3} value={r.obstacles} onChange={(e) => edit(i, 'obstacles', e.target.value)} />
                    </td>
                    <td>
                      <textarea aria-label={`${plan} ${i + 1}`} rows={3} value={r.plan} onChange={(e) => edit(i, 'plan', e.target.value)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="submit">Simpan monev</button>
            <span role="status"> {status}</span>
          </form>
        );
      }}
    </LoadedFrom>
  );
}

function IndicatorView({ period }: { period: Period }) {
  return (
    <LoadedFrom method="recap.indicators" input={period} what="indikator">
      {(r) => <Indicators r={r} />}
    </LoadedFrom>
  );
}

function Indicators({ r }: { r: OutputOf<'recap.indicators'> }) {
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
  return (
    <Loaded load={useSettingsLoad()} what="pengaturan">
      {(settings) => <Recaps today={toLocal(new Date(), settings.timeZone).date} tz={settings.timeZone} />}
    </Loaded>
  );
}

function Recaps({ today, tz }: { today: string; tz: TimeZone }) {
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
        {tab === 'indikator' ? 'Indikator' : RECAPS[tab].title} — {describePeriod(period)}
      </h2>
      {/* Keyed: a file made for another recap or period is never offered under this one. */}
      {tab !== 'indikator' ? <Outputs key={`${tab}:${period.from}:${period.to}`} kind={tab} period={period} /> : null}
      {tab === 'mingguan' ? <Weekly period={period} tz={tz} /> : null}
      {tab === 'rekapitulasi' || tab === 'laporan_hasil' ? <PeriodTables kind={tab} period={period} tz={tz} /> : null}
      {tab === 'monev' ? <MonevEditor period={period} /> : null}
      {tab === 'indikator' ? <IndicatorView period={period} /> : null}
    </section>
  );
}
