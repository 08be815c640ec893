// The v1 adapter: Upstream Batch API v1 over fetch. Every answer is checked against the contract's
// zod schemas; a 200 that is not the expected JSON (a captive Wi-Fi portal, a proxy's page) is a
// failure to retry, never a success; so is one too large or too slow (server/bounded-fetch.ts). The
// token is only ever put in the Authorization header.
import { normalizeUpstreamUrl, parseRetryAfter } from '../forms/sync';
import { batchAnswerV1, MAX_ANSWER_BYTES, MAX_BATCH_BYTES, MAX_BATCH_REPORTS, updatesAnswerV1, type ReportV1 } from '../forms/upstream-v1';
import { boundedFetch, ExchangeError, type Answer } from './bounded-fetch';
import { UpstreamFailure, type BatchSource, type UpstreamAdapter } from './upstream-adapter';

export interface V1Options {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  /** Called with the upstream's clock (Date header) after every answer. */
  onServerDate?: (date: Date) => void;
  now?: () => Date;
}

/**
 * A batch as JSON bytes, built a report at a time. One string of the whole batch (a few hundred KB)
 * is too big for V8's young generation: it goes straight to the old one and stays until a full
 * collection, so a drain of 100,000 piled up hundreds of MB of them (npm run bench, memory while
 * draining). Small strings die young; the bytes live outside the JS heap.
 */
export function batchBody(source: BatchSource, reports: ReportV1[]): Buffer {
  const parts = [Buffer.from(`{"source":${JSON.stringify(source)},"reports":[`)];
  reports.forEach((r, i) => parts.push(Buffer.from((i === 0 ? '' : ',') + JSON.stringify(r))));
  parts.push(Buffer.from(']}'));
  return Buffer.concat(parts);
}

export function createV1Adapter(opts: V1Options): UpstreamAdapter {
  const base = normalizeUpstreamUrl(opts.baseUrl);
  const now = opts.now ?? (() => new Date());

  /** One bounded exchange; answers other than the contract's success become an UpstreamFailure. */
  async function request(method: string, path: string, signal: AbortSignal, body?: { data: Buffer | string; type: string }): Promise<Answer> {
    let res: Answer;
    try {
      res = await boundedFetch(
        base + path,
        {
          method,
          headers: { Authorization: `Bearer ${opts.token}`, Accept: 'application/json', ...(body ? { 'Content-Type': body.type } : {}) },
          body: !body ? undefined : typeof body.data === 'string' ? body.data : new Uint8Array(body.data),
          redirect: 'error',
        },
        // Only a 200 to a push or a pull carries what the app reads; other bodies are not read.
        { timeoutMs: opts.timeoutMs, maxBytes: MAX_ANSWER_BYTES, signal, bodyFor: (status) => status === 200 && (method === 'POST' || method === 'GET') },
      );
    } catch (e) {
      if (signal.aborted || !(e instanceof ExchangeError)) throw e;
      throw failureOf(e);
    }
    const date = res.headers.get('date');
    if (date && !Number.isNaN(Date.parse(date))) opts.onServerDate?.(new Date(date));
    if (res.status === 401 || res.status === 403) throw new UpstreamFailure('unauthorized', 'Token upstream ditolak (401). Periksa token di Pengaturan.');
    if (res.status === 413) throw new UpstreamFailure('too_large', 'Kiriman terlalu besar untuk upstream (413).');
    if (res.status === 429) throw new UpstreamFailure('rate_limited', 'Upstream meminta menunggu (429).', parseRetryAfter(res.headers.get('retry-after'), now()));
    if (res.status >= 500) throw new UpstreamFailure('retry', `Upstream sedang bermasalah (${res.status}).`);
    return res;
  }

  function failureOf(e: ExchangeError): UpstreamFailure {
    switch (e.kind) {
      case 'timeout':
        return new UpstreamFailure('retry', `Upstream tidak menjawab dalam ${Math.max(1, Math.round(opts.timeoutMs / 1000))} detik; dicoba lagi nanti.`);
      case 'too_large':
        return new UpstreamFailure('retry', `Jawaban upstream terlalu besar (lebih dari ${MAX_ANSWER_BYTES / 2 ** 20} MB); tidak disimpan, dicoba lagi nanti.`);
      case 'interrupted':
        return new UpstreamFailure('retry', 'Jawaban upstream terputus.');
      case 'network':
        return new UpstreamFailure('retry', `Upstream tidak dapat dihubungi (${e.message}).`);
    }
  }

  function json(res: Answer): unknown {
    try {
      return JSON.parse(res.body.toString('utf8')) as unknown;
    } catch {
      throw new UpstreamFailure('retry', `Jawaban upstream bukan JSON (HTTP ${res.status}); mungkin halaman login Wi-Fi atau proxy.`);
    }
  }

  return {
    name: 'Upstream Batch API v1',
    limits: { maxReports: MAX_BATCH_REPORTS, maxBytes: MAX_BATCH_BYTES },

    async push(source: BatchSource, reports: ReportV1[], signal) {
      const res = await request('POST', '/v1/reports:batch', signal, { data: batchBody(source, reports), type: 'application/json' });
      if (res.status !== 200) throw new UpstreamFailure('retry', `Jawaban upstream tidak terduga (HTTP ${res.status}).`);
      const parsed = batchAnswerV1.safeParse(json(res));
      if (!parsed.success) throw new UpstreamFailure('retry', 'Jawaban upstream tidak sesuai kontrak v1.');
      const { results } = parsed.data;
      const matches = results.length === reports.length && results.every((r, i) => r.client_id === reports[i]!.client_id && r.version === reports[i]!.version);
      if (!matches) throw new UpstreamFailure('retry', 'Jawaban upstream tidak cocok dengan laporan yang dikirim.');
      if (results.some((r) => r.outcome !== 'rejected' && !r.tracking_id)) throw new UpstreamFailure('retry', 'Jawaban upstream tanpa tracking id.');
      return results;
    },

    async hasAttachment(sha256, signal) {
      const res = await request('HEAD', `/v1/attachments/${sha256}`, signal);
      if (res.status === 200) return true;
      if (res.status === 404) return false;
      throw new UpstreamFailure('retry', `Pemeriksaan lampiran gagal (HTTP ${res.status}).`);
    },

    async putAttachment(sha256, bytes, contentType, signal) {
      const res = await request('PUT', `/v1/attachments/${sha256}`, signal, { data: bytes, type: contentType });
      if (res.status === 200 || res.status === 201) return;
      if (res.status === 422) throw new UpstreamFailure('bad_attachment', 'Upstream menolak lampiran: isinya tidak cocok dengan namanya.');
      throw new UpstreamFailure('retry', `Unggah lampiran gagal (HTTP ${res.status}).`);
    },

    async pull(cursor, limit, signal) {
      const q = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
      const res = await request('GET', `/v1/updates?${q}`, signal);
      if (res.status !== 200) throw new UpstreamFailure('retry', `Jawaban upstream tidak terduga (HTTP ${res.status}).`);
      const parsed = updatesAnswerV1.safeParse(json(res));
      if (!parsed.success) throw new UpstreamFailure('retry', 'Jawaban pembaruan upstream tidak sesuai kontrak v1.');
      return { updates: parsed.data.updates, nextCursor: parsed.data.next_cursor };
    },
  };
}
