// One HTTP exchange with hard limits, for talking to an upstream that may be hostile or broken:
// the whole exchange (connecting, the headers, the body) ends within `timeoutMs`, and the body is
// read only up to `maxBytes` decoded bytes (after gzip, deflate or br), then the stream is
// cancelled. The deadline is a timer held here until the exchange ends. It is deliberately not
// `AbortSignal.any([signal, AbortSignal.timeout(ms)])`: on Node 20 that combined signal can be
// garbage-collected while the request waits, and then it never fires. Reading the body races the
// same deadline and cancels the stream itself, because aborting the request's signal once the
// headers had arrived did not always end a stalled body read.

export type ExchangeErrorKind =
  /** no answer: refused, reset or unreachable before the headers */
  | 'network'
  /** the answer broke off in the middle of its body */
  | 'interrupted'
  /** the deadline passed, before or after the headers */
  | 'timeout'
  /** the decoded body grew past maxBytes */
  | 'too_large';

export class ExchangeError extends Error {
  constructor(
    readonly kind: ExchangeErrorKind,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ExchangeError';
  }
}

export interface ExchangeLimits {
  timeoutMs: number;
  maxBytes: number;
  /** Aborting it ends the exchange at once (the caller's own stop); its reason is thrown. */
  signal: AbortSignal;
  /** Whether the body of an answer with this status is wanted; otherwise it is cancelled unread. */
  bodyFor?: (status: number) => boolean;
}

export interface Answer {
  status: number;
  headers: Headers;
  body: Buffer;
}

export async function boundedFetch(url: string, init: Omit<RequestInit, 'signal'>, limits: ExchangeLimits): Promise<Answer> {
  const { signal } = limits;
  const controller = new AbortController();
  let timedOut = false;
  let stop!: (reason: unknown) => void;
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  stopped.catch(() => undefined);
  const timer = setTimeout(() => {
    timedOut = true;
    const e = new ExchangeError('timeout', `no complete answer within ${limits.timeoutMs} ms`);
    controller.abort(e);
    stop(e);
  }, limits.timeoutMs);
  timer.unref?.();
  const onAbort = () => {
    controller.abort(signal.reason);
    stop(signal.reason);
  };
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });

  let headersIn = false;
  try {
    const res = await Promise.race([fetch(url, { ...init, signal: controller.signal }), stopped]);
    headersIn = true;
    if (!(limits.bodyFor?.(res.status) ?? true)) {
      void res.body?.cancel().catch(() => undefined);
      return { status: res.status, headers: res.headers, body: Buffer.alloc(0) };
    }
    // A declared length over the cap is refused unread (only when it counts decoded bytes).
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (!res.headers.get('content-encoding') && declared > limits.maxBytes) {
      void res.body?.cancel().catch(() => undefined);
      throw tooLarge(limits.maxBytes);
    }
    return { status: res.status, headers: res.headers, body: await readCapped(res.body, limits.maxBytes, stopped) };
  } catch (e) {
    if (signal.aborted) throw signal.reason;
    if (timedOut) throw new ExchangeError('timeout', `no complete answer within ${limits.timeoutMs} ms`);
    if (e instanceof ExchangeError) throw e;
    const detail = e instanceof Error ? e.message + (e.cause instanceof Error ? `: ${e.cause.message}` : '') : String(e);
    throw new ExchangeError(headersIn ? 'interrupted' : 'network', detail, { cause: e });
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

const tooLarge = (maxBytes: number) => new ExchangeError('too_large', `answer larger than ${maxBytes} bytes`);

/** The body up to maxBytes; past it, or once `stopped` rejects, the stream is cancelled. */
async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number, stopped: Promise<never>): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), stopped]);
      if (done) return Buffer.concat(chunks, size);
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes);
      chunks.push(value);
    }
  } catch (e) {
    void reader.cancel(e).catch(() => undefined);
    throw e;
  }
}
