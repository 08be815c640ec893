// The fields of a handling action's form, each declared once: the words the officer reads, the
// control that shows it, the zod schema that checks it (its messages name the same words) and the
// value the form starts with. forms/workflow.ts builds each action's form from these, and the
// renderer's ActionPanel draws any of them without knowing the action.
import { z } from 'zod';
import { optionalText, requiredText } from './fields';
import type { Classification, Jenis, Outcome, Sanction, Satisfaction } from './vocabulary';

/** The complaint's fields that handling sets, as they stand now (a complaint's detail has them). */
export interface CaseValues {
  classification: Classification | null;
  jenis: Jenis | null;
  darwas: boolean | null;
  category: string | null;
  reportedParty: string | null;
  anonymous: boolean;
  confidential: boolean;
  resolution: string | null;
  outcome: Outcome | null;
  sanctions: Sanction[];
  satisfaction: Satisfaction | null;
}

type Labels = Readonly<Record<string, string>>;

/** How a field is shown. `required` puts the star beside the label. */
export type FieldUi =
  | { kind: 'textarea' | 'text'; label: string; required: boolean }
  /** Options from a vocabulary list, or the office's categories from Pengaturan. */
  | { kind: 'select'; label: string; required: boolean; options: readonly string[] | 'categories'; labels?: Labels; placeholder?: string }
  | { kind: 'check'; label: string }
  | { kind: 'checks'; label: string; options: readonly string[]; labels: Labels }
  /** A statement with two answers, stored as true / false. */
  | { kind: 'yesno'; label: string; yes: string; no: string }
  /** Several items of the same small form (the targets of a forwarding). */
  | { kind: 'list'; label: string; item: string; add: string; remove: string; fields: Readonly<Record<string, FieldUi>>; added: Readonly<Record<string, unknown>> };

export interface ActionField<S extends z.ZodType = z.ZodType> {
  schema: S;
  ui: FieldUi;
  /** The value the form starts with, which may be the complaint's current one. */
  initial: (c: CaseValues) => unknown;
}

const field = <S extends z.ZodType>(schema: S, ui: FieldUi, empty: unknown): ActionField<S> => ({ schema, ui, initial: () => empty });

/** The same field, starting from what the complaint holds now (a verification corrects, it does not start over). */
export const prefilled = <S extends z.ZodType>(f: ActionField<S>, initial: (c: CaseValues) => unknown): ActionField<S> => ({ ...f, initial });

export const requiredArea = (label: string, max: number) => field(requiredText(label, max), { kind: 'textarea', label, required: true }, '');
export const optionalArea = (label: string, max: number) => field(optionalText(label, max), { kind: 'textarea', label, required: false }, '');
export const optionalLine = (label: string, max: number) => field(optionalText(label, max), { kind: 'text', label, required: false }, '');
export const requiredLine = (label: string, max: number) => field(requiredText(label, max), { kind: 'text', label, required: true }, '');
export const categoryChoice = (label: string, max: number) => field(requiredText(label, max), { kind: 'select', label, required: true, options: 'categories', placeholder: '— pilih —' }, '');

/** One of a vocabulary list; with a placeholder the officer must pick (the star), without it the first is chosen. */
export function choice<T extends readonly [string, ...string[]]>(label: string, options: T, labels: Record<T[number], string>, error: string, placeholder?: string) {
  return field(z.enum(options, { error }), { kind: 'select', label, required: placeholder !== undefined, options, labels, placeholder }, placeholder === undefined ? options[0] : '');
}

export const check = <S extends z.ZodType<boolean | undefined>>(label: string, schema: S) => field(schema, { kind: 'check', label }, false);

export function checks<T extends readonly [string, ...string[]]>(label: string, options: T, labels: Record<T[number], string>, max: number) {
  return field(z.array(z.enum(options)).max(max).default([]), { kind: 'checks', label, options, labels }, []);
}

export const yesNo = (label: string, yes: string, no: string, error: string) => field(z.boolean({ error }), { kind: 'yesno', label, yes, no }, true);

type Fields = Record<string, ActionField>;
type ShapeOf<F extends Fields> = { [K in keyof F]: F[K]['schema'] };

/** A form of fields: its zod object and what each field looks like. */
export function actionForm<F extends Fields>(fields: F) {
  const shape = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.schema])) as ShapeOf<F>;
  return { input: z.object(shape), fields };
}

/** The starting values of a form, for this complaint. */
export function initialValues(fields: Fields, c: CaseValues): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.initial(c)]));
}

/** Several items of one small form, at least one. `first` starts the list; `added` is what "add" appends. */
export function list<F extends Fields>(
  label: string,
  item: F,
  opts: { item: string; add: string; remove: string; first: Record<keyof F, unknown>; added: Record<keyof F, unknown>; min: string; max: number },
) {
  const { input } = actionForm(item);
  const ui: FieldUi = {
    kind: 'list',
    label,
    item: opts.item,
    add: opts.add,
    remove: opts.remove,
    fields: Object.fromEntries(Object.entries(item).map(([k, f]) => [k, f.ui])),
    added: opts.added,
  };
  return field(z.array(input).min(1, { error: opts.min }).max(opts.max), ui, [opts.first]);
}
