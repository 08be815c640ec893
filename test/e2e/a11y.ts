import type { Page } from 'playwright-core';

/** Every screen of the app, for checks that must hold everywhere. `detailId` opens one complaint. */
export const screens = (detailId: string) => [
  '/formulir/a',
  '/formulir/b',
  '/formulir/c',
  '/daftar',
  '/daftar?view=terlambat',
  `/pengaduan/${detailId}`,
  '/rekap',
  '/sinkronisasi',
  '/pengaturan',
];

/** Opens a screen afresh by its hash route and waits until its heading and the sync badge are there. */
export async function openScreen(page: Page, base: string, route: string): Promise<void> {
  await page.goto(`${base}#${route}`);
  await page.reload();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.getByTestId('sync-badge').waitFor();
  await page.waitForLoadState('networkidle');
}

/**
 * Widgets labelled with aria-label or aria-labelledby whose accessible name leaves out the text
 * they show (WCAG 2.5.3 Label in Name; axe's label-content-name-mismatch): someone using speech
 * input says what they see and nothing happens.
 */
export function labelContentMismatches(page: Page): Promise<{ element: string; name: string; text: string }[]> {
  return page.evaluate(() => {
    const norm = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();
    const implicit = (el: Element) => (el.tagName === 'A' && el.hasAttribute('href') ? 'link' : el.tagName === 'BUTTON' || el.tagName === 'SUMMARY' ? 'button' : '');
    // Roles whose name can come from their content (WAI-ARIA "name from: contents"), widgets first.
    const fromContent = new Set(['link', 'button', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'tab', 'checkbox', 'radio', 'switch', 'option', 'treeitem', 'cell', 'gridcell', 'columnheader', 'rowheader', 'heading', 'tooltip']);
    const found: { element: string; name: string; text: string }[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('[aria-label], [aria-labelledby]')) {
      if (!fromContent.has(el.getAttribute('role') ?? implicit(el))) continue;
      const text = norm(el.innerText);
      if (!text) continue;
      const ids = el.getAttribute('aria-labelledby');
      const name = norm(ids ? ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : (el.getAttribute('aria-label') ?? ''));
      if (!name.includes(text)) found.push({ element: el.outerHTML.slice(0, 160), name, text });
    }
    return found;
  });
}
