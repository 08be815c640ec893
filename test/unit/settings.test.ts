import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsSchema } from '../../forms/settings';

const messages = (over: Record<string, unknown>) => {
  const r = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...over });
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('yearly indicator targets in Pengaturan', () => {
  it('accepts whole numbers of complaints and a percentage up to 100, typed as text', () => {
    expect(settingsSchema.parse({ ...DEFAULT_SETTINGS, targetReceived: '1200', targetFinishedPercent: '97.5' })).toMatchObject({ targetReceived: 1200, targetFinishedPercent: 97.5 });
    expect(settingsSchema.parse({ ...DEFAULT_SETTINGS, targetReceived: '1.200', targetFinishedPercent: '97,5' })).toMatchObject({ targetReceived: 1200, targetFinishedPercent: 97.5 });
    expect(DEFAULT_SETTINGS).toMatchObject({ targetReceived: 0, targetFinishedPercent: 100 });
  });

  it('says in Indonesian what is wrong with each target', () => {
    expect(messages({ targetReceived: '' })).toEqual({ targetReceived: 'Target pengaduan diterima per tahun wajib diisi (0 bila belum ditetapkan).' });
    expect(messages({ targetReceived: 'seratus' })).toEqual({ targetReceived: 'Target pengaduan diterima per tahun harus berupa angka.' });
    expect(messages({ targetReceived: '12.5' })).toEqual({ targetReceived: 'Target pengaduan diterima per tahun harus bilangan bulat.' });
    expect(messages({ targetReceived: -1 })).toEqual({ targetReceived: 'Target pengaduan diterima per tahun tidak boleh negatif.' });
    expect(messages({ targetFinishedPercent: '' })).toEqual({ targetFinishedPercent: 'Target persentase pengaduan selesai wajib diisi.' });
    expect(messages({ targetFinishedPercent: '120' })).toEqual({ targetFinishedPercent: 'Target persentase pengaduan selesai paling besar 100.' });
    expect(messages({ targetFinishedPercent: '-5' })).toEqual({ targetFinishedPercent: 'Target persentase pengaduan selesai tidak boleh negatif.' });
  });
});
