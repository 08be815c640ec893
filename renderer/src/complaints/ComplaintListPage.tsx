import { useVirtualizer } from '@tanstack/react-virtual';
import { Options } from '../ui/Options';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { InputOf } from '../../../forms/api';
import type { ComplaintListItem, ListSort } from '../../../forms/complaint';
import { formatDateTime, formatNumber } from '../../../forms/format';
import { CHANNEL_LABELS, CHANNELS, FORM_KINDS, STATUS_LABELS, type Channel, type FormKind } from '../../../forms/vocabulary';
import { WORK_VIEWS, type WorkView } from '../../../forms/work-views';
import { api } from '../app/api';
import { InlineDateField } from '../ui/DateTimeInput';
import { useSettings } from '../settings/useSettings';
import { SubmitForm } from '../ui/SubmitForm';

const PAGE = 100;
const ROW_PX = 44;

const SORTS: Record<ListSort, string> = {
  received_desc: 'Diterima (terbaru dulu)',
  received_asc: 'Diterima (terlama dulu)',
  registration_desc: 'Nomor registrasi (menurun)',
  registration_asc: 'Nomor registrasi (menaik)',
};

interface Filters {
  q: string;
  form: FormKind | '';
  channel: Channel | '';
  from: string;
  to: string;
  sort: ListSort;
}

const EMPTY: Filters = { q: '', form: '', channel: '', from: '', to: '', sort: 'received_desc' };

/**
 * The list loads only the pages the officer scrolls to and renders only the visible rows, so it
 * stays quick at 100k complaints.
 */
export function ComplaintListPage({ view }: { view?: WorkView }) {
  const settings = useSettings();
  const tz = settings?.timeZone ?? 'WIB';
  const now = new Date().toISOString();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [total, setTotal] = useState<number | null>(null);
  /** A search with more matches than the core counts: rows known so far, and where the list ends once a short page shows it. */
  const [capped, setCapped] = useState(false);
  const [known, setKnown] = useState(0);
  const [end, setEnd] = useState<number | null>(null);
  const [pages, setPages] = useState<Map<number, ComplaintListItem[]>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const scroller = useRef<HTMLDivElement>(null);

  const query = useCallback(
    (offset: number): InputOf<'complaints.list'> => ({
      limit: PAGE,
      offset,
      q: filters.q || null,
      form: filters.form || null,
      channel: filters.channel || null,
      from: filters.from || null,
      to: filters.to || null,
      sort: filters.sort,
      view: view ?? null,
    }),
    [filters, view],
  );

  const loadPage = useCallback(
    (page: number) => {
      if (loading.current.has(page)) return;
      loading.current.add(page);
      const gen = generation.current;
      api.call('complaints.list', query(page * PAGE)).then(
        (res) => {
          if (gen !== generation.current) return;
          setTotal(res.total);
          setCapped(res.totalCapped);
          setKnown((k) => Math.max(k, page * PAGE + res.items.length));
          if (res.items.length < PAGE) setEnd(page * PAGE + res.items.length);
          setPages((m) => new Map(m).set(page, res.items));
        },
        (e: Error) => setFailure(e.message),
      );
    },
    [query],
  );

  useEffect(() => {
    generation.current++;
    loading.current = new Set();
    setPages(new Map());
    setTotal(null);
    setCapped(false);
    setKnown(0);
    setEnd(null);
    setFailure(null);
    scroller.current?.scrollTo({ top: 0 });
    loadPage(0);
  }, [loadPage]);

  // Past the counted matches the list grows a page at a time as it is scrolled, until a short page.
  const rows = total === null ? 0 : !capped ? total : (end ?? Math.max(total, known) + PAGE);
  const virtualizer = useVirtualizer({ count: rows, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    for (const v of items) {
      const page = Math.floor(v.index / PAGE);
      if (!pages.has(page)) loadPage(page);
    }
  }, [items, pages, loadPage]);

  const rowAt = useMemo(() => (index: number) => pages.get(Math.floor(index / PAGE))?.[index % PAGE], [pages]);
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  return (
    <section className="list-page">
      <h1>{view ? `Daftar Pengaduan — ${WORK_VIEWS[view].label}` : 'Daftar Pengaduan'}</h1>
      <SubmitForm
        className="filters"
        role="search"
        onSubmit={() => setFilters(draft)}
      >
        <label>
          Cari
          <input type="search" value={draft.q} onChange={set('q')} placeholder="masalah, uraian, pelapor, nomor registrasi" />
        </label>
        <label>
          Formulir
          <select value={draft.form} onChange={set('form')}>
            <option value="">Semua</option>
            {FORM_KINDS.map((f) => (
              <option key={f} value={f}>
                Formulir {f}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sarana
          <select value={draft.channel} onChange={set('channel')}>
            <Options values={CHANNELS} labels={CHANNEL_LABELS} empty="Semua" />
          </select>
        </label>
        <InlineDateField label="Dari tanggal" value={draft.from} onChange={(from) => setDraft((d) => ({ ...d, from }))} />
        <InlineDateField label="Sampai tanggal" value={draft.to} onChange={(to) => setDraft((d) => ({ ...d, to }))} />
        <label>
          Urutkan
          <select
            value={draft.sort}
            onChange={(e) => {
              // Sorting applies at once; the other filters wait for Terapkan.
              const sort = e.target.value as ListSort;
              setDraft((d) => ({ ...d, sort }));
              setFilters((f) => ({ ...f, sort }));
            }}
          >
            {Object.entries(SORTS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <div className="filter-actions">
          <button type="submit">Terapkan</button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDraft(EMPTY);
              setFilters(EMPTY);
            }}
          >
            Atur ulang
          </button>
        </div>
      </SubmitForm>
      {failure ? <p className="error" role="alert">{failure}</p> : null}
      <p aria-live="polite" data-testid="list-total">
        {total === null ? 'Memuat…' : `${capped ? 'lebih dari ' : ''}${formatNumber(total)} pengaduan`}
      </p>
      {total === 0 ? (
        <p>{filters === EMPTY ? 'Belum ada pengaduan. Catat pengaduan baru melalui Formulir A, B atau C.' : 'Tidak ada pengaduan yang cocok.'}</p>
      ) : (
        <div className="vtable" role="table" aria-label="Daftar pengaduan" aria-rowcount={capped && end === null ? -1 : rows + 1}>
          <div className="vrow vhead" role="row">
            {['Nomor registrasi', 'Diterima', 'Formulir', 'Sarana', 'Pelapor', 'Masalah', 'Status', 'Tenggat berikut'].map((h) => (
              <div key={h} role="columnheader">
                {h}
              </div>
            ))}
          </div>
          <div ref={scroller} className="vbody" role="rowgroup">
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((v) => {
                const c = rowAt(v.index);
                return (
                  <div key={v.key} className="vrow" role="row" aria-rowindex={v.index + 2} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_PX, transform: `translateY(${v.start}px)` }}>
                    {c ? (
                      <>
                        <div role="cell">
                          <a href={`#/pengaduan/${c.id}`}>{c.registrationNo}</a>
                        </div>
                        <div role="cell">{formatDateTime(c.receivedAt, tz)}</div>
                        <div role="cell">{c.form}</div>
                        <div role="cell">{CHANNEL_LABELS[c.channel]}</div>
                        <div role="cell">{c.reporter}</div>
                        <div role="cell" className="clip" title={c.summary}>
                          {c.summary}
                        </div>
                        <div role="cell">{STATUS_LABELS[c.status]}</div>
                        <div role="cell" className={c.nextDueAt && c.nextDueAt < now ? 'late' : undefined}>
                          {c.nextDueAt ? formatDateTime(c.nextDueAt, tz) : '—'}
                        </div>
                      </>
                    ) : (
                      <div role="cell">…</div>
                    )}
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
