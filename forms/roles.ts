// Who may do what. The roles of the office's staff are declared here once, with their Indonesian
// names; each API method says who may call it next to its declaration (forms/api.ts `access`), each
// handling action who may take it (forms/workflow.ts `by`), each printout who may print it
// (forms/print.ts). The core enforces these in server/dispatch.ts; the renderer reads the same
// declarations to hide what the core would refuse.

export const ROLES = ['petugas', 'penangan', 'ketua', 'admin', 'pemeriksa'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  petugas: 'Petugas layanan pengaduan',
  penangan: 'Tim penanganan',
  ketua: 'Ketua tim',
  admin: 'Admin',
  pemeriksa: 'Pemeriksa (hanya baca)',
};

/** What each role is for, shown beside the role's box in *Akun pengguna*. */
export const ROLE_HINTS: Record<Role, string> = {
  petugas: 'Mencatat Formulir A/B/C, draf, tanda terima, pencarian dan daftar, jawaban pertama di loket.',
  penangan: 'Tindakan penanganan, surat, koreksi data.',
  ketua: 'Semua tugas tim penanganan, ditambah rekap, monev, indikator dan tanda tangan rekap.',
  admin: 'Akun pengguna, pengaturan, kalender, pengaturan sinkronisasi.',
  pemeriksa: 'Melihat daftar, rekap dan log audit; tidak dapat mengubah data.',
};

/** A ketua does everything the handling team does (the role table): roles a role brings with it. */
const IMPLIES: Partial<Record<Role, readonly Role[]>> = { ketua: ['penangan'] };

/** The roles a person effectively holds: theirs and what they imply. */
export function effectiveRoles(roles: readonly Role[]): Role[] {
  const out = new Set<Role>();
  for (const r of roles) {
    out.add(r);
    for (const implied of IMPLIES[r] ?? []) out.add(implied);
  }
  return ROLES.filter((r) => out.has(r));
}

/**
 * Who may call a method: anyone (`public`: signing in, the first account), anyone signed in
 * (`signedIn`), or the holders of any of the listed roles.
 */
export type Access = 'public' | 'signedIn' | readonly [Role, ...Role[]];

/** Whether a person with `roles` (null: nobody signed in) may call something declared `access`. */
export function mayAccess(access: Access, roles: readonly Role[] | null): boolean {
  if (access === 'public') return true;
  if (roles === null) return false;
  if (access === 'signedIn') return true;
  const held = effectiveRoles(roles);
  return access.some((r) => held.includes(r));
}

/** "Petugas layanan pengaduan atau Tim penanganan": who may, for a refusal message. */
export function rolesText(roles: readonly Role[]): string {
  const names = roles.map((r) => ROLE_LABELS[r]);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} atau ${names.at(-1)}`;
}

export const UNAUTHENTICATED_MESSAGE = 'Anda belum masuk atau sesi Anda sudah berakhir. Masuk lagi untuk melanjutkan; isian yang sedang diketik tidak hilang.';

/** The refusal for a person whose roles do not allow it. */
export function forbiddenMessage(what: string, allowed: readonly Role[]): string {
  return `Anda tidak berhak ${what}. Yang berhak: ${rolesText(allowed)}.`;
}
