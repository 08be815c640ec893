// The reference upstream's storage: its own SQLite file, WAL + synchronous=FULL like the app. It
// applies each client_id+version at most once, keeps one row per client_id at its highest version,
// and hands out tracking ids that never change for a client_id.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { reportV1, type ResultV1, type UpdateV1, type UpstreamStatus } from '../forms/upstream-v1';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS reports (
  client_id TEXT PRIMARY KEY,
  tracking_id TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL,
  office_id TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS applied (
  client_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (client_id, version)
);
-- Every batch that arrived, applied or not, as the bytes it came in: what left the office, for
-- audits and tests (one row per batch: the hub does not write each body twice).
CREATE TABLE IF NOT EXISTS received_batches (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  body TEXT NOT NULL,
  at TEXT NOT NULL
);
-- The same, one row per report, as hubs before received_batches kept it (read, no longer written).
CREATE TABLE IF NOT EXISTS received (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  client_id TEXT,
  version INTEGER,
  body TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS blobs (
  sha256 TEXT PRIMARY KEY,
  content_type TEXT NOT NULL,
  bytes BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  tracking_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  status TEXT NOT NULL,
  at TEXT NOT NULL,
  note TEXT,
  by TEXT
);
`;

export interface HubRules {
  /** A report whose content is shorter is rejected (not retryable) with a field error. */
  minContentLength: number;
  /** Append a `diterima` update when a report is first created, as a national admin desk would. */
  acknowledge: boolean;
}

export const DEFAULT_RULES: HubRules = { minContentLength: 0, acknowledge: true };

function statements(s: Database.Database) {
  return {
    log: s.prepare('INSERT INTO received_batches (body, at) VALUES (?, ?)'),
    getApplied: s.prepare<[string, number], { outcome: string }>('SELECT outcome FROM applied WHERE client_id = ? AND version = ?'),
    getReport: s.prepare<[string], { version: number; tracking_id: string }>('SELECT version, tracking_id FROM reports WHERE client_id = ?'),
    hasBlob: s.prepare<[string], { n: number }>('SELECT 1 AS n FROM blobs WHERE sha256 = ?'),
    lastReport: s.prepare<[], { n: number }>('SELECT coalesce(max(rowid), 0) AS n FROM reports'),
    insert: s.prepare('INSERT INTO reports (client_id, tracking_id, version, office_id, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    update: s.prepare('UPDATE reports SET version = ?, body = ?, updated_at = ? WHERE client_id = ?'),
    markApplied: s.prepare('INSERT INTO applied (client_id, version, outcome, at) VALUES (?, ?, ?, ?)'),
    ack: s.prepare('INSERT INTO updates (tracking_id, client_id, status, at, note, by) VALUES (?, ?, ?, ?, ?, ?)'),
  };
}

export class HubStore {
  readonly sqlite: Database.Database;
  private readonly q: ReturnType<typeof statements>;

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.sqlite = new Database(path.join(dataDir, 'upstream.sqlite'));
    this.sqlite.pragma('journal_mode = WAL');
    this.sqlite.pragma('synchronous = FULL');
    // A hub holds every office's reports: keep the indexes' upper levels in memory (64 MiB).
    this.sqlite.pragma('cache_size = -65536');
    this.sqlite.exec(SCHEMA);
    this.q = statements(this.sqlite);
  }

  close(): void {
    this.sqlite.close();
  }

  /**
   * Applies a batch in one transaction (one fsync), logging the request `body` it was parsed
   * from; `take` limits how many are applied (partial-batch fault). Tracking ids follow the order
   * reports arrive in, so the index on them grows at its end instead of at a random page per report.
   */
  applyBatch(officeId: string, reports: unknown[], rules: HubRules, { body: requestBody = JSON.stringify({ reports }), take = reports.length }: { body?: string; take?: number } = {}): ResultV1[] {
    const now = new Date().toISOString();
    const q = this.q;
    return this.sqlite.transaction(() => {
      q.log.run(requestBody, now);
      let serial = q.lastReport.get()!.n;
      return reports.slice(0, take).map((raw): ResultV1 => {
        const rawId = (raw as { client_id?: unknown })?.client_id;
        const rawVersion = (raw as { version?: unknown })?.version;
        const parsed = reportV1.safeParse(raw);
        const echo = { client_id: typeof rawId === 'string' ? rawId : '', version: typeof rawVersion === 'number' ? rawVersion : 0 };
        if (!parsed.success) {
          return { ...echo, outcome: 'rejected', retryable: false, errors: parsed.error.issues.slice(0, 20).map((i) => ({ field: i.path.join('.') || 'report', message: i.message })) };
        }
        const r = parsed.data;
        const existing = q.getReport.get(r.client_id);
        if (q.getApplied.get(r.client_id, r.version)) return { ...echo, outcome: 'duplicate', tracking_id: existing!.tracking_id };
        if (existing && existing.version > r.version) return { ...echo, outcome: 'stale', tracking_id: existing.tracking_id };
        const missing = r.attachments.find((a) => !q.hasBlob.get(a.sha256));
        if (missing) return { ...echo, outcome: 'rejected', retryable: true, errors: [{ field: 'attachments', message: `missing_attachment ${missing.sha256}` }] };
        if (r.content.trim().length < rules.minContentLength) {
          return { ...echo, outcome: 'rejected', retryable: false, errors: [{ field: 'content', message: `Isi laporan minimal ${rules.minContentLength} karakter.` }] };
        }
        const body = JSON.stringify(r);
        if (existing) {
          q.update.run(r.version, body, now, r.client_id);
          q.markApplied.run(r.client_id, r.version, 'updated', now);
          return { ...echo, outcome: 'updated', tracking_id: existing.tracking_id };
        }
        const trackingId = `LAPOR-${(++serial).toString(36).toUpperCase().padStart(8, '0')}-${r.client_id.slice(-6)}`;
        q.insert.run(r.client_id, trackingId, r.version, officeId, body, now, now);
        q.markApplied.run(r.client_id, r.version, 'created', now);
        if (rules.acknowledge) q.ack.run(trackingId, r.client_id, 'diterima', now, 'Laporan diterima oleh admin nasional.', 'Admin SP4N-LAPOR!');
        return { ...echo, outcome: 'created', tracking_id: trackingId };
      });
    })();
  }

  hasBlob(sha256: string): boolean {
    return !!this.q.hasBlob.get(sha256);
  }

  putBlob(sha256: string, contentType: string, bytes: Buffer): 'created' | 'exists' | 'mismatch' {
    if (crypto.createHash('sha256').update(bytes).digest('hex') !== sha256) return 'mismatch';
    return this.sqlite.prepare('INSERT OR IGNORE INTO blobs (sha256, content_type, bytes) VALUES (?, ?, ?)').run(sha256, contentType, bytes).changes ? 'created' : 'exists';
  }

  updatesAfter(cursor: number, limit: number): UpdateV1[] {
    return this.sqlite
      .prepare<[number, number], UpdateV1 & { note: string | null; by: string | null }>('SELECT tracking_id, client_id, seq, status, at, note, by FROM updates WHERE seq > ? ORDER BY seq LIMIT ?')
      .all(cursor, limit);
  }

  /** A handler's step on a case (the admin endpoint; tests). */
  addUpdate(clientId: string, status: UpstreamStatus, note: string | null, by: string | null, at = new Date().toISOString()): UpdateV1 | null {
    const report = this.sqlite.prepare<[string], { tracking_id: string }>('SELECT tracking_id FROM reports WHERE client_id = ?').get(clientId);
    if (!report) return null;
    const { lastInsertRowid } = this.sqlite.prepare('INSERT INTO updates (tracking_id, client_id, status, at, note, by) VALUES (?, ?, ?, ?, ?, ?)').run(report.tracking_id, clientId, status, at, note, by);
    return { tracking_id: report.tracking_id, client_id: clientId, seq: Number(lastInsertRowid), status, at, note, by };
  }

  reports(): { client_id: string; tracking_id: string; version: number; body: string }[] {
    return this.sqlite.prepare<[], { client_id: string; tracking_id: string; version: number; body: string }>('SELECT client_id, tracking_id, version, body FROM reports').all();
  }

  /** Each report body that arrived, in the order it arrived (older hubs' rows first). */
  receivedBodies(): string[] {
    const old = this.sqlite.prepare<[], { body: string }>('SELECT body FROM received ORDER BY id').all().map((r) => r.body);
    const batches = this.sqlite.prepare<[], { body: string }>('SELECT body FROM received_batches ORDER BY id').all();
    return [...old, ...batches.flatMap((b) => ((JSON.parse(b.body) as { reports?: unknown[] }).reports ?? []).map((r) => JSON.stringify(r)))];
  }
}
