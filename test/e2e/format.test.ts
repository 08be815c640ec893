// The id-ID formats in Chromium: the shared formatter gives the same text there as in Node (where
// printouts and exports are written), whatever locale the browser runs in, and the screens use it.
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as format from '../../forms/format';
import { DEFAULT_SETTINGS } from '../../forms/settings';
import { CHROMIUM_ARGS, formA } from '../helpers';
import { chromiumExecutable, openApp, type E2E } from './browser';

type Sample = { dateTime: string[]; dates: string[]; numbers: string[]; parsed: unknown[] };
const INPUTS = {
  instants: ['2026-11-25T07:16:00.000Z', '2026-12-31T17:30:00.000Z', '2000-02-29T00:00:00.000Z', '2099-07-04T23:59:00.000Z'],
  zones: ['WIB', 'WITA', 'WIT'] as const,
  dates: ['2026-11-25', '2026-01-05', '2028-02-29'],
  numbers: [0, 7, 1234, 1234567.5, -98.76, 97.5],
  typed: ['1.200', '97,5', '1.234,5', '97.5', 'seratus'],
};

/** Runs in Node and, as source, in the page: the same calls on the same inputs. */
function sample(f: typeof format, x: typeof INPUTS): Sample {
  return {
    dateTime: x.instants.flatMap((i) => x.zones.map((z) => f.formatDateTime(i, z, { zone: true }))),
    dates: x.dates.flatMap((d) => [f.formatDate(d), f.formatTanggal(d), f.formatHariTanggal(d), f.formatMonth(d.slice(0, 7), { short: true })]),
    numbers: x.numbers.flatMap((n) => [f.formatNumber(n), f.formatPercent(n)]),
    parsed: x.typed.map((t) => f.parseNumber(t)),
  };
}

describe.skipIf(!chromiumExecutable)('id-ID formats in Chromium', () => {
  let browser: Browser;
  let code: string;
  beforeAll(async () => {
    const out = await build({ entryPoints: ['forms/format.ts'], bundle: true, format: 'iife', globalName: 'loketFormat', write: false, logLevel: 'silent' });
    code = out.outputFiles[0]!.text;
    browser = await chromium.launch({ executablePath: chromiumExecutable!, args: CHROMIUM_ARGS });
  });
  afterAll(async () => browser?.close());

  for (const locale of ['id-ID', 'en-US']) {
    it(`writes the same text as Node in a ${locale} browser, and what Chromium's own id-ID data writes`, async () => {
      const page = await browser.newPage({ locale, timezoneId: 'America/New_York' });
      await page.setContent('<!doctype html><title>format</title>');
      await page.addScriptTag({ content: code });
      const inPage = await page.evaluate(
        ({ src, inputs }) => {
          const f = (globalThis as unknown as { loketFormat: typeof format }).loketFormat;
          return new Function('f', 'x', `return (${src})(f, x)`)(f, inputs) as Sample;
        },
        { src: sample.toString(), inputs: INPUTS },
      );
      expect(inPage).toEqual(sample(format, INPUTS));
      expect(inPage.dateTime[0]).toBe('25/11/2026, 14.16 WIB');
      // Chromium's ICU id-ID writes the same date and time.
      const intl = await page.evaluate((i) => new Intl.DateTimeFormat('id-ID', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Jakarta' }).format(new Date(i)), INPUTS.instants[0]!);
      expect(`${intl} WIB`).toBe(inPage.dateTime[0]);
      await page.close();
    });
  }
});

describe.skipIf(!chromiumExecutable)('dates on the screens', () => {
  let app: E2E;
  let id = '';
  beforeAll(async () => {
    app = await openApp({
      now: () => new Date('2026-11-25T07:30:00Z'),
      setup: async (core) => {
        await core.dispatch('settings.save', { ...DEFAULT_SETTINGS, timeZone: 'WITA' });
        const r = await core.dispatch('complaints.create', formA({ reporterName: 'Andi Tanggal', receivedDate: '2026-11-25', receivedTime: '14:16' }));
        if (!r.ok) throw new Error(r.error.message);
        id = (r.value as { id: string }).id;
      },
    });
  });
  afterAll(async () => app?.close());

  it('lists, details, history, deadlines and the weekly recap write 25/11/2026 and 14.16', async () => {
    const { page } = app;
    const base = app.host.url.split('?')[0]!;
    await page.goto(`${base}#/daftar`);
    await page.getByRole('row').filter({ hasText: 'Andi Tanggal' }).getByRole('cell', { name: '25/11/2026, 14.16', exact: true }).waitFor();
    await page.goto(`${base}#/pengaduan/${id}`);
    await page.getByText('Rabu, 25 November 2026, 14.16 WITA').waitFor();
    await page.getByRole('table', { name: 'Tenggat' }).getByRole('cell', { name: /^25\/11\/2026, 23\.59$/ }).first().waitFor();
    await page.getByText(/^25\/11\/2026, 15\.30 — /).first().waitFor(); // history: recorded at the host's clock
    await page.goto(`${base}#/rekap`);
    await page.getByRole('cell', { name: '25/11/2026, 14.16', exact: true }).waitFor();
    await page.getByRole('img', { name: /Pengaduan per minggu \(12 minggu\)\. 07\/09\/2026: 0;.* 23\/11\/2026: 1/ }).waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
