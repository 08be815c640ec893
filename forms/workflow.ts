// The handling flow as data (REFERENCE.md "Handling flow and deadlines"; seeds 001, 003, 004).
// Each action names the states it may start from, where it leads, and the payload it needs; the
// server enforces it (server/core.ts → db/workflow.ts) and the UI offers only what is allowed.
import { z } from 'zod';
import { optionalText, requiredText } from './fields';
import {
  CLASSIFICATIONS,
  FORWARD_KINDS,
  JENIS,
  OUTCOMES,
  SANCTIONS,
  STATUS_LABELS,
  type Classification,
  type ComplaintStatus,
  type FormKind,
} from './vocabulary';

const note = optionalText('Catatan', 4000);

const classification = z.object({
  classification: z.enum(CLASSIFICATIONS, { error: 'Klasifikasi wajib dipilih.' }),
  jenis: z.enum(JENIS, { error: 'Jenis pengaduan wajib dipilih.' }),
  darwas: z.boolean({ error: 'Pilih DarWas atau Non-DarWas.' }),
  category: requiredText('Kategori', 120),
  reportedParty: optionalText('Terlapor', 300),
  // Omitted means unchanged: a verification that does not mention them must never lift a
  // reporter's protection.
  anonymous: z.boolean().optional(),
  confidential: z.boolean().optional(),
  note,
});

export const ACTION_INPUTS = {
  minta_kelengkapan: z.object({ note: requiredText('Hal yang perlu dilengkapi', 4000) }),
  verifikasi: classification,
  arsipkan: z.object({ note: requiredText('Alasan pengarsipan', 4000) }),
  jawab_langsung: z.object({ answer: requiredText('Penyelesaian', 8000) }),
  jawab: z.object({ answer: requiredText('Jawaban', 8000) }),
  teruskan: z.object({
    targets: z
      .array(z.object({ kind: z.enum(FORWARD_KINDS, { error: 'Tujuan wajib dipilih.' }), name: requiredText('Nama tujuan', 200), copy: z.boolean().default(false) }))
      .min(1, { error: 'Pilih paling sedikit satu tujuan.' })
      .max(10),
    letterNo: optionalText('Nomor surat', 80),
    note,
  }),
  tindak_lanjut: z.object({ note: requiredText('Perkembangan tindak lanjut', 4000) }),
  selesaikan: z.object({
    outcome: z.enum(OUTCOMES, { error: 'Hasil penanganan wajib dipilih.' }),
    sanctions: z.array(z.enum(SANCTIONS)).max(4).default([]),
    note: requiredText('Ringkasan penyelesaian', 8000),
  }),
  kepuasan: z.object({ satisfied: z.boolean({ error: 'Pilih puas atau tidak puas.' }), note }),
} as const;

export type Action = keyof typeof ACTION_INPUTS;
export const ACTIONS = Object.keys(ACTION_INPUTS) as Action[];
export type ActionInput<A extends Action> = z.output<(typeof ACTION_INPUTS)[A]>;

/** What a guard may look at. */
export interface CaseFacts {
  status: ComplaintStatus;
  form: FormKind;
  classification: Classification | null;
  satisfaction: 'puas' | 'tidak_puas' | null;
}

interface ActionSpec {
  label: string;
  from: readonly ComplaintStatus[];
  /** Where it leads; kepuasan depends on the answer. */
  to: ComplaintStatus | ((input: Record<string, unknown>, facts: CaseFacts) => ComplaintStatus);
  /** A refusal in Indonesian, or null when allowed. */
  guard?: (facts: CaseFacts) => string | null;
}

export const WORKFLOW: Record<Action, ActionSpec> = {
  minta_kelengkapan: { label: 'Minta kelengkapan', from: ['diterima'], to: 'menunggu_kelengkapan' },
  verifikasi: { label: 'Verifikasi (lengkap)', from: ['diterima', 'menunggu_kelengkapan'], to: 'terverifikasi' },
  arsipkan: { label: 'Arsipkan', from: ['menunggu_kelengkapan'], to: 'diarsipkan' },
  jawab_langsung: {
    label: 'Dijawab langsung di loket',
    from: ['diterima'],
    to: 'dijawab_langsung',
    guard: (f) => (f.form === 'A' ? null : 'Hanya pengaduan langsung (Formulir A) yang dapat dijawab di loket.'),
  },
  jawab: {
    label: 'Jawab langsung (aspirasi / permintaan informasi)',
    from: ['terverifikasi'],
    to: 'selesai',
    guard: (f) => (f.classification && f.classification !== 'pengaduan' ? null : 'Hanya aspirasi dan permintaan informasi yang dapat dijawab langsung; pengaduan diteruskan.'),
  },
  teruskan: { label: 'Teruskan', from: ['terverifikasi', 'ditindaklanjuti'], to: 'diteruskan' },
  tindak_lanjut: { label: 'Catat tindak lanjut', from: ['diteruskan', 'ditindaklanjuti'], to: 'ditindaklanjuti' },
  selesaikan: { label: 'Selesaikan', from: ['diteruskan', 'ditindaklanjuti'], to: 'selesai' },
  // Seed 004: the reporter says satisfied or not; not satisfied goes back to the team.
  kepuasan: {
    label: 'Catat kepuasan pelapor',
    from: ['selesai', 'dijawab_langsung'],
    to: (input, facts) => (input.satisfied ? facts.status : 'ditindaklanjuti'),
    guard: (f) => (f.satisfaction === 'puas' ? 'Pelapor sudah menyatakan puas; kasus sudah ditutup.' : null),
  },
};

/**
 * Formulir A's "E. Penyelesaian" is what the officer answered or did at the counter (seed 003,
 * Lampiran II.A and its walk-in procedure): filled at intake, the complaint is saved as answered at
 * the counter, the same step as "Dijawab langsung di loket", and is not asked for again.
 */
export function answeredAtCounter(c: { form: FormKind; resolution?: string | null }): boolean {
  return c.form === 'A' && !!c.resolution?.trim();
}

/** The status a complaint is saved with. */
export function intakeStatus(c: { form: FormKind; resolution?: string | null }): ComplaintStatus {
  return answeredAtCounter(c) ? 'dijawab_langsung' : 'diterima';
}

export function allowedActions(facts: CaseFacts): Action[] {
  return ACTIONS.filter((a) => WORKFLOW[a].from.includes(facts.status) && !WORKFLOW[a].guard?.(facts));
}

export type TransitionResult = { ok: true; to: ComplaintStatus } | { ok: false; message: string };

/** Decides a transition without touching anything; the caller applies it. */
export function decide(facts: CaseFacts, action: Action, input: Record<string, unknown>): TransitionResult {
  const spec = WORKFLOW[action];
  const allowed = allowedActions(facts);
  const list = allowed.length ? allowed.map((a) => WORKFLOW[a].label).join(', ') : 'tidak ada (kasus sudah ditutup)';
  if (!spec.from.includes(facts.status)) {
    return { ok: false, message: `“${spec.label}” tidak dapat dilakukan pada status ${STATUS_LABELS[facts.status]}. Yang dapat dilakukan: ${list}.` };
  }
  const refusal = spec.guard?.(facts);
  if (refusal) return { ok: false, message: `${refusal} Yang dapat dilakukan: ${list}.` };
  return { ok: true, to: typeof spec.to === 'function' ? spec.to(input, facts) : spec.to };
}

const variant = <A extends Action>(action: A) =>
  z.object({ action: z.literal(action), id: z.uuid(), input: ACTION_INPUTS[action], actor: optionalText('Petugas', 120) });

export const transitionInput = z.discriminatedUnion(
  'action',
  [
    variant('minta_kelengkapan'),
    variant('verifikasi'),
    variant('arsipkan'),
    variant('jawab_langsung'),
    variant('jawab'),
    variant('teruskan'),
    variant('tindak_lanjut'),
    variant('selesaikan'),
    variant('kepuasan'),
  ],
  { error: 'Tindakan tidak dikenal.' },
);
export type TransitionInput = z.input<typeof transitionInput>;
