import { useCallback, useEffect, useRef, useState } from 'react';
import { uuidv7 } from 'uuidv7';
import type { AttachmentRef } from '../../../forms/attachments';
import { ApiError } from '../../../forms/api';
import { DRAFT_HEARTBEAT_MS, DRAFT_HELD_MESSAGE, type Draft } from '../../../forms/drafts';
import type { FormKind } from '../../../forms/vocabulary';
import { api } from '../app/api';
import { isGoneWindow, windowId, windowReady } from './windowIdentity';

/** Autosave well inside the half-second the officer may lose at most. */
export const AUTOSAVE_MS = 250;

/** While another window holds an offered draft, the offer is read again this often (its hold may lapse). */
const OFFER_REFRESH_MS = 5_000;

type Values = Draft['data'];

/** An unfinished draft offered back; `orphaned` when the window holding it was this browser's and is gone. */
export type OfferedDraft = Draft & { orphaned: boolean };

/**
 * The form's draft: its id (which becomes the complaint's id), autosave of every change, and the
 * unfinished drafts of this form to offer back.
 */
export function useDraft(form: FormKind) {
  const [id, setId] = useState(() => uuidv7());
  const [pending, setPending] = useState<OfferedDraft[]>([]);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  /** Set when another window holds this draft: autosave stops and the form says why. */
  const [heldElsewhere, setHeldElsewhere] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<{ id: string; data: Values; attachments: AttachmentRef[] } | null>(null);

  const refresh = useCallback(() => {
    windowReady
      .then((holder) => api.call('drafts.list', { form, holder }))
      .then((list) => Promise.all(list.map(async (d) => ({ ...d, orphaned: !!d.heldBy && (await isGoneWindow(d.heldBy)) }))))
      .then(setPending, () => setPending([]));
  }, [form]);
  useEffect(refresh, [refresh]);
  // A draft held by a window that may still be open is offered once that window lets go of it.
  const waiting = pending.some((d) => d.heldElsewhere && !d.orphaned);
  useEffect(() => {
    if (!waiting) return;
    const t = setInterval(refresh, OFFER_REFRESH_MS);
    return () => clearInterval(t);
  }, [waiting, refresh]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const next = latest.current;
    if (!next) return;
    latest.current = null;
    try {
      const res = await api.call('drafts.save', { id: next.id, holder: await windowReady, form, data: next.data, attachments: next.attachments });
      setSavedAt(res.updatedAt);
    } catch (e) {
      if (e instanceof ApiError && e.message === DRAFT_HELD_MESSAGE) setHeldElsewhere(e.message);
      // Otherwise the next keystroke tries again; the form itself still holds the text.
    }
  }, [form]);

  const held = useRef(false);
  held.current = !!heldElsewhere;
  const schedule = useCallback(
    (data: Values, attachments: AttachmentRef[]) => {
      if (held.current) return; // another window has it; writing would overwrite that window's work
      latest.current = { id, data, attachments };
      if (!timer.current) timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
    },
    [id, flush],
  );

  // Keep the hold while the form is open, even when the officer pauses typing.
  useEffect(() => {
    if (!savedAt) return;
    const beat = setInterval(() => {
      api.call('drafts.hold', { id, holder: windowId() }).then(
        (r) => (r.held ? undefined : setHeldElsewhere(DRAFT_HELD_MESSAGE)),
        () => undefined,
      );
    }, DRAFT_HEARTBEAT_MS);
    return () => clearInterval(beat);
  }, [id, savedAt]);

  // Closing the window or leaving the form: write what is pending at once.
  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void flush();
    };
  }, [flush]);

  const cancelPending = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    latest.current = null;
  };

  return {
    id,
    savedAt,
    pending: pending.filter((d) => d.id !== id),
    heldElsewhere,
    schedule,
    /**
     * Continue an offered draft: its id is now this form's, unless another window holds it (the
     * hold of a window this browser saw gone is taken over). What was typed in the form before is
     * written as its own draft first and offered back.
     */
    async resume(d: OfferedDraft): Promise<boolean> {
      const { held } = await api.call('drafts.hold', { id: d.id, holder: await windowReady, takeOverFrom: d.orphaned ? d.heldBy : null });
      if (!held) {
        refresh();
        return false;
      }
      await flush();
      setId(d.id);
      setHeldElsewhere(null);
      refresh();
      return true;
    },
    /** A blank form: what is being typed stays a draft of its own (offered back), the form gets a fresh id. */
    async setAside() {
      await flush();
      setId(uuidv7());
      setSavedAt(null);
      setHeldElsewhere(null);
      refresh();
    },
    async discard(draftId: string) {
      if (draftId === id) cancelPending();
      await api.call('drafts.discard', { id: draftId });
      setPending((p) => p.filter((x) => x.id !== draftId));
    },
    /** After a save the server has deleted the draft; the next form gets a fresh id. */
    startNew() {
      cancelPending();
      setId(uuidv7());
      setSavedAt(null);
      setHeldElsewhere(null);
    },
    cancelPending,
  };
}
