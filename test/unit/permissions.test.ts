// The permission table (forms/roles.ts, the `access` of each method in forms/api.ts, `by` of each
// handling action, PRINT_ROLES): who may do what, as the issue lists the roles.
import { describe, expect, it } from 'vitest';
import { contract, mayCall, type Method } from '../../forms/api';
import { PRINT_KINDS, PRINT_ROLES } from '../../forms/print';
import { effectiveRoles, forbiddenMessage, mayAccess, ROLE_LABELS, ROLES, type Role } from '../../forms/roles';
import { ACTIONS, mayTake, takeRefusal } from '../../forms/workflow';

const METHODS = Object.keys(contract) as Method[];
const only = (role: Role) => METHODS.filter((m) => mayCall(m, [role]));

describe('roles', () => {
  it('are five, each with its Indonesian name; a ketua also holds what the handling team holds', () => {
    expect(ROLES).toEqual(['petugas', 'penangan', 'ketua', 'admin', 'pemeriksa']);
    expect(ROLE_LABELS).toMatchObject({ petugas: 'Petugas layanan pengaduan', penangan: 'Tim penanganan', ketua: 'Ketua tim', admin: 'Admin' });
    expect(effectiveRoles(['ketua'])).toEqual(['penangan', 'ketua']);
    expect(effectiveRoles(['admin', 'petugas'])).toEqual(['petugas', 'admin']);
    expect(effectiveRoles([])).toEqual([]);
  });

  it('public is open to anyone, signedIn to any role, a list to its roles (and what implies them)', () => {
    expect(mayAccess('public', null)).toBe(true);
    expect(mayAccess('signedIn', null)).toBe(false);
    expect(mayAccess('signedIn', ['pemeriksa'])).toBe(true);
    expect(mayAccess(['penangan'], ['ketua'])).toBe(true);
    expect(mayAccess(['ketua'], ['penangan'])).toBe(false);
    expect(mayAccess(['admin'], ['petugas', 'penangan', 'ketua', 'pemeriksa'])).toBe(false);
    expect(mayAccess(['admin'], [])).toBe(false);
  });

  it('refusals name who may, in Indonesian', () => {
    expect(forbiddenMessage('membuka Pengaturan', ['admin'])).toBe('Anda tidak berhak membuka Pengaturan. Yang berhak: Admin.');
    expect(forbiddenMessage('melakukan ini', ['ketua', 'pemeriksa'])).toBe('Anda tidak berhak melakukan ini. Yang berhak: Ketua tim atau Pemeriksa (hanya baca).');
  });
});

describe('the contract: every method says who may call it and whether it changes data', () => {
  it.each(METHODS)('%s', (m) => {
    const { access, changes } = contract[m];
    expect(access === 'public' || access === 'signedIn' || (Array.isArray(access) && access.length > 0 && access.every((r) => ROLES.includes(r)))).toBe(true);
    expect(typeof changes).toBe('boolean');
    // A change needs someone to name in its audit row.
    if (changes) expect(access).not.toBe('public');
  });

  it('petugas: keys the forms, drafts, receipts, the list and search; nothing of settings, recaps or the audit log', () => {
    for (const m of ['complaints.create', 'drafts.save', 'drafts.list', 'attachments.upload', 'print.pdf', 'complaints.list', 'complaints.get', 'accounts.officers'] as Method[]) expect(mayCall(m, ['petugas']), m).toBe(true);
    for (const m of ['settings.save', 'calendar.save', 'sync.settings.save', 'accounts.create', 'recap.weekly', 'audit.list', 'complaints.correct', 'monev.save'] as Method[]) expect(mayCall(m, ['petugas']), m).toBe(false);
  });

  it('penangan: the handling steps and corrections; not keying, recaps or settings', () => {
    for (const m of ['complaints.transition', 'complaints.correct', 'complaints.list', 'print.pdf', 'sync.requeue'] as Method[]) expect(mayCall(m, ['penangan']), m).toBe(true);
    for (const m of ['complaints.create', 'recap.weekly', 'settings.save', 'audit.list'] as Method[]) expect(mayCall(m, ['penangan']), m).toBe(false);
  });

  it('ketua: everything the handling team does, plus recaps, monev and indicators', () => {
    expect(only('penangan').filter((m) => !mayCall(m, ['ketua']))).toEqual([]);
    for (const m of ['recap.weekly', 'recap.period', 'recap.indicators', 'recap.pdf', 'recap.export.start', 'monev.save'] as Method[]) expect(mayCall(m, ['ketua']), m).toBe(true);
    expect(mayCall('settings.save', ['ketua'])).toBe(false);
  });

  it('admin: accounts, settings, calendar and sync settings; no complaint data without another role', () => {
    for (const m of ['accounts.create', 'accounts.setActive', 'settings.save', 'calendar.import', 'sync.settings.save', 'audit.list'] as Method[]) expect(mayCall(m, ['admin']), m).toBe(true);
    for (const m of ['complaints.create', 'complaints.get', 'recap.weekly'] as Method[]) expect(mayCall(m, ['admin']), m).toBe(false);
  });

  it('pemeriksa: lists, recaps and the audit log, and nothing that changes data', () => {
    for (const m of ['complaints.list', 'recap.weekly', 'recap.export.start', 'audit.list', 'audit.export', 'audit.verify'] as Method[]) expect(mayCall(m, ['pemeriksa']), m).toBe(true);
    expect(only('pemeriksa').filter((m) => contract[m].changes)).toEqual(['auth.changePassword']);
  });

  it('without a session only the public methods: the state, the first account, signing in, unlocking, signing out', () => {
    expect(METHODS.filter((m) => mayCall(m, null))).toEqual(['auth.state', 'auth.setup', 'auth.signIn', 'auth.unlock', 'auth.signOut']);
  });
});

describe('steps and printouts', () => {
  it('the counter answers at the counter; every other handling step is the handling team’s (and so the ketua’s)', () => {
    expect(ACTIONS.filter((a) => mayTake(a, ['petugas']))).toEqual(['jawab_langsung']);
    expect(ACTIONS.filter((a) => !mayTake(a, ['penangan']))).toEqual([]);
    expect(ACTIONS.filter((a) => !mayTake(a, ['ketua']))).toEqual([]);
    expect(ACTIONS.filter((a) => mayTake(a, ['admin', 'pemeriksa']))).toEqual([]);
    expect(takeRefusal('selesaikan')).toBe('Anda tidak berhak melakukan “Selesaikan”. Yang berhak: Tim penanganan.');
  });

  it('the counter prints the receipt and the form; letters are the handling team’s', () => {
    expect(PRINT_KINDS.filter((k) => mayAccess(PRINT_ROLES[k], ['petugas']))).toEqual(['receipt', 'form']);
    expect(PRINT_KINDS.filter((k) => mayAccess(PRINT_ROLES[k], ['ketua']))).toEqual([...PRINT_KINDS]);
  });
});
