import { describe, expect, it } from 'vitest';
import { computeDeadlines, nextDue, withArchiveProposal, workingDaysLeft, type CaseForDeadlines, type DeadlineDays } from '../../forms/deadlines';
import { fromLocal } from '../../forms/time';
import type { Calendar } from '../../forms/working-days';

const days: DeadlineDays = { verifyDays: 3, completenessDays: 10, infoDays: 5, nonDarwasDays: 14, darwasDays: 60 };
const cal: Calendar = { holidays: new Set(['2026-12-24', '2026-12-25']) };
const at = (date: string, time = '10:00') => fromLocal({ date, time }, 'WIB');
const base: CaseForDeadlines = { form: 'C', channel: 'surat', status: 'diterima', receivedAt: at('2026-11-16'), classification: null, darwas: null, resolution: null };

describe('deadlines from events', () => {
  it('walk-ins: first answer the same day; verification in 3 working days', () => {
    const d = computeDeadlines({ ...base, form: 'A', channel: 'tatap_muka' }, [], cal, 'WIB', days);
    expect(d.map((x) => [x.kind, x.dueAt])).toEqual([
      ['jawaban_awal', '2026-11-16T16:59:59.999Z'],
      ['verifikasi', '2026-11-19T16:59:59.999Z'],
    ]);
  });

  it('Formulir A with E. Penyelesaian: the answer at the counter is the same-day answer, even keyed days later', () => {
    const walkIn = { ...base, form: 'A' as const, channel: 'tatap_muka' as const, resolution: 'Dijelaskan alur perizinan.' };
    // Saved now: answered at the counter, so verification is done with it (as "Dijawab langsung di loket").
    const keyed = [{ type: 'created', at: at('2026-11-18'), data: { answeredAtCounter: true, to: 'dijawab_langsung' } }];
    const now = computeDeadlines({ ...walkIn, status: 'dijawab_langsung' }, keyed, cal, 'WIB', days);
    expect(now.map((x) => [x.kind, x.metAt])).toEqual([
      ['jawaban_awal', walkIn.receivedAt],
      ['verifikasi', walkIn.receivedAt],
    ]);
    expect(nextDue(now)).toBeNull();
    // Saved before this rule (still diterima): its answer counts; verification is still the team's.
    const before = computeDeadlines(walkIn, [{ type: 'created', at: at('2026-11-16', '10:05'), data: {} }], cal, 'WIB', days);
    expect(before.map((x) => [x.kind, x.metAt])).toEqual([
      ['jawaban_awal', walkIn.receivedAt],
      ['verifikasi', null],
    ]);
    expect(nextDue(before)?.kind).toBe('verifikasi');
    // Without E, the counter still owes the answer today.
    expect(computeDeadlines({ ...walkIn, resolution: null }, [], cal, 'WIB', days)[0]).toMatchObject({ kind: 'jawaban_awal', metAt: null });
  });

  it('email: first answer within 24 hours', () => {
    const d = computeDeadlines({ ...base, channel: 'surel' }, [], cal, 'WIB', days);
    expect(d[0]).toMatchObject({ kind: 'jawaban_awal', dueAt: '2026-11-17T03:00:00.000Z', rule: '24 jam' });
  });

  it('completeness runs 10 working days from the request, then proposes archiving', () => {
    const events = [{ type: 'minta_kelengkapan', at: at('2026-11-17'), data: {} }];
    const d = computeDeadlines({ ...base, status: 'menunggu_kelengkapan' }, events, cal, 'WIB', days);
    const k = d.find((x) => x.kind === 'kelengkapan')!;
    expect(k.dueAt).toBe('2026-12-01T16:59:59.999Z');
    expect(d.find((x) => x.kind === 'verifikasi')!.metAt).toBe(at('2026-11-17'));
    expect(withArchiveProposal(d, 'menunggu_kelengkapan', at('2026-12-01', '23:00')).find((x) => x.kind === 'kelengkapan')!.proposeArchive).toBe(false);
    expect(withArchiveProposal(d, 'menunggu_kelengkapan', at('2026-12-02', '08:00')).find((x) => x.kind === 'kelengkapan')!.proposeArchive).toBe(true);
  });

  it('resolution: 5 for information, 14 for Non-DarWas, 60 for DarWas, over cuti bersama', () => {
    const events = [{ type: 'verifikasi', at: at('2026-12-18'), data: {} }];
    const due = (c: Partial<CaseForDeadlines>) => computeDeadlines({ ...base, status: 'terverifikasi', ...c }, events, cal, 'WIB', days).find((x) => x.kind === 'penyelesaian')!;
    // Friday 18 Dec + 5 working days: 21, 22, 23, (24, 25 off), 28, 29.
    expect(due({ classification: 'permintaan_informasi' })).toMatchObject({ rule: '5 hari kerja', dueAt: '2026-12-29T16:59:59.999Z' });
    expect(due({ classification: 'pengaduan', darwas: false }).rule).toBe('14 hari kerja');
    expect(due({ classification: 'pengaduan', darwas: true }).rule).toBe('60 hari kerja');
  });

  it('a "tidak puas" restarts the resolution clock; the next due is the earliest open one', () => {
    const events = [
      { type: 'verifikasi', at: at('2026-11-17'), data: {} },
      { type: 'teruskan', at: at('2026-11-18'), data: {} },
      { type: 'selesaikan', at: at('2026-11-20'), data: {} },
      { type: 'kepuasan', at: at('2026-11-23'), data: { satisfied: false } },
    ];
    const d = computeDeadlines({ ...base, status: 'ditindaklanjuti', classification: 'pengaduan', darwas: false }, events, cal, 'WIB', days);
    const p = d.find((x) => x.kind === 'penyelesaian')!;
    expect(p.metAt).toBeNull();
    expect(p.dueAt > at('2026-12-10')).toBe(true);
    expect(nextDue(d)).toBe(p);
  });

  it('counts working days left, negative when late', () => {
    expect(workingDaysLeft('2026-11-20T16:59:59.999Z', at('2026-11-16'), 'WIB', cal)).toBe(4);
    expect(workingDaysLeft('2026-11-16T16:59:59.999Z', at('2026-11-18'), 'WIB', cal)).toBe(-2);
  });
});
