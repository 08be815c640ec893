// Saving one complaint through the API's server side (validation, duplicate check, registration
// number, first event, deadlines, one durable commit) vs a raw better-sqlite3 insert of the same
// row in its own durable transaction. Audit rows and encryption add to the same figure when they land.
import { rowFromInput } from '../../../db/complaints';
import { complaintInput } from '../../../forms/complaint';
import { DEFAULT_SETTINGS } from '../../../forms/settings';
import { demoComplaints } from '../../../server/demo-data';
import type { BenchContext } from '../context';
import { compare, target, type Figure } from '../harness';
import { BENCH_NOW } from '../seed';

export async function saveFigures({ core, runs }: BenchContext): Promise<Figure[]> {
  const { sqlite } = core.database;
  const settings = DEFAULT_SETTINGS;
  // Reporters no earlier complaint has, so every save takes the full path (the duplicate check runs
  // and finds nothing) instead of stopping at the hint.
  const payloads = [...demoComplaints({ count: runs + 20, timeZone: 'WIB', now: BENCH_NOW, seed: 99 })].map((p, n) => ({
    ...p,
    ...(p.form === 'B' && p.anonymous ? {} : { reporterName: `Pelapor Uji ${n}` }),
    ...(p.form === 'A' ? {} : { reporterPhone: null }),
    ...(p.form === 'C' ? { reporterAddress: 'Jl. Uji' } : {}),
  }));
  const columns = Object.keys(sqlite.prepare('SELECT * FROM complaints LIMIT 1').get() as object);
  const insertRaw = sqlite.prepare(`INSERT INTO complaints (${columns.join(',')}) VALUES (${columns.map((c) => '@' + c).join(',')})`);
  const rawRows = payloads.map((p, k) => {
    const r = rowFromInput(complaintInput.parse(p), settings, BENCH_NOW.toISOString());
    return {
      id: r.id, version: 1, form_version: 1, registration_no: `RAW/${k}`, form: r.form, channel: r.channel, received_at: r.receivedAt,
      slip_date: r.slipDate ?? null, problem: r.problem ?? null, content: r.content, resolution: r.resolution ?? null,
      reporter_name: r.reporterName ? `Baris Mentah ${k}` : null, reporter_institution: r.reporterInstitution ?? null, reporter_address: r.reporterAddress ?? null,
      reporter_phone: r.reporterPhone ?? null, reporter_email: r.reporterEmail ?? null, reporter_gender: r.reporterGender ?? null,
      anonymous: r.anonymous ? 1 : 0, confidential: r.confidential ? 1 : 0, officer: r.officer ?? null, status: 'diterima',
      created_at: r.createdAt, updated_at: r.updatedAt,
    };
  });
  // Columns added by later migrations take their defaults.
  const filled = rawRows.map((r) => ({ ...Object.fromEntries(columns.map((c) => [c, null])), sanctions: '[]', ...r }));
  const rawInsert = sqlite.transaction((row: Record<string, unknown>) => insertRaw.run(row));
  let i = 0;
  let j = 0;
  const [api, raw] = await compare(
    runs,
    10,
    async () => {
      const res = await core.dispatch('complaints.create', payloads[i++ % payloads.length]);
      if (!res.ok) throw new Error(res.error.message);
    },
    () => rawInsert(filled[j++ % filled.length]!),
  );
  return [
    {
      name: 'save one complaint via the API, server side (durable)',
      unit: 'ms',
      measured: api,
      baseline: { name: 'raw durable INSERT', stats: raw },
      targets: [target.timesBaseline(2)],
    },
  ];
}
