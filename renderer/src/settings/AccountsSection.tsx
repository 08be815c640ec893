// Pengaturan → *Akun pengguna* (admin): add accounts, change name, NIP and roles, deactivate (the
// person is signed out everywhere at once), reset a password. The core refuses leaving the office
// without an active admin, and says so beside the field.
import { useState } from 'react';
import type { AccountView } from '../../../forms/accounts';
import { ApiError } from '../../../forms/api';
import { ROLE_HINTS, ROLE_LABELS, ROLES, type Role } from '../../../forms/roles';
import { api } from '../app/api';
import { useAccount } from '../auth/AuthGate';
import { Field } from '../ui/Field';
import { LoadedFrom } from '../ui/Loaded';
import { SubmitForm } from '../ui/SubmitForm';
import { showFailure } from '../ui/failure';

export function AccountsSection({ onChange }: { onChange: () => void }) {
  return (
    <section aria-labelledby="accounts-title">
      <h2 id="accounts-title">Akun pengguna</h2>
      <LoadedFrom method="accounts.list" input={{}} what="akun pengguna">
        {(list, set) => (
          <Accounts
            list={list}
            changed={(row) => {
              set(list.some((a) => a.id === row.id) ? list.map((a) => (a.id === row.id ? row : a)) : [...list, row]);
              onChange();
            }}
          />
        )}
      </LoadedFrom>
    </section>
  );
}

type Editing = { kind: 'add' } | { kind: 'edit'; account: AccountView } | { kind: 'password'; account: AccountView } | null;

function Accounts({ list, changed }: { list: AccountView[]; changed: (a: AccountView) => void }) {
  const me = useAccount().account;
  const [editing, setEditing] = useState<Editing>(null);
  const [status, setStatus] = useState<string | null>(null);
  const setActive = async (a: AccountView, active: boolean) => {
    setStatus(null);
    try {
      changed(await api.call('accounts.setActive', { id: a.id, active }));
      setStatus(active ? `Akun ${a.username} diaktifkan.` : `Akun ${a.username} dinonaktifkan; semua sesinya berakhir.`);
    } catch (e) {
      setStatus(e instanceof Error ? e.message : 'Gagal.');
    }
  };
  return (
    <>
      <table className="list" aria-label="Akun pengguna">
        <thead>
          <tr>
            <th>Nama pengguna</th>
            <th>Nama lengkap</th>
            <th>NIP</th>
            <th>Peran</th>
            <th>Status</th>
            <th>Tindakan</th>
          </tr>
        </thead>
        <tbody>
          {list.map((a) => (
            <tr key={a.id} data-testid={`account-${a.username}`}>
              <td>{a.username}</td>
              <td>{a.name}</td>
              <td>{a.nip ?? ''}</td>
              <td>{a.roles.map((r) => ROLE_LABELS[r]).join(', ')}</td>
              <td>{a.active ? (a.lockedUntil ? 'Terkunci sementara' : 'Aktif') : 'Nonaktif'}</td>
              <td className="filter-actions">
                <button type="button" className="secondary" onClick={() => setEditing({ kind: 'edit', account: a })}>
                  Ubah
                </button>
                <button type="button" className="secondary" onClick={() => setEditing({ kind: 'password', account: a })}>
                  Atur ulang kata sandi
                </button>
                {a.id === me.id ? null : (
                  <button type="button" className="secondary" onClick={() => void setActive(a, !a.active)}>
                    {a.active ? 'Nonaktifkan' : 'Aktifkan'}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div role="status" aria-live="polite">
        {status}
      </div>
      {editing === null ? (
        <div className="actions">
          <button type="button" onClick={() => setEditing({ kind: 'add' })}>
            Tambah akun
          </button>
        </div>
      ) : editing.kind === 'password' ? (
        <PasswordReset key={editing.account.id} account={editing.account} done={(a) => (a && (changed(a), setStatus(`Kata sandi ${a.username} diatur ulang; sesinya berakhir.`)), setEditing(null))} />
      ) : (
        <AccountEditor key={editing.kind === 'edit' ? editing.account.id : 'new'} account={editing.kind === 'edit' ? editing.account : null} done={(a) => (a && changed(a), setEditing(null))} />
      )}
    </>
  );
}

function AccountEditor({ account, done }: { account: AccountView | null; done: (a: AccountView | null) => void }) {
  const [v, setV] = useState({ username: account?.username ?? '', name: account?.name ?? '', nip: account?.nip ?? '', password: '', roles: account?.roles ?? (['petugas'] as Role[]) });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const save = async () => {
    setErrors({});
    setMessage('');
    try {
      const saved = account
        ? await api.call('accounts.update', { id: account.id, name: v.name, nip: v.nip, roles: v.roles })
        : await api.call('accounts.create', { username: v.username, name: v.name, nip: v.nip, roles: v.roles, password: v.password });
      done(saved);
    } catch (e) {
      showFailure(e, 'Gagal menyimpan akun.', setMessage, setErrors);
    }
  };
  const text = (k: 'username' | 'name' | 'nip' | 'password', label: string, type = 'text', hint?: string) => (
    <Field id={`acc-${k}`} label={label} hint={hint} required={k !== 'nip'} error={errors[k]}>
      {(aria) => <input type={type} autoComplete={type === 'password' ? 'new-password' : 'off'} {...aria} value={v[k]} onChange={(e) => setV({ ...v, [k]: e.target.value })} />}
    </Field>
  );
  return (
    <SubmitForm
      className="action-form"
      aria-label={account ? `Ubah akun ${account.username}` : 'Tambah akun'}
      onSubmit={save}
    >
      <h3>{account ? `Ubah akun ${account.username}` : 'Tambah akun'}</h3>
      {account ? null : text('username', 'Nama pengguna')}
      {text('name', 'Nama lengkap')}
      {text('nip', 'NIP', 'text', '18 angka; dicetak di bawah tanda tangan')}
      {account ? null : text('password', 'Kata sandi', 'password', 'Paling sedikit 10 karakter; sampaikan kepada pemilik akun secara langsung')}
      <fieldset aria-describedby={errors.roles ? 'acc-roles-error' : undefined}>
        <legend>Peran</legend>
        {ROLES.map((r) => (
          <label key={r} className="check">
            <input type="checkbox" checked={v.roles.includes(r)} onChange={(e) => setV({ ...v, roles: e.target.checked ? [...v.roles, r] : v.roles.filter((x) => x !== r) })} /> {ROLE_LABELS[r]}{' '}
            <span className="hint">{ROLE_HINTS[r]}</span>
          </label>
        ))}
        {errors.roles ? (
          <div className="error" id="acc-roles-error" role="alert">
            {errors.roles}
          </div>
        ) : null}
      </fieldset>
      {message ? <p className="error" role="alert">{message}</p> : null}
      <div className="actions">
        <button type="submit">Simpan akun</button>
        <button type="button" className="secondary" onClick={() => done(null)}>
          Batal
        </button>
      </div>
    </SubmitForm>
  );
}

function PasswordReset({ account, done }: { account: AccountView; done: (a: AccountView | null) => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const save = async () => {
    setError(undefined);
    try {
      done(await api.call('accounts.resetPassword', { id: account.id, password }));
    } catch (e) {
      setError(e instanceof ApiError ? (e.fields.password ?? e.message) : 'Gagal.');
    }
  };
  return (
    <SubmitForm
      className="action-form"
      aria-label={`Atur ulang kata sandi ${account.username}`}
      onSubmit={save}
    >
      <h3>Atur ulang kata sandi {account.username}</h3>
      <Field id="acc-reset" label="Kata sandi baru" required hint="Paling sedikit 10 karakter" error={error}>
        {(aria) => <input type="password" autoComplete="new-password" {...aria} value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit">Atur ulang</button>
        <button type="button" className="secondary" onClick={() => done(null)}>
          Batal
        </button>
      </div>
    </SubmitForm>
  );
}
