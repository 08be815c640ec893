import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '../../forms/api';
import { complaintInput } from '../../forms/complaint';
import { formatRegistrationNo, settingsSchema, DEFAULT_SETTINGS } from '../../forms/settings';
import { formA } from '../helpers';

const errorsOf = (input: unknown) => {
  const r = complaintInput.safeParse(input);
  return r.success ? {} : fieldErrorsOf(r.error);
};

describe('complaint schemas', () => {
  it('accepts a complete Formulir A and turns empty optional fields into null', () => {
    const r = complaintInput.parse(formA({ reporterInstitution: '  ', resolution: '' }));
    expect(r.form).toBe('A');
    if (r.form !== 'A') throw new Error('form');
    expect(r.reporterInstitution).toBeNull();
    expect(r.resolution).toBeNull();
    expect(r.anonymous).toBe(false);
  });

  it('names each missing field with its paper label', () => {
    expect(errorsOf(formA({ reporterName: '', problem: '   ' }))).toEqual({
      reporterName: 'Nama lengkap wajib diisi.',
      problem: 'Masalah pengaduan wajib diisi.',
    });
    expect(errorsOf({ form: 'C', content: '' })).toMatchObject({
      reporterName: 'Nama lengkap wajib diisi.',
      receivedTime: 'Pukul/jam wajib diisi.',
      receivedDate: 'Hari/tanggal terima wajib diisi.',
      channel: 'Sarana pengaduan wajib dipilih.',
      content: 'Materi pengaduan wajib diisi.',
    });
  });

  it('lets only a complaint-box slip be anonymous', () => {
    expect(errorsOf(formA({ anonymous: true }))).toEqual({ anonymous: expect.stringContaining('Formulir B') });
    const slip = complaintInput.parse({ form: 'B', content: 'Lampu jalan mati', receivedDate: '2026-11-20', receivedTime: '10:00', anonymous: true });
    expect(slip.anonymous).toBe(true);
    expect(slip.reporterName).toBeNull();
  });

  it('normalises phone numbers and checks email on Formulir B', () => {
    const b = complaintInput.parse({
      form: 'B', content: 'Antrean lama', receivedDate: '2026-11-20', receivedTime: '10:00',
      reporterPhone: '0812-3456-7890', reporterEmail: ' Warga@Contoh.go.id ', reporterGender: 'P',
    });
    if (b.form !== 'B') throw new Error('form');
    expect(b.reporterPhone).toBe('+6281234567890');
    expect(b.reporterEmail).toBe('warga@contoh.go.id');
    expect(errorsOf({ form: 'B', content: 'x', receivedDate: '2026-11-20', receivedTime: '10:00', reporterPhone: '12', reporterEmail: 'bukan-email' })).toEqual({
      reporterPhone: expect.stringContaining('Telp./HP tidak dikenali'),
      reporterEmail: expect.stringContaining('Email tidak valid'),
    });
  });

  it('asks Formulir C for a way to reach the reporter', () => {
    const base = { form: 'C', reporterName: 'Budi', receivedDate: '2026-11-20', receivedTime: '10:00', channel: 'surat', content: 'Surat keluhan' };
    expect(errorsOf(base)).toEqual({ reporterPhone: expect.stringContaining('No telepon atau Alamat lengkap') });
    expect(errorsOf({ ...base, reporterAddress: 'Ereke' })).toEqual({});
  });

  it('formats registration numbers from the office format', () => {
    expect(formatRegistrationNo('ADU/{YYYY}/{NNNNNN}', 2026, 123)).toBe('ADU/2026/000123');
    expect(formatRegistrationNo('{NNN}-PM-{YYYY}', 2027, 4)).toBe('004-PM-2027');
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, registrationFormat: 'ADU/{YYYY}' }).success).toBe(false);
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, headNip: '1234' }).success).toBe(false);
  });
});
