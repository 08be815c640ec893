// The handling flow as data (docs/handling-and-deadlines.md). Each action is declared once, in
// WORKFLOW: the states it may be taken from and where it leads, its form (fields, words, schema,
// starting values), what it writes on the complaint, which deadlines it meets or starts, and how
// the history tells it. Everything else derives from this declaration: the API's transition input
// (below), the server's checks and writes (db/workflow.ts), the deadlines (forms/deadlines.ts),
// the action forms (renderer ActionPanel) and the typed history (forms/history.ts).
import { z } from 'zod';
import {
  actionForm,
  categoryChoice,
  check,
  checks,
  choice,
  optionalArea,
  optionalLine,
  prefilled,
  list,
  requiredArea,
  requiredLine,
  yesNo,
  type ActionField,
  type CaseValues,
} from './action-fields';
import type { DeadlineKind } from './deadlines';
import { optionalText } from './fields';
import {
  CLASSIFICATION_LABELS,
  CLASSIFICATIONS,
  FORWARD_KIND_LABELS,
  FORWARD_KINDS,
  JENIS,
  JENIS_LABELS,
  OUTCOME_LABELS,
  OUTCOMES,
  SANCTION_LABELS,
  SANCTIONS,
  STATUS_LABELS,
  type Classification,
  type ComplaintStatus,
  type FormKind,
  type Satisfaction,
} from './vocabulary';

/** What a guard may look at. */
export interface CaseFacts {
  status: ComplaintStatus;
  form: FormKind;
  classification: Classification | null;
  satisfaction: Satisfaction | null;
}

/** The complaint's own fields an action may set. */
export type HandlingFields = Partial<CaseValues>;

interface ActionSpec<F extends Record<string, ActionField>, I = z.output<z.ZodObject<{ [K in keyof F]: F[K]['schema'] }>>> {
  /** The button, the form's heading and the step's name in the history. */
  label: string;
  from: readonly ComplaintStatus[];
  /** Where it leads; kepuasan depends on the answer. */
  to: ComplaintStatus | ((input: I, facts: CaseFacts) => ComplaintStatus);
  /** A refusal in Indonesian, or null when allowed. */
  guard?: (facts: CaseFacts) => string | null;
  /** The form, in the order it is shown. A field named `note` becomes the history's note. */
  fields: F;
  /** What it writes on the complaint besides its status. */
  writes?: (input: I) => HandlingFields;
  /** The deadlines this step fulfils (docs/handling-and-deadlines.md, "met by"). */
  meets: readonly DeadlineKind[];
  /** The deadline this step starts, or starts again; `when` limits it to some answers. */
  starts?: { deadline: DeadlineKind; when?: Partial<I> };
  /** What the history adds after the step's name (from the step's recorded input). */
  describe?: (data: Partial<I>) => (string | null | undefined)[];
}

/** Infers each action's input type from its fields (a plain object literal would lose it). */
const action = <F extends Record<string, ActionField>>(spec: ActionSpec<F>) => ({ ...spec, ...actionForm(spec.fields) });

const note = () => optionalArea('Catatan', 4000);

/** "kepada A, B (tembusan)": the targets of a forwarding as the history and the recaps name them. */
export const forwardedTo = (targets: readonly { name: string; copy?: boolean }[]) => `kepada ${targets.map((t) => (t.copy ? `${t.name} (tembusan)` : t.name)).join(', ')}`;

export const WORKFLOW = {
  minta_kelengkapan: action({
    label: 'Minta kelengkapan',
    from: ['diterima'],
    to: 'menunggu_kelengkapan',
    fields: { note: requiredArea('Hal yang perlu dilengkapi', 4000) },
    meets: ['jawaban_awal', 'verifikasi'],
    starts: { deadline: 'kelengkapan' },
  }),
  verifikasi: action({
    label: 'Verifikasi (lengkap)',
    from: ['diterima', 'menunggu_kelengkapan'],
    to: 'terverifikasi',
    fields: {
      classification: prefilled(choice('Klasifikasi', CLASSIFICATIONS, CLASSIFICATION_LABELS, 'Klasifikasi wajib dipilih.', '— pilih —'), (c) => c.classification ?? ''),
      jenis: prefilled(choice('Jenis pengaduan', JENIS, JENIS_LABELS, 'Jenis pengaduan wajib dipilih.', '— pilih —'), (c) => c.jenis ?? ''),
      darwas: prefilled(check('Berkadar pengawasan (DarWas)', z.boolean({ error: 'Pilih DarWas atau Non-DarWas.' })), (c) => c.darwas ?? false),
      category: prefilled(categoryChoice('Kategori', 120), (c) => c.category ?? ''),
      reportedParty: prefilled(optionalLine('Terlapor', 300), (c) => c.reportedParty ?? ''),
      // Omitted means unchanged: a verification that does not mention them must never lift a
      // reporter's protection.
      anonymous: prefilled(check('Anonim', z.boolean().optional()), (c) => c.anonymous),
      confidential: prefilled(check('Rahasia', z.boolean().optional()), (c) => c.confidential),
      note: note(),
    },
    writes: (v) => ({
      classification: v.classification,
      jenis: v.jenis,
      darwas: v.darwas,
      category: v.category,
      reportedParty: v.reportedParty,
      ...(v.anonymous === undefined ? {} : { anonymous: v.anonymous }),
      ...(v.confidential === undefined ? {} : { confidential: v.confidential }),
    }),
    meets: ['jawaban_awal', 'verifikasi', 'kelengkapan'],
    starts: { deadline: 'penyelesaian' },
    describe: (d) => [d.classification && CLASSIFICATION_LABELS[d.classification]],
  }),
  arsipkan: action({
    label: 'Arsipkan',
    from: ['menunggu_kelengkapan'],
    to: 'diarsipkan',
    fields: { note: requiredArea('Alasan pengarsipan', 4000) },
    meets: ['jawaban_awal', 'verifikasi', 'kelengkapan'],
  }),
  jawab_langsung: action({
    label: 'Dijawab langsung di loket',
    from: ['diterima'],
    to: 'dijawab_langsung',
    guard: (f) => (f.form === 'A' ? null : 'Hanya pengaduan langsung (Formulir A) yang dapat dijawab di loket.'),
    fields: { answer: requiredArea('Penyelesaian', 8000) },
    writes: (v) => ({ resolution: v.answer }),
    meets: ['jawaban_awal', 'verifikasi'],
    describe: (d) => [d.answer],
  }),
  jawab: action({
    label: 'Jawab langsung (aspirasi / permintaan informasi)',
    from: ['terverifikasi'],
    to: 'selesai',
    guard: (f) => (f.classification && f.classification !== 'pengaduan' ? null : 'Hanya aspirasi dan permintaan informasi yang dapat dijawab langsung; pengaduan diteruskan.'),
    fields: { answer: requiredArea('Jawaban', 8000) },
    meets: ['jawaban_awal', 'penyelesaian'],
    describe: (d) => [d.answer],
  }),
  teruskan: action({
    label: 'Teruskan',
    from: ['terverifikasi', 'ditindaklanjuti'],
    to: 'diteruskan',
    fields: {
      targets: list(
        'Tujuan penerusan',
        {
          kind: choice('Diteruskan kepada', FORWARD_KINDS, FORWARD_KIND_LABELS, 'Tujuan wajib dipilih.'),
          name: requiredLine('Nama tujuan', 200),
          copy: check('Tembusan', z.boolean().default(false)),
        },
        {
          item: 'Tujuan',
          add: 'Tambah tujuan',
          remove: 'Hapus tujuan',
          first: { kind: 'unit', name: '', copy: false },
          added: { kind: 'instansi_lain', name: '', copy: true },
          min: 'Pilih paling sedikit satu tujuan.',
          max: 10,
        },
      ),
      letterNo: optionalLine('Nomor surat', 80),
      note: note(),
    },
    meets: ['jawaban_awal'],
    describe: (d) => [d.targets && forwardedTo(d.targets), d.letterNo && `surat ${d.letterNo}`],
  }),
  tindak_lanjut: action({
    label: 'Catat tindak lanjut',
    from: ['diteruskan', 'ditindaklanjuti'],
    to: 'ditindaklanjuti',
    fields: { note: requiredArea('Perkembangan tindak lanjut', 4000) },
    meets: [],
  }),
  selesaikan: action({
    label: 'Selesaikan',
    from: ['diteruskan', 'ditindaklanjuti'],
    to: 'selesai',
    fields: {
      outcome: choice('Hasil penanganan', OUTCOMES, OUTCOME_LABELS, 'Hasil penanganan wajib dipilih.', '— pilih —'),
      sanctions: checks('Sanksi', SANCTIONS, SANCTION_LABELS, 4),
      note: requiredArea('Ringkasan penyelesaian', 8000),
    },
    writes: (v) => ({ outcome: v.outcome, sanctions: v.sanctions }),
    meets: ['penyelesaian'],
    describe: (d) => [d.outcome && OUTCOME_LABELS[d.outcome]],
  }),
  // The reporter says satisfied or not; not satisfied goes back to the team (SOP Dharmasraya 2017,
  // steps 7–8).
  kepuasan: action({
    label: 'Catat kepuasan pelapor',
    from: ['selesai', 'dijawab_langsung'],
    to: (input, facts) => (input.satisfied ? facts.status : 'ditindaklanjuti'),
    guard: (f) => (f.satisfaction === 'puas' ? 'Pelapor sudah menyatakan puas; kasus sudah ditutup.' : null),
    fields: { satisfied: yesNo('Pernyataan pelapor', 'Puas', 'Tidak puas (kembali ke tim)', 'Pilih puas atau tidak puas.'), note: note() },
    // Not satisfied reopens the case: the earlier outcome no longer stands.
    writes: (v) => (v.satisfied ? { satisfaction: 'puas' } : { satisfaction: 'tidak_puas', outcome: null }),
    meets: [],
    starts: { deadline: 'penyelesaian', when: { satisfied: false } },
    describe: (d) => [d.satisfied === undefined ? null : d.satisfied ? 'pelapor puas' : 'pelapor tidak puas'],
  }),
};

export type Action = keyof typeof WORKFLOW;
export const ACTIONS = Object.keys(WORKFLOW) as Action[];

export const isAction = (type: string): type is Action => Object.hasOwn(WORKFLOW, type);

/** A declaration seen without its action's own input type, for code that handles any action. */
export interface AnyActionSpec {
  label: string;
  from: readonly ComplaintStatus[];
  to: ComplaintStatus | ((input: never, facts: CaseFacts) => ComplaintStatus);
  guard?: (facts: CaseFacts) => string | null;
  fields: Readonly<Record<string, ActionField>>;
  input: z.ZodType<Record<string, unknown>, Record<string, unknown>>;
  writes?: (input: never) => HandlingFields;
  meets: readonly DeadlineKind[];
  starts?: { deadline: DeadlineKind; when?: Readonly<Record<string, unknown>> };
  describe?: (data: never) => (string | null | undefined)[];
}
export const specOf = (a: Action): AnyActionSpec => WORKFLOW[a];

/** Whether a recorded step (its type and data) starts the deadline `kind`. */
export function startsDeadline(type: string, data: Readonly<Record<string, unknown>>, kind: DeadlineKind): boolean {
  const starts = isAction(type) ? specOf(type).starts : undefined;
  return starts?.deadline === kind && Object.entries(starts.when ?? {}).every(([k, v]) => data[k] === v);
}

/** The actions whose step fulfils the deadline `kind`. */
export const actionsMeeting = (kind: DeadlineKind): ReadonlySet<string> => new Set(ACTIONS.filter((a) => specOf(a).meets.includes(kind)));

/**
 * Formulir A's "E. Penyelesaian" is what the officer answered or did at the counter (Perbup Buton
 * Utara 16/2019, Lampiran II.A and its walk-in procedure; docs/forms.md): filled at intake, the
 * complaint is saved as answered at the counter, the same step as "Dijawab langsung di loket", and
 * is not asked for again.
 */
export function answeredAtCounter(c: { form: FormKind; resolution?: string | null }): boolean {
  return c.form === 'A' && !!c.resolution?.trim();
}

/** The status a complaint is saved with. */
export function intakeStatus(c: { form: FormKind; resolution?: string | null }): ComplaintStatus {
  return answeredAtCounter(c) ? 'dijawab_langsung' : 'diterima';
}

export function allowedActions(facts: CaseFacts): Action[] {
  return ACTIONS.filter((a) => specOf(a).from.includes(facts.status) && !specOf(a).guard?.(facts));
}

export type TransitionResult = { ok: true; to: ComplaintStatus } | { ok: false; message: string };

/** Decides a transition without touching anything; the caller applies it. */
export function decide(facts: CaseFacts, action: Action, input: Record<string, unknown>): TransitionResult {
  const spec = specOf(action);
  const allowed = allowedActions(facts);
  const list = allowed.length ? allowed.map((a) => specOf(a).label).join(', ') : 'tidak ada (kasus sudah ditutup)';
  if (!spec.from.includes(facts.status)) {
    return { ok: false, message: `“${spec.label}” tidak dapat dilakukan pada status ${STATUS_LABELS[facts.status]}. Yang dapat dilakukan: ${list}.` };
  }
  const refusal = spec.guard?.(facts);
  if (refusal) return { ok: false, message: `${refusal} Yang dapat dilakukan: ${list}.` };
  return { ok: true, to: typeof spec.to === 'function' ? spec.to(input as never, facts) : spec.to };
}

const variant = <A extends Action>(action: A) =>
  z.object({ action: z.literal(action), id: z.uuid(), input: WORKFLOW[action].input as (typeof WORKFLOW)[A]['input'], actor: optionalText('Petugas', 120) });
type Variant = { [A in Action]: ReturnType<typeof variant<A>> }[Action];

export const transitionInput = z.discriminatedUnion('action', ACTIONS.map(variant) as [Variant, ...Variant[]], { error: 'Tindakan tidak dikenal.' });
export type TransitionInput = z.input<typeof transitionInput>;
/** A validated handling step: the action and its own input. */
export type Transition = z.output<typeof transitionInput>;

/** What the step writes on the complaint besides its status. */
export const writesOf = (t: Pick<Transition, 'action' | 'input'>): HandlingFields => specOf(t.action).writes?.(t.input as never) ?? {};
