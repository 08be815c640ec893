// The server side of every call, shared by the Electron IPC handler and the browser host: look up
// the procedure, validate the input with its contract schema, run it, wrap the answer.
import { contract, fieldErrorsOf, type Envelope, type Method, type OutputOf, type ParsedInputOf } from '../forms/api';
import { apiErrorOf } from './api-errors';
import { log } from './log';

export type Handlers = {
  [M in Method]: (input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>;
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
}

export async function dispatch(handlers: Handlers, method: unknown, input: unknown, opts: DispatchOptions = {}): Promise<Envelope<unknown>> {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Perintah tidak dikenal: ${String(method).slice(0, 60)}` } };
  }
  if (!withinBounds(input)) {
    return { ok: false, error: { code: 'INVALID_INPUT', message: 'Permintaan ditolak: isinya terlalu besar atau terlalu rumit untuk perintah ini.' } };
  }
  const parsed = contract[method].input.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Periksa kembali isian yang ditandai.', fields: fieldErrorsOf(parsed.error) },
    };
  }
  try {
    const handler = handlers[method] as (i: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (e) {
    const { error, unexpected } = apiErrorOf(e, opts.dataDir);
    // Never the input: it may hold a protected reporter's identity.
    if (unexpected) log.error(`procedure ${method} failed`, e);
    return { ok: false, error: error.toPayload() };
  }
}
