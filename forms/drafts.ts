import { z } from 'zod';
import { attachmentRef } from './attachments';
import { FORM_KINDS } from './vocabulary';

/** Raw values as typed (strings and booleans), not yet valid: a draft may be half a form. */
const draftValues = z.record(z.string().max(60), z.union([z.string().max(20_000), z.boolean(), z.null()]));

/**
 * A window holds the draft it edits for DRAFT_LEASE_MS after each autosave or heartbeat, so a
 * second window (another browser tab) cannot continue the same draft at the same time: one draft,
 * one window, one complaint id (docs/upstream-v1.md, "Lessons from earlier systems": one draft
 * opened twice became two submissions with one id).
 */
export const DRAFT_LEASE_MS = 30_000;
export const DRAFT_HEARTBEAT_MS = 10_000;

/** The id of one window (browser tab); null from callers that are not windows (imports, tests). */
const holder = z.uuid().nullish().transform((v) => v ?? null);

export const draftSave = z.object({
  id: z.uuid(),
  holder,
  form: z.enum(FORM_KINDS),
  data: draftValues.refine((d) => Object.keys(d).length <= 40, { error: 'Draf terlalu besar.' }),
  attachments: z.array(attachmentRef).max(20).default([]),
});

export const draft = z.object({
  id: z.string(),
  form: z.enum(FORM_KINDS),
  data: draftValues,
  attachments: z.array(attachmentRef),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Another window is editing it now. */
  heldElsewhere: z.boolean(),
  /** That window's id (null when no other window holds it), so its own browser can tell whether it is still open. */
  heldBy: z.string().nullable(),
});
export type Draft = z.infer<typeof draft>;

export const draftList = z.object({ form: z.enum(FORM_KINDS).nullish(), holder });
/**
 * `takeOverFrom`: the window whose hold is taken over before its lease lapses. Only a window of the
 * same browser may ask, having seen that window gone (its Web Lock released: closed or crashed).
 * It succeeds only while that window is still the holder, so two windows never both win.
 */
export const draftHold = z.object({ id: z.uuid(), holder: z.uuid(), takeOverFrom: z.uuid().nullish() });

export const DRAFT_HELD_MESSAGE = 'Draf ini sedang dibuka di jendela lain. Lanjutkan di jendela itu, atau tutup jendela itu lalu coba lagi.';

/** A second save of a draft that is already a complaint (two tabs, a double click that raced). */
export const DRAFT_ALREADY_SAVED_MESSAGE = 'Draf ini sudah disimpan sebagai pengaduan. Buka Daftar Pengaduan untuk melihatnya.';
