import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runDesktopCommand } from '../../../renderer/src/help/commands';
import { useDocumentStore } from '../../../renderer/src/state/document-store';
import { useUiStore } from '../../../renderer/src/state/ui-store';
import { createEmptyDocument, type ParkFeature } from '../../../shared/model';

/**
 * Edit ▸ Delete (menu command 'delete'). The unit tests run without a DOM, so the few DOM
 * globals the command reads are stand-ins: element classes for its instanceof checks and a
 * document whose focus, open dialog and execCommand the test controls.
 */
class FakeElement {}
class FakeHTMLElement extends FakeElement {
  isContentEditable = false;
}
class FakeInput extends FakeHTMLElement {
  constructor(public type: string) {
    super();
  }
}
class FakeTextArea extends FakeHTMLElement {}
class FakeSelect extends FakeHTMLElement {}

const fakeDocument = {
  activeElement: null as FakeElement | null,
  modalOpen: false,
  execCommand: vi.fn((_command: string) => true),
  querySelector(selector: string) {
    return selector === '[aria-modal="true"]' && this.modalOpen ? new FakeHTMLElement() : null;
  },
};

const point = (id: string): ParkFeature => ({ id, kind: 'point', geometry: { type: 'Point', coordinates: [106.7, 21.1] } });
const featureIds = () => useDocumentStore.getState().document!.scenarios[0].features.map((f) => f.id);

beforeEach(() => {
  vi.stubGlobal('Element', FakeElement);
  vi.stubGlobal('HTMLElement', FakeHTMLElement);
  vi.stubGlobal('HTMLInputElement', FakeInput);
  vi.stubGlobal('HTMLTextAreaElement', FakeTextArea);
  vi.stubGlobal('HTMLSelectElement', FakeSelect);
  vi.stubGlobal('document', fakeDocument);
  fakeDocument.activeElement = new FakeHTMLElement(); // the page body
  fakeDocument.modalOpen = false;
  fakeDocument.execCommand.mockClear();
  const store = useDocumentStore.getState();
  store.load(createEmptyDocument('Test', { now: '2026-01-01T00:00:00Z' }), 'test.gpkg');
  store.apply({ label: 'Add', scenarioId: useDocumentStore.getState().document!.activeScenarioId, put: [point('a'), point('b')], delete: [] });
  useUiStore.getState().select(['a']);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Edit ▸ Delete', () => {
  it('in a text field deletes forward, like the Delete key (not Backspace), and keeps the features', () => {
    for (const field of [new FakeInput('text'), new FakeInput('number'), new FakeTextArea()]) {
      fakeDocument.execCommand.mockClear();
      fakeDocument.activeElement = field;
      expect(runDesktopCommand('delete')).toBe(true);
      expect(fakeDocument.execCommand.mock.calls).toEqual([['forwardDelete']]);
    }
    expect(featureIds()).toEqual(['a', 'b']);
  });

  it('elsewhere deletes the selected features and edits no text', () => {
    fakeDocument.activeElement = new FakeInput('checkbox');
    expect(runDesktopCommand('delete')).toBe(true);
    expect(featureIds()).toEqual(['b']);
    expect(useUiStore.getState().selectedIds).toEqual([]);
    expect(fakeDocument.execCommand).not.toHaveBeenCalled();
  });

  it('never deletes features behind an open modal dialog', () => {
    fakeDocument.modalOpen = true;
    expect(runDesktopCommand('delete')).toBe(true);
    expect(featureIds()).toEqual(['a', 'b']);
    expect(useUiStore.getState().selectedIds).toEqual(['a']);
  });
});
