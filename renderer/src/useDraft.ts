import { useCallback, useEffect, useRef, useState } from 'react';
import { uuidv7 } from 'uuidv7';
import type { AttachmentRef } from '../../forms/attachments';
import type { Draft } from '../../forms/drafts';
import type { FormKind } from '../../forms/vocabulary';
import { api } from './api';

/** Autosave well inside the half-second the officer may lose at most. */
export const AUTOSAVE_MS = 250;

type Values = Draft['data'];

/**
 * The form's draft: its id (which becomes the complaint's id), autosave of every change, and the
 * unfinished drafts of this form to offer back.
 */
export function useDraft(form: FormKind) {
  const [id, setId] = useState(() => uuidv7());
  const [pending, setPending] = useState<Draft[]>([]);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<{ id: string; data: Values; attachments: AttachmentRef[] } | null>(null);

  const refresh = useCallback(() => {
    api.call('drafts.list', { form }).then(setPending, () => setPending([]));
  }, [form]);
  useEffect(refresh, [refresh]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const next = latest.current;
    if (!next) return;
    latest.current = null;
    try {
      const res = await api.call('drafts.save', { id: next.id, form, data: next.data, attachments: next.attachments });
      setSavedAt(res.updatedAt);
    } catch {
      // The next keystroke tries again; the form itself still holds the text.
    }
  }, [form]);

  const schedule = useCallback(
    (data: Values, attachments: AttachmentRef[]) => {
      latest.current = { id, data, attachments };
      if (!timer.current) timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
    },
    [id, flush],
  );

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
    schedule,
    /** Continue an offered draft: its id is now this form's. */
    resume(d: Draft) {
      cancelPending();
      setId(d.id);
      setPending((p) => p.filter((x) => x.id !== d.id));
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
    },
    cancelPending,
  };
}
