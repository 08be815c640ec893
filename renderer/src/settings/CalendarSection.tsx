import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError, type OutputOf } from '../../../forms/api';
import { HOLIDAY_KIND_LABELS, HOLIDAY_KINDS, HOLIDAY_SOURCE_LABELS, HOLIDAY_STATUS_LABELS, HOLIDAY_STATUSES, holidayInput, type HolidayInput } from '../../../forms/calendar';
import { formatHariTanggal } from '../../../forms/format';
import { api } from '../app/api';
import { DateTimeField } from '../ui/DateTimeInput';
import { Field } from '../ui/Field';
import { formErrors } from '../ui/failure';
import { Options } from '../ui/Options';
import { announceChange } from '../app/changes';
import { LoadedFrom } from '../ui/Loaded';

type View = OutputOf<'calendar.get'>;

/** Kalender hari kerja: shipped holidays, corrections, cuti bersama, imports; years still missing. */
export function CalendarSection() {
  return (
    <LoadedFrom method="calendar.get" input={{}} what="kalender hari kerja">
      {(view, show) => <Calendar view={view} show={show} />}
    </LoadedFrom>
  );
}

function Calendar({ view, show }: { view: View; show: (v: View) => void }) {
  // This year first: it is the one whose deadlines are running.
  const [year, setYear] = useState(() => {
    const thisYear = new Date().getFullYear();
    return view.years.some((c) => c.year === thisYear) ? thisYear : (view.years.at(0)?.year ?? thisYear);
  });
  const [status, setStatus] = useState<string | null>(null);
  const [importText, setImportText] = useState('');
  const [importError, setImportError] = useState<string | null>(null);
  const form = useForm<HolidayInput>({ resolver: zodResolver(holidayInput), defaultValues: { date: '', name: '', kind: 'cuti_bersama', status: 'resmi' } });

  // Every calendar read or saved may move deadlines: the badges follow.
  useEffect(announceChange, [view]);

  const save = async (h: HolidayInput) => {
    try {
      show(await api.call('calendar.save', h));
      setStatus(`Tanggal ${formatHariTanggal(h.date)} tersimpan; tenggat dihitung ulang.`);
      form.reset({ date: '', name: '', kind: h.kind, status: h.status });
    } catch (e) {
      if (e instanceof ApiError) formErrors(form.setError)(e.fields);
    }
  };
  const remove = async (date: string) => {
    show(await api.call('calendar.delete', { date }));
    setStatus(`Tanggal ${formatHariTanggal(date)} dihapus dari kalender; tenggat dihitung ulang.`);
  };
  const runImport = async () => {
    setImportError(null);
    try {
      const res = await api.call('calendar.import', { text: importText });
      show(res.calendar);
      setStatus(`${res.imported} tanggal diimpor.`);
      setImportText('');
    } catch (e) {
      setImportError(e instanceof ApiError ? Object.values(e.fields).join(' ') || e.message : 'Impor gagal.');
    }
  };

  const shown = view.holidays.filter((h) => h.date.startsWith(`${year}-`));
  const shownYear = view.years.find((y) => y.year === year);
  const err = (k: keyof HolidayInput) => form.formState.errors[k]?.message;
  return (
    <section aria-labelledby="cal-title">
      <h2 id="cal-title">Kalender hari kerja</h2>
      {view.missingYears.length ? (
        <p className="error" role="alert">
          Belum ada kalender untuk tahun {view.missingYears.join(', ')}. Tenggat pada tahun itu hanya melewati Sabtu dan Minggu sampai tanggal libur dan cuti bersama diisi.
        </p>
      ) : null}
      <p>
        Tahun tersedia:{' '}
        {view.years.map((y) => (
          <button key={y.year} type="button" className={y.year === year ? '' : 'secondary'} aria-pressed={y.year === year} onClick={() => setYear(y.year)}>
            {y.year} ({y.count} tanggal, {y.status === 'resmi' ? 'SKB' : 'sementara'})
          </button>
        ))}
      </p>
      {shownYear ? (
        <p aria-label={`Status kalender ${year}`}>
          <strong>{HOLIDAY_STATUS_LABELS[shownYear.status]}</strong> — Sumber:{' '}
          {shownYear.source ??
            'perkiraan dari pustaka date-holidays; SKB tahun ini belum terbit atau belum ada di aplikasi. Periksa tanggal hari besar keagamaan dan tambahkan cuti bersama setelah SKB terbit.'}
        </p>
      ) : null}
      <table className="deadlines" aria-label={`Hari libur ${year}`}>
        <thead>
          <tr>
            <th scope="col">Tanggal</th>
            <th scope="col">Keterangan</th>
            <th scope="col">Jenis</th>
            <th scope="col">Status</th>
            <th scope="col">Sumber</th>
            <th scope="col"></th>
          </tr>
        </thead>
        <tbody>
          {shown.map((h) => (
            <tr key={h.date}>
              <td>{formatHariTanggal(h.date)}</td>
              <td>{h.name}</td>
              <td>{HOLIDAY_KIND_LABELS[h.kind]}</td>
              <td>{HOLIDAY_STATUS_LABELS[h.status]}</td>
              <td>{HOLIDAY_SOURCE_LABELS[h.source]}</td>
              <td>
                <button type="button" className="secondary" onClick={() => form.reset({ date: h.date, name: h.name, kind: h.kind, status: h.status })}>
                  Ubah
                </button>{' '}
                <button type="button" className="secondary" onClick={() => void remove(h.date)} aria-label={`Hapus ${h.date}`}>
                  Hapus
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form noValidate onSubmit={(e) => void form.handleSubmit(save)(e)} aria-label="Tambah atau ubah tanggal libur">
        <fieldset>
          <legend>Tambah atau ubah tanggal</legend>
          <DateTimeField kind="date" control={form.control} name="date" id="h-date" label="Tanggal" required />
          <Field id="h-name" label="Keterangan" required error={err('name')}>
            {(aria) => <input type="text" {...aria} {...form.register('name')} />}
          </Field>
          <Field id="h-kind" label="Jenis" error={err('kind')}>
            {(aria) => (
              <select {...aria} {...form.register('kind')}>
                <Options values={HOLIDAY_KINDS} labels={HOLIDAY_KIND_LABELS} />
              </select>
            )}
          </Field>
          <Field id="h-status" label="Status" error={err('status')}>
            {(aria) => (
              <select {...aria} {...form.register('status')}>
                <Options values={HOLIDAY_STATUSES} labels={HOLIDAY_STATUS_LABELS} />
              </select>
            )}
          </Field>
          <button type="submit">Simpan tanggal</button>
        </fieldset>
      </form>
      <fieldset>
        <legend>Impor (satu tanggal per baris)</legend>
        <Field id="h-import" label="Daftar tanggal" hint="Contoh: 2027-03-08;Cuti bersama Nyepi;cuti_bersama — boleh ditempel dari lembar kerja" error={importError ?? undefined}>
          {(aria) => <textarea rows={4} {...aria} value={importText} onChange={(e) => setImportText(e.target.value)} />}
        </Field>
        <button type="button" onClick={() => void runImport()} disabled={!importText.trim()}>
          Impor
        </button>
      </fieldset>
      <div role="status" aria-live="polite">
        {status}
      </div>
    </section>
  );
}
