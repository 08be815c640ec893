import { describe, expect, it } from 'vitest';
import { actionsMeeting, ACTIONS, allowedActions, decide, startsDeadline, WORKFLOW, type Action, type CaseFacts } from '../../forms/workflow';
import { COMPLAINT_STATUSES, type Classification, type FormKind } from '../../forms/vocabulary';

const facts = (status: CaseFacts['status'], form: FormKind = 'A', classification: Classification | null = null): CaseFacts => ({ status, form, classification, satisfaction: null });

describe('state machine declared as data', () => {
  it('every action leads from declared states only, and every state but closed ones has a way on', () => {
    for (const status of COMPLAINT_STATUSES) {
      for (const action of ACTIONS) {
        const r = decide(facts(status, 'A', 'aspirasi'), action, { satisfied: true });
        expect(r.ok, `${action} from ${status}`).toBe(WORKFLOW[action].from.includes(status));
      }
    }
    expect(allowedActions(facts('diarsipkan'))).toEqual([]);
    expect(allowedActions(facts('diterima', 'B'))).toEqual(['minta_kelengkapan', 'verifikasi']);
  });

  it('says which actions are allowed when refusing', () => {
    const r = decide(facts('diterima', 'A'), 'selesaikan', {});
    expect(r).toEqual({ ok: false, message: '“Selesaikan” tidak dapat dilakukan pada status Diterima. Yang dapat dilakukan: Minta kelengkapan, Verifikasi (lengkap), Dijawab langsung di loket.' });
  });

  it('answers on the spot only at the counter (Formulir A)', () => {
    expect(decide(facts('diterima', 'A'), 'jawab_langsung', {})).toEqual({ ok: true, to: 'dijawab_langsung' });
    expect(decide(facts('diterima', 'C'), 'jawab_langsung', {})).toMatchObject({ ok: false, message: expect.stringContaining('Formulir A') });
  });

  it('answers aspirations and information requests directly, but forwards complaints', () => {
    expect(decide(facts('terverifikasi', 'B', 'aspirasi'), 'jawab', {})).toEqual({ ok: true, to: 'selesai' });
    expect(decide(facts('terverifikasi', 'B', 'permintaan_informasi'), 'jawab', {})).toEqual({ ok: true, to: 'selesai' });
    expect(decide(facts('terverifikasi', 'B', 'pengaduan'), 'jawab', {})).toMatchObject({ ok: false, message: expect.stringContaining('diteruskan') });
  });

  it('reopens the case when the reporter is not satisfied (SOP Dharmasraya 2017)', () => {
    expect(decide(facts('selesai'), 'kepuasan', { satisfied: false })).toEqual({ ok: true, to: 'ditindaklanjuti' });
    expect(decide(facts('selesai'), 'kepuasan', { satisfied: true })).toEqual({ ok: true, to: 'selesai' });
    expect(decide(facts('dijawab_langsung'), 'kepuasan', { satisfied: false })).toEqual({ ok: true, to: 'ditindaklanjuti' });
    expect(decide({ ...facts('selesai'), satisfaction: 'puas' }, 'kepuasan', { satisfied: false })).toMatchObject({ ok: false, message: expect.stringContaining('sudah menyatakan puas') });
    expect(allowedActions({ ...facts('selesai'), satisfaction: 'tidak_puas' })).toEqual(['kepuasan']);
  });

  it('has a label for every action', () => {
    for (const a of ACTIONS as Action[]) expect(WORKFLOW[a].label.length).toBeGreaterThan(3);
  });

  it('meets and starts the deadlines as docs/handling-and-deadlines.md says', () => {
    const meeting = (k: Parameters<typeof actionsMeeting>[0]) => [...actionsMeeting(k)].sort();
    expect(meeting('jawaban_awal')).toEqual(['arsipkan', 'jawab', 'jawab_langsung', 'minta_kelengkapan', 'teruskan', 'verifikasi']);
    expect(meeting('verifikasi')).toEqual(['arsipkan', 'jawab_langsung', 'minta_kelengkapan', 'verifikasi']);
    expect(meeting('kelengkapan')).toEqual(['arsipkan', 'verifikasi']);
    expect(meeting('penyelesaian')).toEqual(['jawab', 'selesaikan']);
    expect(startsDeadline('minta_kelengkapan', {}, 'kelengkapan')).toBe(true);
    expect(startsDeadline('verifikasi', {}, 'penyelesaian')).toBe(true);
    expect(startsDeadline('kepuasan', { satisfied: false }, 'penyelesaian')).toBe(true);
    expect(startsDeadline('kepuasan', { satisfied: true }, 'penyelesaian')).toBe(false);
    expect(startsDeadline('created', {}, 'penyelesaian')).toBe(false);
  });
});
