import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openAppForFile } from './browser';

let page: Page;
openAppForFile((p) => (page = p));

const scenarios = () =>
  page.evaluate(() => {
    const doc = window.__ecoparkStores!.document.getState().document!;
    return { names: doc.scenarios.map((s) => s.name), active: doc.scenarios.find((s) => s.id === doc.activeScenarioId)!.name, counts: doc.scenarios.map((s) => s.features.length) };
  });

async function menu(action: RegExp, name?: string) {
  await page.getByRole('button', { name: 'Manage scenarios' }).click();
  const menuBox = page.getByRole('menu', { name: 'Manage scenarios' });
  if (name !== undefined) await menuBox.getByRole('textbox').fill(name);
  await menuBox.getByRole('menuitem', { name: action }).click();
}

describe('scenarios of a project', () => {
  it('duplicates, renames, switches and deletes scenarios, each one undoable step', async () => {
    const start = await scenarios();
    expect(start.names).toEqual(['Phương án A']);
    await menu(/Duplicate scenario/, 'Phương án B');
    let now = await scenarios();
    expect(now.names).toEqual(['Phương án A', 'Phương án B']);
    expect(now.active).toBe('Phương án B');
    expect(now.counts[1]).toBe(now.counts[0]);

    await menu(/New scenario/, 'Phương án C');
    now = await scenarios();
    expect(now.names).toEqual(['Phương án A', 'Phương án B', 'Phương án C']);
    expect(now.counts[2]).toBe(1); // starts from the park boundary only

    await menu(/Rename scenario/, 'Phương án C — mở rộng');
    expect((await scenarios()).active).toBe('Phương án C — mở rộng');

    await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'Phương án A' });
    expect((await scenarios()).active).toBe('Phương án A');

    await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'Phương án B' });
    await menu(/Delete scenario/);
    now = await scenarios();
    expect(now.names).toEqual(['Phương án A', 'Phương án C — mở rộng']);

    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    expect((await scenarios()).names).toEqual(['Phương án A', 'Phương án B', 'Phương án C — mở rộng']);

    // A duplicate name is refused with a message, and nothing changes.
    await menu(/New scenario/, 'phương án a');
    await page.getByRole('alert').getByText('Another scenario already has that name.').waitFor();
    expect((await scenarios()).names).toHaveLength(3);
  });
});
