import type { Page } from 'playwright-core';

/** The accessible label of the focused element (its <label for>, or the label around it). */
export function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el) return '';
    const label = el.labels?.[0];
    return (label?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s*\*$/, '').trim();
  });
}

/**
 * Presses Tab until the field labelled `label` has focus (date and time inputs take several Tabs,
 * one per segment) and returns the distinct labels passed on the way.
 */
export async function tabTo(page: Page, label: string, maxPresses = 12): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < maxPresses; i++) {
    const now = await focusedLabel(page);
    if (now === label) return seen;
    if (seen.at(-1) !== now) seen.push(now);
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached "${label}"; passed ${seen.join(' → ')}`);
}
