// Two browser tabs on one office PC: a draft being typed in one is offered in the other only as
// "sedang dibuka di jendela lain", never to continue (one draft, one window, one complaint id).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumExecutable, openApp, withSession, type E2E } from './browser';

describe.skipIf(!chromiumExecutable)('a draft is edited in one window only', () => {
  let app: E2E;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => app?.close());

  it('shows the other tab the draft as held, and stops offering it once the first tab saved it as a complaint', async () => {
    const first = app.page;
    const base = app.host.url.split('?')[0]!;
    await first.goto(new URL('/#/formulir/a', base).href);
    await first.getByLabel('Nama lengkap').fill('Nurul Hidayat');
    await first.getByLabel('Alamat lengkap').fill('Jl. Lakansai No. 2');
    await expect.poll(() => app.core.database.sqlite.prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(1);

    // A second tab of the same browser, same token address.
    const other = await app.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const second = await other.newPage();
    await withSession(second, app.session!);
    await second.goto(app.host.url);
    await second.goto(new URL('/#/formulir/a', base).href);
    const offer = second.getByRole('region', { name: 'Draf belum selesai' });
    await offer.getByText('sedang dibuka di jendela lain').waitFor();
    expect(await offer.getByRole('button', { name: 'Lanjutkan draf' }).count()).toBe(0);

    // The first tab finishes and saves; the draft is gone from the second tab's offer.
    await first.getByLabel('Masalah pengaduan').fill('KTP belum jadi');
    await first.getByLabel('Uraian pengaduan').fill('Sudah tiga bulan KTP elektronik belum dicetak.');
    await first.keyboard.press('Control+s');
    await first.getByRole('status').filter({ hasText: 'Tersimpan' }).waitFor();
    await second.reload();
    await second.getByLabel('Nama lengkap').waitFor();
    expect(await second.getByRole('region', { name: 'Draf belum selesai' }).count()).toBe(0);
    expect(app.core.database.sqlite.prepare('SELECT count(*) FROM complaints').pluck().get()).toBe(1);
    await other.close();
  });
});
