import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openAppForFile } from './browser';
import { waitForSolarDone } from './solar-page';

/** Where the screenshots go (ignored by git): looked at for issue 13, "Solar roof table readable". */
const SHOTS = 'test-results/solar-roof-table';

let page: Page;
openAppForFile((p) => (page = p));

/**
 * What a reader of the roof table would complain about, measured in the page: cells cut off
 * at the panel's edge, a number or a name broken over two lines, a shortened name without its
 * full text, a number not right-aligned, a header that scrolls away with the rows.
 */
function tableProblems(): string[] {
  const section = document.querySelector('.solar-table[aria-label]')!;
  const problems: string[] = [];
  const view = section.getBoundingClientRect();
  /** How many lines the characters `from`..`to` of a text node take (boxes of one line share their top). */
  const linesOf = (node: Text, from = 0, to = node.length) => {
    const range = document.createRange();
    range.setStart(node, from);
    range.setEnd(node, to);
    return new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size;
  };
  const textNodes = (element: Element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    while (walker.nextNode()) if ((walker.currentNode as Text).data.trim()) nodes.push(walker.currentNode as Text);
    return nodes;
  };
  for (const cell of Array.from(section.querySelectorAll('th, td'))) {
    const box = cell.getBoundingClientRect();
    const text = cell.textContent ?? '';
    if (box.left < view.left - 0.5 || box.right > view.right + 0.5) problems.push(`outside the panel: ${text}`);
    if (cell.tagName === 'TD' && textNodes(cell).some((node) => linesOf(node) > 1)) problems.push(`on two lines: ${text}`);
    // A header may wrap between words, never inside one.
    for (const node of cell.tagName === 'TH' ? textNodes(cell) : []) {
      for (const word of node.data.matchAll(/\S+/g)) {
        if (linesOf(node, word.index, word.index + word[0].length) > 1) problems.push(`header broken inside a word: ${word[0]}`);
      }
    }
  }
  for (const name of Array.from(section.querySelectorAll('tbody td:first-child'))) {
    const tooltip = (name.querySelector('[title]') as HTMLElement | null)?.title ?? '';
    if (!tooltip.includes(name.textContent ?? '')) problems.push(`no full name in the tooltip: ${name.textContent}`);
  }
  for (const cell of Array.from(section.querySelectorAll('tbody td:not(:first-child)'))) {
    if (getComputedStyle(cell).textAlign !== 'right') problems.push(`number not right-aligned: ${cell.textContent}`);
  }
  for (const head of Array.from(section.querySelectorAll('thead th'))) {
    if (getComputedStyle(head).position !== 'sticky') problems.push(`header scrolls away: ${head.textContent}`);
  }
  return problems;
}

async function checkAndShoot(lang: 'en' | 'vi') {
  // The run finished in English; switching the language only renames.
  if (lang === 'en') await waitForSolarDone(page);
  const table = page.getByRole('region', { name: lang === 'en' ? 'Roofs' : 'Các mái', exact: true });
  await table.scrollIntoViewIfNeeded();
  expect(await table.getByRole('row').count()).toBeGreaterThan(10);
  await page.screenshot({ path: `${SHOTS}/roof-table-${lang}.png` });
  expect(await page.evaluate(tableProblems)).toEqual([]);
}

describe('the Solar roof table at the side panel’s default width (1280×800)', () => {
  it('fits the panel in English and in Vietnamese: no clipped column, no wrapped number or name', async () => {
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('tab', { name: 'Solar' }).click();
    await checkAndShoot('en');
    // The units are in the headers, so the cells hold bare numbers.
    const headers = await page.locator('.solar-table[aria-label] thead th').allTextContents();
    expect(headers.join(' | ')).toMatch(/kWp.*MWh\/yr.*kWh\/kWp.*%.*%/);
    await page.getByRole('button', { name: 'Language' }).click();
    await checkAndShoot('vi');
  });
});
