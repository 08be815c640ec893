import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { REGISTRATION_FORMAT_HINT, settingsSchema, type Settings, type SettingsInput } from '../../../forms/settings';
import { TIME_ZONE_INFO, TIME_ZONES } from '../../../forms/time';
import { api } from '../app/api';
import { useLoad } from '../hooks/useLoad';
import { Field } from '../ui/Field';
import { formErrors, showFailure } from '../ui/failure';
import { Loaded } from '../ui/Loaded';
import { useSettingsLoad } from './useSettings';
import { CalendarSection } from './CalendarSection';
import { SyncSettingsSection } from './SyncSettingsSection';
import { AccountsSection } from './AccountsSection';
import { BackupSection } from '../backup/BackupSection';

const TEXT_FIELDS: { name: keyof SettingsInput; label: string; hint?: string }[] = [
  { name: 'officeName', label: 'Nama kantor' },
  { name: 'kabupatenKota', label: 'Kabupaten/Kota' },
  { name: 'place', label: 'Tempat penandatanganan', hint: 'Ditulis pada baris tempat dan tanggal, misalnya Buranga' },
  { name: 'officeAddress', label: 'Alamat kantor' },
  { name: 'officePhone', label: 'Telepon kantor' },
  { name: 'website', label: 'Website' },
  { name: 'registrationFormat', label: 'Format nomor registrasi', hint: REGISTRATION_FORMAT_HINT },
  { name: 'teamName', label: 'Nama tim penanganan pengaduan' },
  { name: 'headName', label: 'Nama Kepala Kantor' },
  { name: 'headNip', label: 'NIP Kepala Kantor' },
];

const DAY_FIELDS: { name: keyof SettingsInput; label: string }[] = [
  { name: 'deadlineVerifyDays', label: 'Verifikasi (hari kerja)' },
  { name: 'deadlineCompletenessDays', label: 'Kelengkapan dari pelapor (hari kerja)' },
  { name: 'deadlineInfoDays', label: 'Penyelesaian informasi/normatif (hari kerja)' },
  { name: 'deadlineNonDarwasDays', label: 'Penyelesaian Non-DarWas (hari kerja)' },
  { name: 'deadlineDarwasDays', label: 'Penyelesaian DarWas (hari kerja)' },
  { name: 'attachmentMaxMb', label: 'Batas ukuran lampiran (MB)' },
];

export function SettingsPage() {
  // Editing starts from the settings as stored now (another window may have saved since this one
  // read them); what is read or saved here is put in place for every screen of this window.
  const current = useLoad('settings.get', {});
  const { set } = useSettingsLoad();
  useEffect(() => {
    if (current.data) set(current.data);
  }, [current.data, set]);
  return (
    <Loaded load={current} what="pengaturan">
      {(initial) => <SettingsForm initial={initial} saved={current.set} />}
    </Loaded>
  );
}

/** The form starts from the settings the app already holds; a save puts the new ones in place for every screen. */
function SettingsForm({ initial, saved }: { initial: Settings; saved: (s: Settings) => void }) {
  // Who may sign the recaps as Ketua: the active accounts holding the ketua role.
  const accounts = useLoad('accounts.list', {});
  const ketuas = (accounts.data ?? []).filter((a) => a.active && a.roles.includes('ketua'));
  const { register, handleSubmit, reset, setError, setValue, formState } = useForm<SettingsInput, unknown, Settings>({ resolver: zodResolver(settingsSchema), defaultValues: initial });
  const [status, setStatus] = useState<string | null>(null);
  const [categories, setCategories] = useState(() => initial.categories.join('\n'));

  const onSubmit = async (data: Settings) => {
    setStatus(null);
    try {
      const next = await api.call('settings.save', data);
      reset(next);
      saved(next);
      setStatus('Pengaturan tersimpan.');
    } catch (e) {
      showFailure(e, 'Gagal menyimpan pengaturan.', setStatus, formErrors(setError));
    }
  };
  const err = (k: keyof SettingsInput) => formState.errors[k]?.message;
  const categoryError = (formState.errors.categories as unknown as { message?: string }[] | undefined)?.find?.((x) => x?.message)?.message;

  return (
    <section>
      <h1>Pengaturan</h1>
      <form noValidate onSubmit={(e) => void handleSubmit(onSubmit)(e)}>
        <fieldset>
          <legend>Identitas kantor</legend>
          {TEXT_FIELDS.map((f) => (
            <Field key={f.name} id={`s-${f.name}`} label={f.label} hint={f.hint} error={err(f.name)}>
              {(aria) => <input type="text" {...aria} {...register(f.name)} />}
            </Field>
          ))}
          <Field id="s-ketuaAccountId" label="Ketua tim" hint="Menandatangani rekap. Bila tidak dipilih: ketua yang mencetak, atau satu-satunya akun ketua." error={err('ketuaAccountId')}>
            {(aria) => (
              <select {...aria} {...register('ketuaAccountId')}>
                <option value="">(tidak dipilih)</option>
                {ketuas.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                    {a.nip ? ` (NIP ${a.nip})` : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="s-timeZone" label="Zona waktu" error={err('timeZone')}>
            {(aria) => (
              <select {...aria} {...register('timeZone')}>
                {TIME_ZONES.map((z) => (
                  <option key={z} value={z}>
                    {TIME_ZONE_INFO[z].label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend>Tenggat dan lampiran</legend>
          {DAY_FIELDS.map((f) => (
            <Field key={f.name} id={`s-${f.name}`} label={f.label} error={err(f.name)}>
              {(aria) => <input type="number" min={1} {...aria} {...register(f.name)} />}
            </Field>
          ))}
          <Field id="s-idleMinutes" label="Kunci layar otomatis (menit)" hint="Layar terkunci bila tidak ada kegiatan selama ini; isian yang sedang diketik tetap ada." error={err('idleMinutes')}>
            {(aria) => <input type="number" min={1} max={240} {...aria} {...register('idleMinutes')} />}
          </Field>
          <Field id="s-categories" label="Kategori" hint="Satu kategori per baris" error={err('categories') ?? categoryError}>
            {(aria) => (
              <textarea
                rows={6}
                {...aria}
                value={categories}
                onChange={(e) => {
                  setCategories(e.target.value);
                  setValue('categories', e.target.value.split('\n').map((x) => x.trim()).filter(Boolean), { shouldDirty: true });
                }}
              />
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend>Target indikator tahunan</legend>
          <Field id="s-targetReceived" label="Target pengaduan diterima per tahun" hint="Jumlah pengaduan; 0 bila belum ditetapkan. Rekap Indikator membaginya menurut lama periode." error={err('targetReceived')}>
            {(aria) => <input type="text" inputMode="numeric" {...aria} {...register('targetReceived')} />}
          </Field>
          <Field id="s-targetFinishedPercent" label="Target persentase pengaduan selesai (%)" hint="Bagian pengaduan yang selesai ditangani; umumnya 100" error={err('targetFinishedPercent')}>
            {(aria) => <input type="text" inputMode="decimal" {...aria} {...register('targetFinishedPercent')} />}
          </Field>
        </fieldset>
        <div className="actions">
          <button type="submit">Simpan</button>
        </div>
        <div role="status" aria-live="polite">
          {status}
        </div>
      </form>
      <AccountsSection onChange={accounts.reload} />
      <SyncSettingsSection />
      <BackupSection />
      <CalendarSection />
    </section>
  );
}
