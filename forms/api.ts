// The one API contract. Each procedure is declared here once, with its input schema (validated by
// the server side of both hosts) and its result schema (the type the renderer receives). The
// Electron preload and the browser host both serve exactly this map; see server/dispatch.ts.
import { z } from 'zod';
import { complaintCreated, complaintInput, complaintListInput, complaintListResult } from './complaint';
import { settingsSchema } from './settings';

const none = z.object({}).strict();

export const contract = {
  'app.info': {
    input: none,
    output: z.object({
      version: z.string(),
      host: z.enum(['electron', 'browser']),
      dataDir: z.string(),
      schemaVersion: z.number().int(),
    }),
  },
  'complaints.create': { input: complaintInput, output: complaintCreated },
  'complaints.list': { input: complaintListInput, output: complaintListResult },
  'settings.get': { input: none, output: settingsSchema },
  'settings.save': { input: settingsSchema, output: settingsSchema },
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type InputOf<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends Method> = z.output<Contract[M]['input']>;
export type OutputOf<M extends Method> = z.output<Contract[M]['output']>;

export const ERROR_CODES = ['INVALID_INPUT', 'NOT_FOUND', 'CONFLICT', 'UNKNOWN_METHOD', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What a failed call carries to the UI: a displayable Indonesian message and, for bad input, one per field. */
export interface ApiErrorPayload {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
}

/** Both transports answer this envelope; nothing is thrown across IPC or HTTP. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorPayload };

/** A transport only moves JSON: `(method, input) → envelope`. */
export type Transport = (method: Method, input: unknown) => Promise<Envelope<unknown>>;

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string>;
  constructor(payload: ApiErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.code = payload.code;
    this.fields = payload.fields ?? {};
  }
  toPayload(): ApiErrorPayload {
    return { code: this.code, message: this.message, ...(Object.keys(this.fields).length ? { fields: this.fields } : {}) };
  }
}

export interface Api {
  call<M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
}

/** The renderer's `api` object over any transport; failures become an `ApiError`. */
export function createApi(transport: Transport): Api {
  return {
    async call(method, input) {
      const envelope = await transport(method, input ?? {});
      if (!envelope.ok) throw new ApiError(envelope.error);
      return envelope.value as never;
    },
  };
}

/** Field errors keyed by the dotted path of the input, with the schema's Indonesian messages. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}


