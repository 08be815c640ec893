import { z } from 'zod';
import { attachmentRef } from './attachments';
import { FORM_KINDS } from './vocabulary';

/** Raw values as typed (strings and booleans), not yet valid: a draft may be half a form. */
const draftValues = z.record(z.string().max(60), z.union([z.string().max(20_000), z.boolean(), z.null()]));

export const draftSave = z.object({
  id: z.uuid(),
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
});
export type Draft = z.infer<typeof draft>;
