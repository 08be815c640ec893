import type { ReactNode } from 'react';

/** A question asked on the page before a step that cannot be taken back: the step's own button, and Batal. */
export function ConfirmNotice({ children, yes, onYes, onNo }: { children: ReactNode; yes: string; onYes: () => void; onNo: () => void }) {
  return (
    <div className="notice notice-warn" role="alert">
      <p>{children}</p>
      <div className="actions">
        <button type="button" onClick={onYes}>
          {yes}
        </button>
        <button type="button" className="secondary" onClick={onNo}>
          Batal
        </button>
      </div>
    </div>
  );
}
