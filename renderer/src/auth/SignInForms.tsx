// The three screens before the app: *Buat akun admin* (a new data folder), *Masuk*, and the lock
// screen (only the password of the person whose work is on the screen opens it).
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type FieldValues, type UseFormSetError } from 'react-hook-form';
import { z } from 'zod';
import { accountSetup, signInInput, unlockInput, type SessionAccount, type SignedIn } from '../../../forms/accounts';
import { ApiError } from '../../../forms/api';
import { api } from '../app/api';
import { Field } from '../ui/Field';
import { formErrors } from '../ui/failure';

/** A refusal: beside its fields, and the sentence above the button. */
function shown<T extends FieldValues>(e: unknown, setError: UseFormSetError<T>): string {
  if (e instanceof ApiError) {
    formErrors(setError)(e.fields);
    return Object.keys(e.fields).length ? '' : e.message;
  }
  return 'Aplikasi tidak dapat dihubungi. Coba lagi.';
}

const setupForm = accountSetup
  .extend({ repeat: z.string() })
  .refine((v) => v.password === v.repeat, { path: ['repeat'], error: 'Kata sandi tidak sama dengan yang di atas.' });

export function SetupForm({ onDone }: { onDone: (s: SignedIn) => void }) {
  type In = z.input<typeof setupForm>;
  const { register, handleSubmit, setError, formState } = useForm<In, unknown, z.output<typeof setupForm>>({ resolver: zodResolver(setupForm), defaultValues: { username: '', name: '', nip: '', password: '', repeat: '' } });
  const [message, setMessage] = useState('');
  const err = (k: keyof In) => formState.errors[k]?.message;
  const submit = async ({ repeat: _repeat, ...input }: z.output<typeof setupForm>) => {
    setMessage('');
    try {
      onDone(await api.call('auth.setup', input));
    } catch (e) {
      setMessage(shown(e, setError));
    }
  };
  return (
    <main className="gate">
      <h1>Buat akun admin</h1>
      <p className="subtitle">Folder data ini belum mempunyai akun. Akun pertama adalah admin: ia menambah akun petugas, tim penanganan, ketua dan pemeriksa di Pengaturan → Akun pengguna.</p>
      <form noValidate onSubmit={(e) => void handleSubmit(submit)(e)}>
        <Field id="setup-username" label="Nama pengguna" required hint="Huruf kecil, angka, titik, garis bawah atau tanda hubung" error={err('username')}>
          {(aria) => <input type="text" autoComplete="username" {...aria} {...register('username')} />}
        </Field>
        <Field id="setup-name" label="Nama lengkap" required error={err('name')}>
          {(aria) => <input type="text" autoComplete="name" {...aria} {...register('name')} />}
        </Field>
        <Field id="setup-nip" label="NIP" error={err('nip')}>
          {(aria) => <input type="text" inputMode="numeric" {...aria} {...register('nip')} />}
        </Field>
        <Field id="setup-password" label="Kata sandi" required hint="Paling sedikit 10 karakter" error={err('password')}>
          {(aria) => <input type="password" autoComplete="new-password" {...aria} {...register('password')} />}
        </Field>
        <Field id="setup-repeat" label="Ulangi kata sandi" required error={err('repeat')}>
          {(aria) => <input type="password" autoComplete="new-password" {...aria} {...register('repeat')} />}
        </Field>
        {message ? <p className="error" role="alert">{message}</p> : null}
        <div className="actions">
          <button type="submit" disabled={formState.isSubmitting}>
            Buat akun admin
          </button>
        </div>
      </form>
    </main>
  );
}

export function SignInForm({ notice, onDone }: { notice: string | null; onDone: (s: SignedIn) => void }) {
  type In = z.input<typeof signInInput>;
  const { register, handleSubmit, setError, formState } = useForm<In, unknown, z.output<typeof signInInput>>({ resolver: zodResolver(signInInput), defaultValues: { username: '', password: '' } });
  const [message, setMessage] = useState('');
  const submit = async (input: z.output<typeof signInInput>) => {
    setMessage('');
    try {
      onDone(await api.call('auth.signIn', input));
    } catch (e) {
      setMessage(shown(e, setError));
    }
  };
  return (
    <main className="gate">
      <h1>Masuk</h1>
      {notice ? <p className="notice">{notice}</p> : null}
      <form noValidate onSubmit={(e) => void handleSubmit(submit)(e)}>
        <Field id="signin-username" label="Nama pengguna" error={formState.errors.username?.message}>
          {(aria) => <input type="text" autoComplete="username" autoFocus {...aria} {...register('username')} />}
        </Field>
        <Field id="signin-password" label="Kata sandi" error={formState.errors.password?.message}>
          {(aria) => <input type="password" autoComplete="current-password" {...aria} {...register('password')} />}
        </Field>
        {message ? <p className="error" role="alert">{message}</p> : null}
        <div className="actions">
          <button type="submit" disabled={formState.isSubmitting}>
            Masuk
          </button>
        </div>
      </form>
    </main>
  );
}

export function LockScreen({ account, onUnlocked, onOther }: { account: SessionAccount; onUnlocked: (s: SignedIn) => void; onOther: () => void }) {
  type In = z.input<typeof unlockInput>;
  const { register, handleSubmit, setError, formState } = useForm<In, unknown, z.output<typeof unlockInput>>({ resolver: zodResolver(unlockInput), defaultValues: { password: '' } });
  const [message, setMessage] = useState('');
  const submit = async (input: z.output<typeof unlockInput>) => {
    setMessage('');
    try {
      onUnlocked(await api.call('auth.unlock', input));
    } catch (e) {
      setMessage(shown(e, setError));
    }
  };
  return (
    <main className="gate" role="dialog" aria-modal="true" aria-labelledby="lock-title">
      <h1 id="lock-title">Layar terkunci</h1>
      <p className="subtitle">
        {account.name} ({account.username}). Isian yang sedang diketik tidak hilang; masukkan kata sandi untuk melanjutkan.
      </p>
      <form noValidate onSubmit={(e) => void handleSubmit(submit)(e)}>
        <Field id="unlock-password" label="Kata sandi" error={formState.errors.password?.message}>
          {(aria) => <input type="password" autoComplete="current-password" autoFocus {...aria} {...register('password')} />}
        </Field>
        {message ? <p className="error" role="alert">{message}</p> : null}
        <div className="actions">
          <button type="submit" disabled={formState.isSubmitting}>
            Buka kunci
          </button>
          <button type="button" className="secondary" onClick={onOther}>
            Keluar (masuk sebagai orang lain)
          </button>
        </div>
      </form>
    </main>
  );
}
