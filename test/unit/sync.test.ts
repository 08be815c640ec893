import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffMs, DEFAULT_BACKOFF, packBatch, parseRetryAfter, reportFromComplaint, TOO_LARGE_TRIES, tooLargeRetryMs, upstreamUrlProblem, type ReportSource } from '../../forms/sync';
import { reportV1 } from '../../forms/upstream-v1';
import { batchBody } from '../../server/upstream-v1';

const complaint: ReportSource = {
  id: '0193b6a8-7d1e-7c3a-9f00-123456789abc',
  version: 3,
  registrationNo: 'ADU/2026/000042',
  form: 'B',
  channel: 'kotak_pengaduan',
  receivedAt: '2026-11-20T01:15:00.000Z',
  problem: null,
  content: 'Pungutan liar di loket KTP.',
  classification: 'pengaduan',
  category: 'Kependudukan',
  anonymous: true,
  confidential: false,
  reporterName: 'Nama Di Slip',
  reporterInstitution: null,
  reporterAddress: 'Jl. Melati 3',
  reporterPhone: '+6281234567890',
  reporterEmail: null,
  reporterGender: 'P',
  status: 'terverifikasi',
};

describe('the v1 report of a complaint', () => {
  it('never carries an anonymous reporter, and is valid v1', () => {
    const r = reportFromComplaint(complaint, [], 'WITA');
    expect(r.reporter).toBeNull();
    expect(JSON.stringify(r)).not.toContain('Nama Di Slip');
    expect(r.received_at).toBe('2026-11-20T09:15:00+08:00');
    expect(reportV1.safeParse(r).success).toBe(true);
  });

  it('carries a confidential reporter flagged confidential; the title is cut at 200', () => {
    const r = reportFromComplaint({ ...complaint, anonymous: false, confidential: true, content: 'x'.repeat(500) }, [{ sha256: 'a'.repeat(64), filename: 'scan.png', contentType: 'image/png', size: 10 }], 'WIB');
    expect(r).toMatchObject({ confidential: true, reporter: { name: 'Nama Di Slip', phone: '+6281234567890', gender: 'P' } });
    expect(r.title.length).toBe(200);
    expect(r.attachments).toEqual([{ sha256: 'a'.repeat(64), filename: 'scan.png', content_type: 'image/png', size: 10 }]);
    expect(reportV1.safeParse(r).success).toBe(true);
  });
});

describe('backoff', () => {
  it('stays within [base/2, min(cap, base·2^(n-1))] and grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (n, r) => {
        const d = backoffMs(n, { baseMs: 1000, capMs: 60_000 }, () => r);
        expect(d).toBeGreaterThanOrEqual(500);
        expect(d).toBeLessThanOrEqual(Math.min(60_000, 1000 * 2 ** (n - 1)));
      }),
    );
    expect(backoffMs(10, { baseMs: 1000, capMs: 60_000 }, () => 1)).toBe(60_000);
  });

  it('spreads the tries of a report refused alone (413) over minutes before it is set aside', () => {
    const span = (random: () => number) => Array.from({ length: TOO_LARGE_TRIES - 1 }, (_, i) => tooLargeRetryMs(i + 1, DEFAULT_BACKOFF, random)).reduce((a, b) => a + b, 0);
    expect(span(() => 0)).toBeGreaterThanOrEqual(6.5 * 60_000);
    expect(span(() => 0.999999)).toBeLessThanOrEqual(14 * 60_000);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (n, r) => {
        const d = tooLargeRetryMs(n, DEFAULT_BACKOFF, () => r);
        expect(d).toBeLessThanOrEqual(DEFAULT_BACKOFF.capMs);
        expect(d).toBeGreaterThanOrEqual(Math.min(DEFAULT_BACKOFF.capMs, DEFAULT_BACKOFF.baseMs * 2 ** (n - 1)) / 2);
      }),
    );
  });

  it('reads Retry-After as seconds or a date', () => {
    const now = new Date('2026-11-24T03:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 03:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('besok', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe('batches', () => {
  it('respect both the count and the byte limit, and always take one', () => {
    const sizes = [400, 400, 400, 400];
    expect(packBatch(sizes, (s) => s, 100, 1300)).toHaveLength(2);
    expect(packBatch(sizes, (s) => s, 3, 1_000_000)).toHaveLength(3);
    expect(packBatch([5_000_000], (s) => s, 100, 1024)).toHaveLength(1);
  });
});

describe('the body of a batch', () => {
  it('is byte for byte the JSON of { source, reports }, for any text and any count', () => {
    const source = { office_id: 'kantor-ereke', app: 'loket-aduan', app_version: '1.0.0' };
    const text = fc.string({ unit: 'grapheme', maxLength: 300 });
    fc.assert(
      fc.property(fc.array(fc.record({ content: text, reporterName: text, version: fc.integer({ min: 1, max: 9 }) }), { maxLength: 12 }), (variants) => {
        const reports = variants.map((v, i) => reportFromComplaint({ ...complaint, ...v, anonymous: i % 2 === 0, id: `${complaint.id.slice(0, -3)}${String(i).padStart(3, '0')}` }, [], 'WITA'));
        const body = batchBody(source, reports);
        expect(body.equals(Buffer.from(JSON.stringify({ source, reports })))).toBe(true);
      }),
    );
    // Text JSON cannot hold as it is (a lone surrogate, quotes, line breaks) is escaped the same way.
    const odd = [reportFromComplaint({ ...complaint, anonymous: false, content: 'a\uD800b "kutip"\n\u2028 😀 مرحبا' }, [], 'WIB')];
    expect(batchBody(source, odd).toString()).toBe(JSON.stringify({ source, reports: odd }));
  });
});

describe('upstream addresses', () => {
  it('need https except on this PC', () => {
    expect(upstreamUrlProblem('https://hub.example.go.id/pengaduan')).toBeNull();
    expect(upstreamUrlProblem('http://127.0.0.1:8089')).toBeNull();
    expect(upstreamUrlProblem('http://hub.example.go.id')).toMatch(/https/);
    expect(upstreamUrlProblem('bukan alamat')).toMatch(/tidak sah/);
  });
});
