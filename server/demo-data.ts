// Realistic, deterministic demo complaints (names, places and texts of a regency front office),
// used by `--demo` and by the bench. Payloads are the same shape the forms send.
import type { ComplaintInput } from '../forms/complaint';
import { toLocal, type TimeZone } from '../forms/time';
import { FORM_C_CHANNELS } from '../forms/vocabulary';
import { mulberry32 } from '../forms/random';

export { mulberry32 };

const FIRST = ['Andi', 'Budi', 'Citra', 'Dewi', 'Eko', 'Fitri', 'Gede', 'Hasanuddin', 'Indah', 'Joko', 'Kadek', 'La Ode', 'Wa Ode', 'Made', 'Nurul', 'Putu', 'Rahmat', 'Siti', 'Taufik', 'Yohanes', 'Agus', 'Ratna', 'Muhammad', 'Sri', 'Yusuf', 'Maria', 'Ahmad', 'Ketut', 'Rini', 'Hendra'];
const LAST = ['Saputra', 'Wulandari', 'Hidayat', 'Lestari', 'Prasetyo', 'Rahmawati', 'Siregar', 'Nasution', 'Sulaiman', 'Pratama', 'Kurniawan', 'Handayani', 'Tamrin', 'Sembiring', 'Manurung', 'Baso', 'Harahap', 'Yunus', 'Latif', 'Wijaya'];
const PLACES = ['Buranga', 'Ereke', 'Kulisusu', 'Wakorumba Utara', 'Bonegunu', 'Kambowa', 'Kulisusu Barat', 'Kulisusu Utara', 'Lakansai', 'Bone Lipu', 'Lemo', 'Waode Buri'];
const STREETS = ['Jl. Poros Ereke', 'Jl. Pendidikan', 'Jl. Merdeka', 'Jl. Ahmad Yani', 'Jl. Sultan Hasanuddin', 'Jl. Pelabuhan', 'Jl. Kartini', 'Jl. Diponegoro'];
const INSTITUTIONS = ['CV Sinar Buton', 'Koperasi Nelayan Lakansai', 'UD Maju Jaya', 'Kelompok Tani Sejahtera', 'PT Karya Kulisusu', 'BUMDes Bonegunu', null, null, null];
const PROBLEMS: [string, string][] = [
  ['Izin usaha belum terbit melewati SOP', 'Permohonan izin usaha mikro yang saya ajukan bulan lalu belum juga terbit, padahal menurut standar pelayanan seharusnya selesai dalam 5 hari kerja. Mohon kejelasan.'],
  ['Petugas loket tidak ramah', 'Saat mengurus berkas di loket, petugas berbicara dengan nada tinggi dan tidak menjelaskan persyaratan dengan baik.'],
  ['Informasi persyaratan berbeda-beda', 'Persyaratan yang disampaikan petugas berbeda dengan yang tercantum di website, sehingga saya harus bolak-balik melengkapi berkas.'],
  ['Aplikasi perizinan daring tidak bisa diakses', 'Sejak tiga hari terakhir sistem perizinan daring selalu gagal saat unggah dokumen. Mohon diperbaiki.'],
  ['Dugaan pungutan di luar ketentuan', 'Ada oknum yang meminta biaya tambahan agar berkas cepat diproses, padahal layanan ini gratis.'],
  ['Jalan desa rusak belum diperbaiki', 'Jalan penghubung antar desa rusak berat dan sulit dilalui saat hujan. Mohon ditindaklanjuti oleh dinas terkait.'],
  ['Antrean pelayanan terlalu lama', 'Saya menunggu lebih dari tiga jam untuk dilayani karena hanya satu loket yang buka.'],
  ['Permintaan informasi jadwal pelayanan', 'Mohon informasi jam pelayanan hari Jumat dan apakah pelayanan buka pada hari Sabtu.'],
  ['Saran penambahan kursi ruang tunggu', 'Ruang tunggu terlalu sempit dan kursi tidak cukup, terutama untuk lansia dan ibu hamil.'],
  ['Sertifikat tanah belum diserahkan', 'Sertifikat hasil program pendaftaran tanah sudah selesai sejak lama tetapi belum diserahkan kepada warga.'],
];

export interface DemoOptions {
  count: number;
  seed?: number;
  /** Complaints are spread over this many days before `now`. */
  days?: number;
  now?: Date;
  timeZone: TimeZone;
}

export function* demoComplaints(opts: DemoOptions): Generator<ComplaintInput> {
  const rnd = mulberry32(opts.seed ?? 2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const now = (opts.now ?? new Date()).getTime();
  const spanMs = (opts.days ?? 180) * 86_400_000;
  for (let i = 0; i < opts.count; i++) {
    const at = new Date(now - Math.floor(rnd() * spanMs) - 60_000);
    const { date, time } = toLocal(at, opts.timeZone);
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const address = `${pick(STREETS)} No. ${1 + Math.floor(rnd() * 120)}, ${pick(PLACES)}`;
    const phone = `08${1 + Math.floor(rnd() * 5)}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`;
    const [problem, content] = pick(PROBLEMS);
    const confidential = rnd() < 0.08;
    const r = rnd();
    if (r < 0.45) {
      yield {
        form: 'A', reporterName: name, reporterInstitution: pick(INSTITUTIONS), reporterAddress: address,
        receivedDate: date, receivedTime: time, problem, content,
        resolution: rnd() < 0.3 ? 'Dijelaskan langsung kepada pelapor di loket.' : null,
        confidential, officer: pick(['Rina Marlina', 'Arif Budiman', 'Wa Ode Nur']),
      };
    } else if (r < 0.75) {
      const anonymous = rnd() < 0.35;
      yield {
        form: 'B', content: `${problem}. ${content}`,
        reporterName: anonymous ? null : name, reporterAddress: anonymous ? null : address,
        reporterGender: anonymous ? null : pick(['L', 'P'] as const), reporterPhone: anonymous || rnd() < 0.4 ? null : phone,
        reporterEmail: null, slipDate: date, receivedDate: date, receivedTime: time, anonymous, confidential,
      };
    } else {
      yield {
        form: 'C', reporterName: name, reporterInstitution: pick(INSTITUTIONS), reporterAddress: address,
        reporterPhone: phone, receivedDate: date, receivedTime: time, channel: pick(FORM_C_CHANNELS),
        content: `${problem}. ${content}`, confidential,
      };
    }
  }
}
