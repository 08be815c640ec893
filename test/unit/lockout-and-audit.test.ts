import { describe, expect, it } from 'vitest';
import { canonicalJson, changedValues, detailText, verificationText } from '../../forms/audit';
import { LOCKOUT_MS, lockedMessage, lockEnds, lockRemaining } from '../../forms/lockout';

const MIN = 60_000;
const start = Date.parse('2026-11-24T03:30:00Z');

describe('lockout timing (forms/lockout.ts)', () => {
  it('within a run the monotonic clock decides: moving the wall clock neither opens nor extends the lock', () => {
    const seen = { wallStart: start, monoStart: 1_000 };
    expect(lockRemaining(seen, { wall: start + 5 * MIN, mono: 1_000 + 5 * MIN }).remainingMs).toBe(10 * MIN);
    // The wall clock jumps a day ahead: still 10 minutes.
    expect(lockRemaining(seen, { wall: start + 24 * 60 * MIN, mono: 1_000 + 5 * MIN }).remainingMs).toBe(10 * MIN);
    // The wall clock goes back a day: still 10 minutes, and open after 15 real minutes.
    expect(lockRemaining(seen, { wall: start - 24 * 60 * MIN, mono: 1_000 + 5 * MIN }).remainingMs).toBe(10 * MIN);
    expect(lockRemaining(seen, { wall: start - 24 * 60 * MIN, mono: 1_000 + 15 * MIN }).remainingMs).toBe(0);
  });

  it('after a restart the stored wall-clock start counts, and a start in the future counts as now', () => {
    const stored = { wallStart: start, monoStart: null };
    expect(lockRemaining(stored, { wall: start + 4 * MIN, mono: 50 })).toEqual({ remainingMs: 11 * MIN, monoStart: 50 - 4 * MIN });
    expect(lockRemaining(stored, { wall: start + 16 * MIN, mono: 50 }).remainingMs).toBe(0);
    // The clock was set back an hour before the restart: the full lock from now, never longer.
    expect(lockRemaining(stored, { wall: start - 60 * MIN, mono: 50 })).toEqual({ remainingMs: LOCKOUT_MS, monoStart: 50 });
  });

  it('says until when in the office’s zone, the minute rounded up', () => {
    const until = lockEnds(start + 20_000, LOCKOUT_MS);
    expect(until.toISOString()).toBe('2026-11-24T03:46:00.000Z');
    expect(lockedMessage(until, 'WIB')).toBe('Akun dikunci sementara karena 5 kali salah kata sandi. Coba lagi setelah pukul 10.46 WIB (24/11/2026).');
    expect(lockedMessage(until, 'WIT')).toContain('pukul 12.46 WIT');
  });
});

describe('audit rows (forms/audit.ts)', () => {
  it('canonical JSON: the same content gives the same text whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: 'x' }, u: undefined })).toBe('{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson(null)).toBe('null');
  });

  it('keeps only the values that changed, and writes them in one line', () => {
    const d = changedValues({ name: 'Siti', roles: ['petugas'], active: true }, { name: 'Siti', roles: ['petugas', 'penangan'], active: true });
    expect(d).toEqual({ before: { roles: ['petugas'] }, after: { roles: ['petugas', 'penangan'] } });
    expect(detailText(d)).toBe('roles: petugas → petugas, penangan');
    expect(detailText({ before: null, after: { username: 'siti' } })).toBe('username: siti');
    expect(detailText({ password: 'diatur ulang' })).toBe('password: diatur ulang');
  });

  it('says whether the chain is whole', () => {
    expect(verificationText({ rows: 12, brokenAt: null })).toBe('Log audit: 12 baris, utuh.');
    expect(verificationText({ rows: 12, brokenAt: 7 })).toContain('baris 7 tidak cocok');
  });
});
