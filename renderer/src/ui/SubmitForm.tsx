import type { FormHTMLAttributes } from 'react';

/**
 * A form the app handles itself: no browser validation bubbles (messages stand beside the fields,
 * in Indonesian) and no page load; Enter in a field and the submit button both run `onSubmit`.
 */
export function SubmitForm({ onSubmit, children, ...rest }: Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'noValidate'> & { onSubmit: () => unknown }) {
  return (
    <form
      noValidate
      {...rest}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}
