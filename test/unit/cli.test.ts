import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCli } from '../../server/cli';

describe('command line', () => {
  it('reads --port, --data-dir and --demo=N', () => {
    expect(parseCli(['--port', '8123', '--data-dir', '/tmp/x', '--demo=20'], {})).toEqual({ browser: false, port: 8123, dataDir: '/tmp/x', demo: 20 });
  });

  it('takes the data folder from LOKET_DATA_DIR, and npm_config_* from `npm start --demo`', () => {
    const o = parseCli([], { LOKET_DATA_DIR: 'rel/dir', npm_config_demo: 'true' });
    expect(o.dataDir).toBe(path.resolve('rel/dir'));
    expect(o.demo).toBe(500);
  });

  it('explains bad values', () => {
    expect(() => parseCli(['--demo=abc'], {})).toThrow(/--demo expects a positive whole number/);
    expect(() => parseCli(['--port', '70000'], {})).toThrow(/--port expects/);
    expect(() => parseCli(['--bogus'], {})).toThrow();
  });
});

describe('sync deployment flags', () => {
  it('reads --upstream-url and the tuning variables', async () => {
    const { parseCli, syncTuningFromEnv } = await import('../../server/cli');
    expect(parseCli(['--upstream-url', 'https://hub.example.go.id/pengaduan'], {}).upstreamUrl).toBe('https://hub.example.go.id/pengaduan');
    expect(parseCli([], {}).upstreamUrl).toBeUndefined();
    expect(syncTuningFromEnv({ LOKET_SYNC_BACKOFF_MS: '100,5000', LOKET_SYNC_POLL_MS: '2000' })).toEqual({ backoff: { baseMs: 100, capMs: 5000 }, pollMs: 2000 });
    expect(syncTuningFromEnv({ LOKET_SYNC_BACKOFF_MS: 'cepat' })).toEqual({});
  });
});
