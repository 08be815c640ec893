// Staff accounts and sessions: the shapes the API takes and answers (forms/api.ts auth.* and
// accounts.*), with Indonesian messages. Passwords are hashed in the core (server/passwords.ts);
// no answer ever carries one.
import { z } from 'zod';
import { nipField, requiredText } from './fields';
import { ROLES, type Role } from './roles';

export const USERNAME_RULE = 'Nama pengguna 3–32 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.';

export const usernameField = z
  .string({ error: 'Nama pengguna wajib diisi.' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'Nama pengguna wajib diisi.' })
  .regex(/^[a-z0-9._-]{3,32}$/, { error: USERNAME_RULE });

/** Long enough to resist guessing at the counter's PC (BSSN 4/2021 asks for strong passwords); no other rule to game. */
export const PASSWORD_MIN = 10;
export const passwordField = (label = 'Kata sandi') =>
  z
    .string({ error: `${label} wajib diisi.` })
    .min(1, { error: `${label} wajib diisi.` })
    .min(PASSWORD_MIN, { error: `${label} paling sedikit ${PASSWORD_MIN} karakter.` })
    .max(200, { error: `${label} paling banyak 200 karakter.` });

/** What is typed to sign in: any text (a wrong one is only "wrong", never a field rule). */
const typedPassword = z.string({ error: 'Kata sandi wajib diisi.' }).min(1, { error: 'Kata sandi wajib diisi.' }).max(200, { error: 'Kata sandi salah.' });

export const rolesField = z
  .array(z.enum(ROLES, { error: 'Peran tidak dikenal.' }), { error: 'Pilih paling sedikit satu peran.' })
  .min(1, { error: 'Pilih paling sedikit satu peran.' })
  .max(ROLES.length)
  .transform((rs) => ROLES.filter((r) => rs.includes(r)));

const accountFields = {
  name: requiredText('Nama lengkap', 120),
  nip: nipField('NIP'),
  roles: rolesField,
};

/** A new account (Akun pengguna, `npm run users -- add`). */
export const accountCreate = z.object({ username: usernameField, ...accountFields, password: passwordField() });
export type AccountCreate = z.output<typeof accountCreate>;

/** The first account of a new data folder (*Buat akun admin*): always an admin, maybe more. */
export const accountSetup = accountCreate.extend({ roles: rolesField.optional().transform((rs) => ROLES.filter((r) => r === 'admin' || rs?.includes(r))) });

export const accountUpdate = z.object({ id: z.uuid({ error: 'Akun tidak dikenal.' }), ...accountFields });
export type AccountUpdate = z.output<typeof accountUpdate>;

export const accountSetActive = z.object({ id: z.uuid({ error: 'Akun tidak dikenal.' }), active: z.boolean() });
export const accountResetPassword = z.object({ id: z.uuid({ error: 'Akun tidak dikenal.' }), password: passwordField('Kata sandi baru') });

export const signInInput = z.object({ username: z.string({ error: 'Nama pengguna wajib diisi.' }).trim().toLowerCase().min(1, { error: 'Nama pengguna wajib diisi.' }).max(64, { error: 'Nama pengguna salah.' }), password: typedPassword });
export const unlockInput = z.object({ password: typedPassword });
export const changePasswordInput = z.object({ current: typedPassword, next: passwordField('Kata sandi baru') });

/** An account as its holder and the admin see it. */
export const accountView = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  nip: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
  createdAt: z.string(),
  /** Until when wrong passwords keep it closed (an instant), or null. */
  lockedUntil: z.string().nullable(),
});
export type AccountView = z.infer<typeof accountView>;

/** Who is signed in, as the renderer needs it: name on screen, roles to hide what would be refused. */
export const sessionAccount = accountView.pick({ id: true, username: true, name: true, nip: true, roles: true });
export type SessionAccount = z.infer<typeof sessionAccount>;

export const SESSION_STATES = ['signedOut', 'locked', 'active'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

export const authState = z.object({
  /** A new data folder: no account yet, the first one is made at *Buat akun admin*. */
  setupNeeded: z.boolean(),
  state: z.enum(SESSION_STATES),
  /** The session's holder (also while locked, so the lock screen can name them). */
  account: sessionAccount.nullable(),
  /** The screen locks after this many idle minutes (Pengaturan). */
  idleMinutes: z.number().int(),
});
export type AuthState = z.infer<typeof authState>;

export const signedIn = z.object({ token: z.string(), account: sessionAccount, idleMinutes: z.number().int() });
export type SignedIn = z.infer<typeof signedIn>;

/** A person who may be named *Petugas penerima* or *Ketua*. */
export const staffMember = z.object({ id: z.string(), name: z.string(), nip: z.string().nullable() });
export type StaffMember = z.infer<typeof staffMember>;

export const hasRole = (a: { roles: readonly Role[] }, role: Role): boolean => a.roles.includes(role);
