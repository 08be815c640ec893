// The server side of every call, shared by the Electron IPC handler and the browser host: look up
// the procedure, check who calls it against its declaration (forms/api.ts `access`), validate the
// input with its contract schema, run it, wrap the answer. A changing procedure (`changes`) runs
// in one transaction with its audit row; this is the one place both rules are enforced.
import { contract, fieldErrorsOf, type ApiErrorPayload, type CallMeta, type Contract, type Envelope, type Method, type OutputOf, type ParsedInputOf } from '../forms/api';
import { AUDIT_OK } from '../forms/audit';
import { forbiddenMessage, mayAccess } from '../forms/roles';
import type { AuditEntry } from '../db/audit';
import { apiErrorOf } from './api-errors';
import { log } from './log';
import { actorOf, type Caller, type Resolved } from './sessions';

/** The caller a procedure is given: always someone for a method that needs a session. */
export type CallerOf<M extends Method> = Contract[M]['access'] extends 'public' ? Caller | null : Caller;

/** What a change adds to its audit row: the object it touched and, for accounts and settings, before and after. */
export interface AuditNote {
  object?: string | null;
  detail?: Record<string, unknown> | null;
}

export interface Call<M extends Method> {
  caller: CallerOf<M>;
  /** The session token the call came with (auth.* need it even when it is locked). */
  token: string | null;
  /** Adds to this change's audit row. */
  audit(note: AuditNote): void;
}

type Result<M extends Method> = Contract[M]['changes'] extends true ? OutputOf<M> : OutputOf<M> | Promise<OutputOf<M>>;

/** A changing procedure is synchronous: it runs inside the transaction that also writes its audit row. */
export type Handlers = {
  [M in Method]: (input: ParsedInputOf<M>, call: Call<M>) => Result<M>;
};

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

// Far above any real input (a complaint with 20 attachments, 200 categories, a 40-field draft):
// a shape beyond these is refused before validation, which would otherwise spend seconds on it
// (300,000 keys) or overflow the stack (deep nesting).
const MAX_INPUT_VALUES = 10_000;
const MAX_INPUT_DEPTH = 32;

/** Counts the values of a JSON input without recursion, stopping as soon as a bound is passed. */
function withinBounds(input: unknown): boolean {
  let values = 1;
  const stack: [unknown, number][] = [[input, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (!value || typeof value !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) return false;
    const children = Array.isArray(value) ? value : Object.values(value);
    values += children.length;
    if (values > MAX_INPUT_VALUES) return false;
    for (const child of children) stack.push([child, depth + 1]);
  }
  return true;
}

export interface DispatchOptions {
  /** The data folder, so a storage failure can be told apart (read-only or full). */
  dataDir?: string;
  /** Who a session token belongs to (server/sessions.ts). */
  resolve(token: string | null, passive: boolean): Resolved;
  /** Runs `fn` in one write transaction. */
  transaction<T>(fn: () => T): T;
  /** Appends an audit row, inside the current transaction when there is one. */
  audit(entry: Omit<AuditEntry, 'at'>): void;
}

/** The object a change touched, when the procedure did not say: a complaint's number, or the id or date it was given. */
function objectOf(input: unknown, value: unknown): string | null {
  const pick = (o: unknown, k: string) => (o && typeof o === 'object' && typeof (o as Record<string, unknown>)[k] === 'string' ? ((o as Record<string, unknown>)[k] as string) : null);
  return pick(value, 'registrationNo') ?? pick(input, 'id') ?? pick(value, 'id') ?? pick(input, 'date');
}

const isPromise = (v: unknown): v is Promise<unknown> => !!v && typeof (v as { then?: unknown }).then === 'function';

/** The session token and the passive flag, whatever a transport handed over. */
function metaOf(meta: unknown): { token: string | null; passive: boolean } {
  const m = meta && typeof meta === 'object' ? (meta as CallMeta) : {};
  const token = typeof m.session === 'string' && m.session.length > 0 && m.session.length <= 200 ? m.session : null;
  return { token, passive: m.passive === true };
}

/** UNAUTHENTICATED without an active session, FORBIDDEN (and an audit row) for roles the declaration does not allow. */
function refusalOf(method: Method, spec: Contract[Method], who: Resolved, opts: DispatchOptions): ApiErrorPayload | null {
  if (spec.access === 'public') return null;
  if (!who.caller) return { code: 'UNAUTHENTICATED', message: who.refusal };
  if (spec.access === 'signedIn' || mayAccess(spec.access, who.caller.roles)) return null;
  opts.audit({ ...actorOf(who.caller), action: 'ditolak', method, outcome: 'FORBIDDEN' });
  return { code: 'FORBIDDEN', message: forbiddenMessage('melakukan ini', spec.access) };
}

export async function dispatch(handlers: Handlers, method: unknown, input: unknown, meta: unknown, opts: DispatchOptions): Promise<Envelope<unknown>> {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Perintah tidak dikenal: ${String(method).slice(0, 60)}` } };
  }
  const spec: Contract[Method] = contract[method];
  const { token, passive } = metaOf(meta);
  let who: Resolved;
  try {
    who = opts.resolve(token, passive);
    const refusal = refusalOf(method, spec, who, opts);
    if (refusal) return { ok: false, error: refusal };
  } catch (e) {
    const { error } = apiErrorOf(e, opts.dataDir);
    log.error(`session check for ${method} failed`, e);
    return { ok: false, error: error.toPayload() };
  }
  const caller = who.caller;
  if (!withinBounds(input)) {
    return { ok: false, error: { code: 'INVALID_INPUT', message: 'Permintaan ditolak: isinya terlalu besar atau terlalu rumit untuk perintah ini.' } };
  }
  const parsed = spec.input.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Periksa kembali isian yang ditandai.', fields: fieldErrorsOf(parsed.error) },
    };
  }
  const note: AuditNote = {};
  const call = { caller, token, audit: (n: AuditNote) => void Object.assign(note, n) };
  const handler = handlers[method] as (i: unknown, c: typeof call) => unknown;
  const audited = spec.changes && caller;
  const row = (outcome: string, value: unknown) => ({ ...actorOf(caller!), action: 'ubah' as const, method, object: note.object ?? objectOf(parsed.data, value), outcome, detail: note.detail ?? null });
  try {
    if (!audited) return { ok: true, value: await handler(parsed.data, call) };
    const value = opts.transaction(() => {
      const v = handler(parsed.data, call);
      if (isPromise(v)) throw new Error(`${method} changes data and must answer synchronously`);
      opts.audit(row(AUDIT_OK, v));
      return v;
    });
    return { ok: true, value };
  } catch (e) {
    const { error, unexpected } = apiErrorOf(e, opts.dataDir);
    // Never the input: it may hold a protected reporter's identity.
    if (unexpected) log.error(`procedure ${method} failed`, e);
    if (audited) {
      try {
        opts.audit(row(error.code, null));
      } catch (auditFailure) {
        log.error(`audit row for a refused ${method} not written`, auditFailure);
      }
    }
    return { ok: false, error: error.toPayload() };
  }
}
