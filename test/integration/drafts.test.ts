import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { coresClosedAfterEach, formA } from '../helpers';

const core = coresClosedAfterEach();

describe('drafts', () => {
  it('keeps the latest autosave of each draft and lists them per form, newest first', async () => {
    const c = core();
    const a = uuidv7();
    const b = uuidv7();
    await c.dispatch('drafts.save', { id: a, form: 'A', data: { reporterName: 'Sit' } });
    await c.dispatch('drafts.save', { id: a, form: 'A', data: { reporterName: 'Siti Rahma' } });
    await c.dispatch('drafts.save', { id: b, form: 'B', data: { content: 'Lampu jalan' } });
    const listA = await c.dispatch('drafts.list', { form: 'A' });
    expect(listA).toMatchObject({ ok: true, value: [{ id: a, form: 'A', data: { reporterName: 'Siti Rahma' } }] });
    const all = await c.dispatch('drafts.list', {});
    expect(all.ok && (all.value as unknown[]).length).toBe(2);
  });

  it('turns the draft into the complaint with the same id and deletes it in the same save', async () => {
    const c = core();
    const id = uuidv7();
    await c.dispatch('drafts.save', { id, form: 'A', data: { reporterName: 'Siti' } });
    const res = await c.dispatch('complaints.create', formA({ draftId: id }));
    expect(res).toMatchObject({ ok: true, value: { id } });
    expect(await c.dispatch('drafts.list', {})).toEqual({ ok: true, value: [] });
    // A late autosave must not bring the draft back, and saving it twice makes no second complaint.
    expect(await c.dispatch('drafts.save', { id, form: 'A', data: { reporterName: 'Siti' } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await c.dispatch('complaints.create', formA({ draftId: id }))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(c.database.sqlite.prepare('SELECT count(*) FROM complaints').pluck().get()).toBe(1);
    expect(c.database.sqlite.prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(0);
  });

  it('keeps the draft when the save is refused', async () => {
    const c = core();
    const id = uuidv7();
    await c.dispatch('drafts.save', { id, form: 'A', data: { problem: 'Izin' } });
    const bad = await c.dispatch('complaints.create', formA({ draftId: id, reporterName: '' }));
    expect(bad.ok).toBe(false);
    expect(await c.dispatch('drafts.list', { form: 'A' })).toMatchObject({ ok: true, value: [{ id, data: { problem: 'Izin' } }] });
  });

  it('deletes a draft only when discarded', async () => {
    const c = core();
    const id = uuidv7();
    await c.dispatch('drafts.save', { id, form: 'C', data: { content: 'x' } });
    expect(await c.dispatch('drafts.discard', { id })).toEqual({ ok: true, value: { discarded: true } });
    expect(await c.dispatch('drafts.discard', { id })).toEqual({ ok: true, value: { discarded: false } });
    expect(await c.dispatch('drafts.list', {})).toEqual({ ok: true, value: [] });
  });

  it('refuses a draft that is not a form of values', async () => {
    const c = core();
    const res = await c.dispatch('drafts.save', { id: 'not-a-uuid', form: 'D', data: { x: { nested: true } } });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { id: expect.any(String), form: expect.any(String) } } });
  });
});

describe('one draft, one window', () => {
  it('refuses a second window autosaving, continuing or saving a draft another window holds, until the hold lapses', async () => {
    let clock = new Date('2026-11-24T02:00:00Z').getTime();
    const dir = (await import('../helpers')).tempDir();
    const c = core(dir, { now: () => new Date(clock) });
    const [w1, w2] = [uuidv7(), uuidv7()];
    const id = uuidv7();
    expect(await c.dispatch('drafts.save', { id, holder: w1, form: 'A', data: { reporterName: 'Siti' } })).toMatchObject({ ok: true });
    const second = await c.dispatch('drafts.save', { id, holder: w2, form: 'A', data: { reporterName: 'Budi' } });
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('jendela lain') } });
    expect(await c.dispatch('drafts.list', { form: 'A', holder: w2 })).toMatchObject({ ok: true, value: [{ id, heldElsewhere: true, data: { reporterName: 'Siti' } }] });
    expect(await c.dispatch('drafts.list', { form: 'A', holder: w1 })).toMatchObject({ ok: true, value: [{ id, heldElsewhere: false }] });
    expect(await c.dispatch('drafts.hold', { id, holder: w2 })).toEqual({ ok: true, value: { held: false } });
    const saveFrom2 = await c.dispatch('complaints.create', formA({ draftId: id, draftHolder: w2, receivedDate: '2026-11-24', receivedTime: '08:00' }));
    expect(saveFrom2).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(c.database.sqlite.prepare('SELECT count(*) FROM complaints').pluck().get()).toBe(0);

    // The first window keeps its hold with heartbeats; once it stops, the hold lapses.
    clock += 20_000;
    expect(await c.dispatch('drafts.hold', { id, holder: w1 })).toEqual({ ok: true, value: { held: true } });
    clock += 25_000;
    expect(await c.dispatch('drafts.hold', { id, holder: w2 })).toEqual({ ok: true, value: { held: false } });
    clock += 10_000;
    expect(await c.dispatch('drafts.hold', { id, holder: w2 })).toEqual({ ok: true, value: { held: true } });
    expect(await c.dispatch('drafts.save', { id, holder: w1, form: 'A', data: { reporterName: 'Siti R' } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await c.close();

    // After a restart (a crash killed every window) nobody holds anything.
    const again = core(dir, { now: () => new Date(clock) });
    expect(await again.dispatch('drafts.list', { form: 'A', holder: w1 })).toMatchObject({ ok: true, value: [{ id, heldElsewhere: false }] });
    expect(await again.dispatch('drafts.hold', { id, holder: w1 })).toEqual({ ok: true, value: { held: true } });
  });

  it('hands the draft of a window its browser saw gone to another window at once, and only while that window still holds it', async () => {
    const c = core();
    const [gone, next, other] = [uuidv7(), uuidv7(), uuidv7()];
    const id = uuidv7();
    await c.dispatch('drafts.save', { id, holder: gone, form: 'C', data: { reporterName: 'Maria' } });
    expect(await c.dispatch('drafts.list', { form: 'C', holder: next })).toMatchObject({ ok: true, value: [{ id, heldElsewhere: true, heldBy: gone }] });
    expect(await c.dispatch('drafts.list', { form: 'C', holder: gone })).toMatchObject({ ok: true, value: [{ id, heldElsewhere: false, heldBy: null }] });
    expect(await c.dispatch('drafts.hold', { id, holder: next })).toEqual({ ok: true, value: { held: false } });
    expect(await c.dispatch('drafts.hold', { id, holder: next, takeOverFrom: other })).toEqual({ ok: true, value: { held: false } });
    expect(await c.dispatch('drafts.hold', { id, holder: next, takeOverFrom: gone })).toEqual({ ok: true, value: { held: true } });
    // The old holder, were it still alive, can no longer write; nor can a third window take it over in its name.
    expect(await c.dispatch('drafts.save', { id, holder: gone, form: 'C', data: { reporterName: 'Maria M' } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await c.dispatch('drafts.hold', { id, holder: other, takeOverFrom: gone })).toEqual({ ok: true, value: { held: false } });
    expect(await c.dispatch('drafts.list', { form: 'C', holder: other })).toMatchObject({ ok: true, value: [{ id, heldBy: next, data: { reporterName: 'Maria' } }] });
  });
});
