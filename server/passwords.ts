// Password hashing with Node's scrypt, a memory-hard KDF (RFC 7914): no dependency to keep up.
//
// Parameters: N = 2^15, r = 8, p = 1, i.e. 128 · N · r = 32 MiB of memory per hash and about
// 100–120 ms on the 2-core machine this was measured on (an office PC takes about as long; a
// sign-in is not noticeably slower). The memory is what makes guessing expensive on GPUs and
// ASICs. OWASP's baseline for scrypt is N = 2^17 (128 MiB, ~400 ms here, more than a second on
// older PCs), chosen for servers signing in many people; here one clerk signs in at a time, the
// database file stays inside the office, and a stolen file still costs 32 MiB and ~0.1 s per guess.
// The parameters are stored with each hash ("scrypt$N$r$p$salt$hash"), so raising them later
// only needs new hashes; `needsRehash` tells the caller when a stored one is below them.
import crypto from 'node:crypto';
import { promisify } from 'node:util';

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Node refuses scrypt above `maxmem` (32 MiB by default, exactly our need): leave room. */
const MAXMEM = 128 * N * R * 2;

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;

interface Parsed {
  n: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

function parse(stored: string): Parsed | null {
  const m = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  if (!m) return null;
  const [n, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // A stored hash asking for absurd work (a damaged or planted row) is treated as not matching.
  if (n > 2 ** 20 || r > 32 || p > 16) return null;
  return { n, r, p, salt: Buffer.from(m[4]!, 'base64'), hash: Buffer.from(m[5]!, 'base64') };
}

const format = (salt: Buffer, hash: Buffer) => `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(SALT_BYTES);
  return format(salt, await scrypt(password.normalize('NFC'), salt, KEY_BYTES, { N, r: R, p: P, maxmem: MAXMEM }));
}

/**
 * The same, blocking: for changes, which run synchronously inside their transaction with their
 * audit row (server/dispatch.ts), and for the command line. One hash blocks ~0.1 s, and only an
 * admin creating or resetting an account, or someone changing their own password, waits for it.
 */
export function hashPasswordSync(password: string): string {
  const salt = crypto.randomBytes(SALT_BYTES);
  return format(salt, crypto.scryptSync(password.normalize('NFC'), salt, KEY_BYTES, { N, r: R, p: P, maxmem: MAXMEM }));
}

function matches(parsed: Parsed, derived: Buffer): boolean {
  return derived.length === parsed.hash.length && crypto.timingSafeEqual(derived, parsed.hash);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const maxmem = 128 * parsed.n * parsed.r * 2;
  return matches(parsed, await scrypt(password.normalize('NFC'), parsed.salt, parsed.hash.length, { N: parsed.n, r: parsed.r, p: parsed.p, maxmem }));
}

export function verifyPasswordSync(password: string, stored: string): boolean {
  const parsed = parse(stored);
  if (!parsed) return false;
  const maxmem = 128 * parsed.n * parsed.r * 2;
  return matches(parsed, crypto.scryptSync(password.normalize('NFC'), parsed.salt, parsed.hash.length, { N: parsed.n, r: parsed.r, p: parsed.p, maxmem }));
}

/** A hash made with weaker parameters than today's, to be replaced at the next sign-in. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.n < N || parsed.r < R;
}

/**
 * A hash of a random password, to compare against when the name typed matches no account, so a
 * wrong name takes as long as a wrong password and does not reveal which names exist.
 */
export function decoyHash(): string {
  decoy ??= hashPasswordSync(crypto.randomBytes(16).toString('hex'));
  return decoy;
}
let decoy: string | undefined;
