import type { Page } from 'playwright-core';
import type { ParkFeature } from '../../shared/model';

/** The active scenario's features, read from the page's document store. */
export async function activeFeatures(page: Page): Promise<ParkFeature[]> {
  return page.evaluate(() => {
    const doc = window.__ecoparkStores!.document.getState().document!;
    return doc.scenarios.find((s) => s.id === doc.activeScenarioId)!.features;
  });
}

/**
 * Buttons and the document of the app page, for the test files that keep their page in a `let`
 * (hence the getter, as in mapPointer):
 * - `button(name)`: the button of exactly that name (a RegExp: whose name it matches);
 * - `tool(name)`: clicks that button (a toolbar tool, "New project", …);
 * - `features()`: the active scenario's features.
 */
export function appPage(page: () => Page) {
  const button = (name: string | RegExp) => page().getByRole('button', { name, exact: typeof name === 'string' });
  const tool = (name: string) => button(name).click();
  const features = () => activeFeatures(page());
  return { button, tool, features };
}
