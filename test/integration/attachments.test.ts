import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../server/core';
import { pdfBytes, pngBytes } from '../fixtures';
import { coresClosedAfterEach, formA, tempDir } from '../helpers';

const newCore = coresClosedAfterEach();
const core = (dir = tempDir()) => ({ c: newCore(dir), dir });
const upload = (c: Core, filename: string, bytes: Buffer, contentType = '') =>
  c.dispatch('attachments.upload', { filename, contentType, dataBase64: bytes.toString('base64') });

describe('attachments', () => {
  it('stores each file once under the data folder, named by the SHA-256 of its content, encrypted', async () => {
    const { c, dir } = core();
    const png = pngBytes();
    const sha = crypto.createHash('sha256').update(png).digest('hex');
    const first = await upload(c, 'slip.png', png, 'image/png');
    const again = await upload(c, 'slip-lagi.png', png, 'image/png');
    expect(first).toEqual({ ok: true, value: { sha256: sha, filename: 'slip.png', contentType: 'image/png', size: png.length } });
    expect(again.ok && (again.value as { sha256: string }).sha256).toBe(sha);
    expect(fs.readdirSync(path.join(dir, 'attachments'))).toEqual([sha]);
    const stored = fs.readFileSync(path.join(dir, 'attachments', sha));
    expect(stored.subarray(0, 4).toString('latin1')).toBe('LKA1');
    expect(stored.length).toBe(png.length + 32); // mark, nonce, tag
    expect(stored.includes(png.subarray(16, 48))).toBe(false);
    expect(await c.dispatch('attachments.get', { sha256: sha })).toMatchObject({ ok: true, value: { dataBase64: png.toString('base64') } });
  });

  it('accepts PDF, JPG and PNG by their bytes and refuses anything else', async () => {
    const { c } = core();
    expect((await upload(c, 'surat.pdf', pdfBytes())).ok).toBe(true);
    expect((await upload(c, 'foto.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]))).ok).toBe(true);
    const exe = await upload(c, 'scan.pdf', Buffer.from('MZ\x90\x00 this is not a pdf'), 'application/pdf');
    expect(exe).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { file: 'Lampiran harus berkas PDF, JPG atau PNG yang sah.' } } });
    const liar = await upload(c, 'x.png', pdfBytes(), 'image/png');
    expect(liar.ok).toBe(false);
  });

  it('refuses a file over the size limit from settings', async () => {
    const { c } = core();
    const settings = await c.handlers['settings.get']({});
    await c.dispatch('settings.save', { ...settings, attachmentMaxMb: 1 });
    const big = Buffer.concat([pngBytes(), Buffer.alloc(1024 * 1024)]);
    const res = await upload(c, 'besar.png', big);
    expect(res).toMatchObject({ ok: false, error: { fields: { file: expect.stringMatching(/melebihi batas 1\.0 MB|melebihi batas 1,0 MB/) } } });
  });

  it('lists saved attachments on the complaint and serves their bytes', async () => {
    const { c } = core();
    const png = pngBytes(8, 8);
    const up = await upload(c, 'slip.png', png);
    if (!up.ok) throw new Error('upload');
    const created = await c.dispatch('complaints.create', formA({ attachments: [up.value] }));
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const detail = await c.dispatch('complaints.get', { id: (created.value as { id: string }).id });
    expect(detail).toMatchObject({ ok: true, value: { attachments: [{ filename: 'slip.png', contentType: 'image/png', size: png.length }] } });
    const got = await c.dispatch('attachments.get', { sha256: (up.value as { sha256: string }).sha256 });
    expect(got.ok && Buffer.from((got.value as { dataBase64: string }).dataBase64, 'base64').equals(png)).toBe(true);
  });

  it('never loses an upload when the save fails: the file and the draft stay', async () => {
    const { c, dir } = core();
    const up = await upload(c, 'surat.pdf', pdfBytes());
    if (!up.ok) throw new Error('upload');
    const id = uuidv7();
    await c.dispatch('drafts.save', { id, form: 'A', data: { problem: 'Izin' }, attachments: [up.value] });
    const bad = await c.dispatch('complaints.create', formA({ draftId: id, attachments: [up.value], content: '' }));
    expect(bad.ok).toBe(false);
    const drafts = await c.dispatch('drafts.list', { form: 'A' });
    expect(drafts).toMatchObject({ ok: true, value: [{ id, attachments: [up.value] }] });
    expect(fs.existsSync(path.join(dir, 'attachments', (up.value as { sha256: string }).sha256))).toBe(true);
  });

  it('refuses a complaint naming an attachment whose bytes are not stored', async () => {
    const { c } = core();
    const ghost = { sha256: 'a'.repeat(64), filename: 'hilang.pdf', contentType: 'application/pdf', size: 10 };
    const res = await c.dispatch('complaints.create', formA({ attachments: [ghost] }));
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('hilang.pdf') } });
  });
});
