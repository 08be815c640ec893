// The guard useLoad (renderer/src/hooks/useLoad.ts) puts on overlapping requests.
import { describe, expect, it } from 'vitest';
import { latestOnly } from '../../renderer/src/hooks/latest';

/** A request answered when `answer()` is called, to order answers by hand. */
function deferred<T>() {
  let answer!: (v: T) => void;
  const promise = new Promise<T>((r) => (answer = r));
  return { promise, answer };
}

describe('latestOnly', () => {
  it('ignores the slow answer to an earlier request that arrives after the answer to a later one', async () => {
    const guard = latestOnly();
    const shown: string[] = [];
    const load = (answer: Promise<string>) => {
      const current = guard.next();
      return answer.then((v) => void (current() && shown.push(v)));
    };
    const slow = deferred<string>();
    const fast = deferred<string>();
    const first = load(slow.promise); // Triwulan IV, slow
    const second = load(fast.promise); // then Triwulan I
    fast.answer('Triwulan I');
    await second;
    slow.answer('Triwulan IV');
    await first;
    expect(shown).toEqual(['Triwulan I']);
  });

  it('drops every answer still under way once invalidated (the screen left, or a save put its answer in place)', async () => {
    const guard = latestOnly();
    const current = guard.next();
    guard.invalidate();
    expect(current()).toBe(false);
    const next = guard.next();
    expect(next()).toBe(true);
  });
});
