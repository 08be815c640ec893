// The paper forms' sections, in their printed order and with their printed words (seed 003,
// Lampiran II.A-C). The renderer builds each form from this, so Tab follows the paper.
import type { FormKind } from './vocabulary';

export type FieldKind = 'text' | 'textarea' | 'date' | 'time' | 'tel' | 'email' | 'gender' | 'channel';

export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  hint?: string;
}

export interface SectionSpec {
  title: string | null;
  fields: FieldSpec[];
}

export const FORM_LAYOUTS: Record<FormKind, SectionSpec[]> = {
  A: [
    {
      title: 'A. Identitas pelapor',
      fields: [
        { name: 'reporterName', label: 'Nama lengkap', kind: 'text', required: true },
        { name: 'reporterInstitution', label: 'Institusi', kind: 'text' },
        { name: 'reporterAddress', label: 'Alamat lengkap', kind: 'text', required: true },
      ],
    },
    {
      title: 'B. Waktu pengaduan',
      fields: [
        { name: 'receivedTime', label: 'Pukul/Jam', kind: 'time', required: true },
        { name: 'receivedDate', label: 'Hari/Tanggal', kind: 'date', required: true },
      ],
    },
    { title: 'C. Masalah pengaduan', fields: [{ name: 'problem', label: 'Masalah pengaduan', kind: 'text', required: true }] },
    { title: 'D. Uraian pengaduan', fields: [{ name: 'content', label: 'Uraian pengaduan', kind: 'textarea', required: true }] },
    {
      title: 'E. Penyelesaian',
      fields: [{ name: 'resolution', label: 'Penyelesaian', kind: 'textarea', hint: 'Jawaban yang diberikan langsung di loket. Bila diisi, pengaduan tercatat Dijawab langsung; kosongkan bila pengaduan diteruskan ke tim.' }],
    },
  ],
  B: [
    { title: null, fields: [{ name: 'content', label: 'Isi pengaduan', kind: 'textarea', required: true }] },
    {
      title: 'Data pelapor',
      fields: [
        { name: 'reporterName', label: 'Nama pelapor', kind: 'text' },
        { name: 'reporterAddress', label: 'Alamat', kind: 'text' },
        { name: 'reporterGender', label: 'Jenis kelamin', kind: 'gender' },
        { name: 'reporterPhone', label: 'Telp./HP', kind: 'tel', hint: 'Contoh: 0812-3456-7890' },
        { name: 'reporterEmail', label: 'Email', kind: 'email' },
      ],
    },
    {
      title: 'Waktu',
      fields: [
        { name: 'slipDate', label: 'Tanggal pada slip', kind: 'date', hint: 'Tanggal yang ditulis pelapor pada slip, bila ada' },
        { name: 'receivedDate', label: 'Tanggal diterima', kind: 'date', required: true },
        { name: 'receivedTime', label: 'Jam diterima', kind: 'time', required: true },
      ],
    },
  ],
  C: [
    {
      title: 'A. Identitas pelapor',
      fields: [
        { name: 'reporterName', label: 'Nama lengkap', kind: 'text', required: true },
        { name: 'reporterInstitution', label: 'Instansi', kind: 'text' },
        { name: 'reporterAddress', label: 'Alamat lengkap', kind: 'text' },
        { name: 'reporterPhone', label: 'No telepon', kind: 'tel', hint: 'Contoh: 0812-3456-7890' },
      ],
    },
    {
      title: 'B. Waktu pengaduan',
      fields: [
        { name: 'receivedTime', label: 'Pukul/jam', kind: 'time', required: true },
        { name: 'receivedDate', label: 'Hari/tanggal terima', kind: 'date', required: true },
        { name: 'channel', label: 'Sarana pengaduan', kind: 'channel', required: true },
      ],
    },
    { title: 'C. Materi pengaduan', fields: [{ name: 'content', label: 'Materi pengaduan', kind: 'textarea', required: true }] },
  ],
};
