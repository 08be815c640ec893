import { useCallback, useEffect, useRef, useState } from 'react';
import { uuidv7 } from 'uuidv7';
import type { AttachmentRef } from '../../forms/attachments';
import { ApiError } from '../../forms/api';
import { DRAFT_HEARTBEAT_MS, DRAFT_HELD_MESSAGE, type Draft } from '../../forms/drafts';
import type { FormKind } from '../../forms/vocabulary';
import { api } from './api';

/** Autosave well inside the half-second the officer may lose at most. */
export const AUTOSAVE_MS = 250;

/**
 * This window's id for draft holds. Kept in sessionStorage so a reload of the same tab keeps its
 * drafts, while another tab (its own sessionStorage) gets its own id.
 */
export const WINDOW_ID: string = (() => {
  const key = 'loket-window-id';
  try {
    const known = sessionStorage.getItem(key);
    if (known) return known;
    const fresh = uuidv7();
    sessionStorage.setItem(key, fresh);
    return fresh;
  } catch {
    return uuidv7();
  }
})();

type Values = Draft['data'];

/**
 * The form's draft: its id (which becomes the complaint's id), autosave of every change, and the
 * unfinished drafts of this form to offer back.
 */
export function useDraft(form: FormKind) {
  const [id, setId] = useState(() => uuidv7());
  const [pending, setPending] = useState<Draft[]>([]);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  /** Set when another window holds this draft: autosave stops and the form says why. */
  const [heldElsewhere, setHeldElsewhere] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<{ id: string; data: Values; attachments: AttachmentRef[] } | null>(null);

  const refresh = useCallback(() => {
    api.call('drafts.list', { form, holder: WINDOW_ID }).then(setPending, () => setPending([]));
  }, [form]);
  useEffect(refresh, [refresh]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const next = latest.current;
    if (!next) return;
    latest.current = null;
    try {
      const res = await api.call('drafts.save', { id: next.id, holder: WINDOW_ID, form, data: next.data, attachments: next.attachments });
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
      api.call('drafts.hold', { id, holder: WINDOW_ID }).then(
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
    /** Continue an offered draft: its id is now this form's, unless another window holds it. */
    async resume(d: Draft): Promise<boolean> {
      const { held } = await api.call('drafts.hold', { id: d.id, holder: WINDOW_ID });
      if (!held) {
        refresh();
        return false;
      }
      cancelPending();
      setId(d.id);
      setHeldElsewhere(null);
      setPending((p) => p.filter((x) => x.id !== d.id));
      return true;
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
