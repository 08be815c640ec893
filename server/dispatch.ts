// The server side of every call, shared by the Electron IPC handler and the browser host: look up
// the procedure, validate the input with its contract schema, run it, wrap the answer.
import { ApiError, contract, fieldErrorsOf, type Envelope, type Method, type OutputOf, type ParsedInputOf } from '../forms/api';
import { log } from './log';

export type Handlers = {
  [M in Method]: (input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>;
};

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export async function dispatch(handlers: Handlers, method: unknown, input: unknown): Promise<Envelope<unknown>> {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Perintah tidak dikenal: ${String(method).slice(0, 60)}` } };
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
    if (e instanceof ApiError) return { ok: false, error: e.toPayload() };
    // Never the input: it may hold a protected reporter's identity.
    log.error(`procedure ${method} failed`, e);
    return { ok: false, error: { code: 'INTERNAL', message: 'Terjadi kesalahan di aplikasi. Data yang sudah tersimpan tidak berubah; coba lagi.' } };
  }
}
