// A complaint's history as the screens and printouts read it: each event's data typed by what wrote
// it. A handling step records its form's input (forms/workflow.ts; the note is kept beside it) and
// the move it made; `created`, `koreksi` and `upstream` are written by the intake, the correction
// and the sync. A field an older version did not record reads as absent, never as an error.
import { z } from 'zod';
import { UPSTREAM_STATUS_LABELS, type UpstreamStatus } from './upstream-v1';
import { COMPLAINT_STATUSES, FORM_KINDS, STATUS_LABELS } from './vocabulary';
import { ACTIONS, specOf, WORKFLOW, type Action } from './workflow';

type Shape = Record<string, z.ZodType>;
type Lenient<S extends Shape> = { [K in keyof S]: z.ZodCatch<z.ZodOptional<S[K]>> };

/** Each field optional, and a value that no longer fits reads as absent. */
function lenient<S extends Shape>(shape: S): z.ZodObject<Lenient<S>> {
  return z.object(Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, s.optional().catch(undefined)])) as Lenient<S>);
}

const status = z.enum(COMPLAINT_STATUSES);
/** The move every step records beside its input. */
const step = { from: status, to: status, version: z.number().int() };

const base = { seq: z.number().int(), at: z.string(), actor: z.string().nullable(), note: z.string().nullable() };

const actionEvent = <A extends Action>(a: A) => {
  const { note: _note, ...input } = WORKFLOW[a].input.shape as Record<string, z.ZodType>;
  return z.object({ ...base, type: z.literal(a), data: lenient({ ...(input as Omit<(typeof WORKFLOW)[A]['input']['shape'], 'note'>), ...step }) });
};
type ActionEvent = { [A in Action]: ReturnType<typeof actionEvent<A>> }[Action];

const createdEvent = z.object({
  ...base,
  type: z.literal('created'),
  data: lenient({
    version: z.number().int(),
    form: z.enum(FORM_KINDS),
    /** Saved as answered at the counter (Formulir A's E. Penyelesaian), and the state it went to. */
    answeredAtCounter: z.boolean(),
    to: status,
    confirmedDespiteDuplicateOf: z.string(),
  }),
});
const correctionEvent = z.object({
  ...base,
  type: z.literal('koreksi'),
  data: lenient({ fields: z.array(z.string()), labels: z.array(z.string()), before: z.record(z.string(), z.unknown()), version: z.number().int() }),
});
const upstreamEvent = z.object({
  ...base,
  type: z.literal('upstream'),
  data: lenient({ status: z.string(), upstreamSeq: z.number().int(), trackingId: z.string() }),
});
/** A step this version does not know (written by a newer one): shown by its name. */
const unknownEvent = z.object({ ...base, type: z.literal('lain'), data: z.object({ type: z.string() }) });

export const complaintEvent = z.discriminatedUnion('type', [createdEvent, correctionEvent, upstreamEvent, unknownEvent, ...(ACTIONS.map(actionEvent) as [ActionEvent, ...ActionEvent[]])]);
export type ComplaintEvent = z.output<typeof complaintEvent>;
export type EventType = ComplaintEvent['type'];

/** A stored event (its data parsed from JSON) as the typed history holds it. */
export function readEvent(row: { seq: number; type: string; at: string; actor: string | null; note: string | null; data: Record<string, unknown> }): ComplaintEvent {
  const parsed = complaintEvent.safeParse(row);
  return parsed.success ? parsed.data : { ...row, type: 'lain', data: { type: row.type } };
}

export const EVENT_LABELS: Record<Exclude<EventType, 'lain'>, string> = {
  created: 'Dicatat',
  koreksi: 'Koreksi data',
  upstream: 'Kabar dari upstream',
  ...(Object.fromEntries(ACTIONS.map((a) => [a, specOf(a).label])) as Record<Action, string>),
};

export const eventLabel = (e: ComplaintEvent): string => (e.type === 'lain' ? e.data.type : EVENT_LABELS[e.type]);

/** What the history says after the step's name: its details and where it led, `; `-separated. */
export function describeEvent(e: ComplaintEvent): string {
  const parts = ((): (string | null | undefined | false)[] => {
    switch (e.type) {
      case 'created':
        return [e.data.answeredAtCounter && 'dijawab langsung di loket (E. Penyelesaian)', e.data.to && `→ ${STATUS_LABELS[e.data.to]}`];
      case 'koreksi':
        return [e.data.labels && `diubah: ${e.data.labels.join(', ')}`];
      case 'upstream':
        return [e.data.status && `status upstream: ${UPSTREAM_STATUS_LABELS[e.data.status as UpstreamStatus] ?? e.data.status}`];
      case 'lain':
        return [];
      default:
        return [...(specOf(e.type).describe?.(e.data as never) ?? []), e.data.to && `→ ${STATUS_LABELS[e.data.to]}`];
    }
  })();
  return parts.filter((p): p is string => !!p).join('; ');
}
