// The paper forms' layouts against what docs/forms.md says of each form: its fields in the paper's
// order, and which of them must be filled (read from the schema, so the star never disagrees with
// the validation).
import { describe, expect, it } from 'vitest';
import { FORM_LAYOUTS, sectionsOf } from '../../forms/layouts';

const fields = (form: 'A' | 'B' | 'C') => sectionsOf(form).flatMap((s) => s.fields);
const required = (form: 'A' | 'B' | 'C') => fields(form).filter((f) => f.required).map((f) => f.label);

describe('paper form layouts', () => {
  it('Formulir A: name, address, time, date, problem and account are required', () => {
    expect(fields('A').map((f) => f.label)).toEqual(['Nama lengkap', 'Institusi', 'Alamat lengkap', 'Pukul/Jam', 'Hari/Tanggal', 'Masalah pengaduan', 'Uraian pengaduan', 'Penyelesaian']);
    expect(required('A')).toEqual(['Nama lengkap', 'Alamat lengkap', 'Pukul/Jam', 'Hari/Tanggal', 'Masalah pengaduan', 'Uraian pengaduan']);
  });

  it('Formulir B: only the complaint and the collection time are required; the paper has no times', () => {
    expect(required('B')).toEqual(['Isi pengaduan', 'Tanggal diterima', 'Jam diterima']);
    expect(FORM_LAYOUTS.B.filter((s) => s.printed !== null).flatMap((s) => s.fields.map((f) => f.printed ?? f.label))).toEqual(['Isi pengaduan', 'Nama Pelapor', 'Alamat', 'Jenis Kelamin', 'Telp./HP', 'Email']);
  });

  it('Formulir C: name, time, date, channel and substance are required', () => {
    expect(required('C')).toEqual(['Nama lengkap', 'Pukul/jam', 'Hari/tanggal terima', 'Sarana pengaduan', 'Materi pengaduan']);
    expect(fields('C').map((f) => f.printed ?? f.label)).toEqual(['Nama Lengkap', 'Instansi', 'Alamat Lengkap', 'No telepon', 'Pukul/jam', 'Hari/tanggal terima', 'Sarana Pengaduan', 'Materi pengaduan']);
  });
});
