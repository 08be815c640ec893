// *Ganti kata sandi*: everyone changes their own password with the current one. The core ends the
// account's other sessions (other tabs and windows sign in again with the new password).
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { changePasswordInput } from '../../../forms/accounts';
import { api } from '../app/api';
import { Field } from '../ui/Field';
import { formErrors, showFailure } from '../ui/failure';

const passwordForm = changePasswordInput.extend({ repeat: z.string() }).refine((v) => v.next === v.repeat, { path: ['repeat'], error: 'Kata sandi tidak sama dengan yang di atas.' });
type In = z.input<typeof passwordForm>;

export function PasswordPage() {
  const { register, handleSubmit, setError, reset, formState } = useForm<In, unknown, z.output<typeof passwordForm>>({ resolver: zodResolver(passwordForm), defaultValues: { current: '', next: '', repeat: '' } });
  const [status, setStatus] = useState<string | null>(null);
  const submit = async ({ current, next }: z.output<typeof passwordForm>) => {
    setStatus(null);
    try {
      await api.call('auth.changePassword', { current, next });
      reset();
      setStatus('Kata sandi sudah diganti.');
    } catch (e) {
      showFailure(e, 'Kata sandi tidak dapat diganti.', setStatus, formErrors(setError));
    }
  };
  const err = (k: keyof In) => formState.errors[k]?.message;
  return (
    <section>
      <h1>Ganti kata sandi</h1>
      <form noValidate onSubmit={(e) => void handleSubmit(submit)(e)}>
        <fieldset>
          <Field id="pw-current" label="Kata sandi lama" required error={err('current')}>
            {(aria) => <input type="password" autoComplete="current-password" {...aria} {...register('current')} />}
          </Field>
          <Field id="pw-next" label="Kata sandi baru" required hint="Paling sedikit 10 karakter" error={err('next')}>
            {(aria) => <input type="password" autoComplete="new-password" {...aria} {...register('next')} />}
          </Field>
          <Field id="pw-repeat" label="Ulangi kata sandi baru" required error={err('repeat')}>
            {(aria) => <input type="password" autoComplete="new-password" {...aria} {...register('repeat')} />}
          </Field>
        </fieldset>
        <div className="actions">
          <button type="submit">Ganti kata sandi</button>
        </div>
        <div role="status" aria-live="polite">
          {status}
        </div>
      </form>
    </section>
  );
}
