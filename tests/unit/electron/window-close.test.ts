import { describe, expect, it } from 'vitest';
import { createCloseGuard, type CloseChoice } from '../../../electron/close-guard';
import { formatWindowTitle } from '../../../electron/window-title';

describe('window title', () => {
  it('shows the file name, a dirty marker and the app name', () => {
    expect(formatWindowTitle({ fileName: 'yen-phong.gpkg', dirty: false })).toBe('yen-phong.gpkg — EcoPark Planner');
    expect(formatWindowTitle({ fileName: 'yen-phong.gpkg', dirty: true })).toBe('yen-phong.gpkg • — EcoPark Planner');
    expect(formatWindowTitle({ fileName: null, dirty: false })).toBe('Untitled — EcoPark Planner');
    expect(formatWindowTitle({ fileName: '', dirty: true })).toBe('Untitled • — EcoPark Planner');
  });

  it('names an untitled project by its display name (the sample, an import), in the UI language otherwise', () => {
    expect(formatWindowTitle({ fileName: null, displayName: 'KCN Yên Phong mẫu', dirty: false })).toBe('KCN Yên Phong mẫu — EcoPark Planner');
    expect(formatWindowTitle({ fileName: null, displayName: 'qgis-site.gpkg', dirty: true })).toBe('qgis-site.gpkg • — EcoPark Planner');
    expect(formatWindowTitle({ fileName: 'a.gpkg', displayName: 'a.gpkg', dirty: false })).toBe('a.gpkg — EcoPark Planner');
    expect(formatWindowTitle({ fileName: null, displayName: '  ', dirty: false }, 'Chưa đặt tên')).toBe('Chưa đặt tên — EcoPark Planner');
  });
});

function setup(answer: CloseChoice | 'throw') {
  const events: string[] = [];
  let resolveAsk: (() => void) | undefined;
  const guard = createCloseGuard({
    ask: () =>
      new Promise<CloseChoice>((resolve, reject) => {
        events.push('ask');
        resolveAsk = () => (answer === 'throw' ? reject(new Error('no dialog')) : resolve(answer));
      }),
    requestSave: () => events.push('save'),
    close: () => events.push('close'),
    cancelled: () => events.push('cancelled'),
  });
  const answerNow = async () => {
    resolveAsk?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { guard, events, answerNow };
}

describe('close confirmation', () => {
  it('closes a clean document without asking', () => {
    const { guard, events } = setup('cancel');
    guard.documentStateChanged({ dirty: false });
    expect(guard.requestClose()).toBe(true);
    expect(events).toEqual([]);
  });

  it("Don't save: closes, and the close it triggers goes through", async () => {
    const { guard, events, answerNow } = setup('discard');
    guard.documentStateChanged({ dirty: true });
    expect(guard.requestClose()).toBe(false);
    await answerNow();
    expect(events).toEqual(['ask', 'close']);
    expect(guard.requestClose()).toBe(true);
  });

  it('Cancel keeps the window and stops a pending quit', async () => {
    const { guard, events, answerNow } = setup('cancel');
    guard.documentStateChanged({ dirty: true });
    expect(guard.requestClose()).toBe(false);
    await answerNow();
    expect(events).toEqual(['ask', 'cancelled']);
    expect(guard.phase).toBe('idle');
  });

  it('Save: asks the renderer to save and closes only once it reports clean', async () => {
    const { guard, events, answerNow } = setup('save');
    guard.documentStateChanged({ dirty: true });
    guard.requestClose();
    await answerNow();
    expect(events).toEqual(['ask', 'save']);
    guard.saveFinished(true);
    guard.documentStateChanged({ dirty: true });
    expect(events).toEqual(['ask', 'save']);
    guard.documentStateChanged({ dirty: false });
    expect(events).toEqual(['ask', 'save', 'close']);
    expect(guard.requestClose()).toBe(true);
  });

  it('Save that is cancelled or fails keeps the window open', async () => {
    const { guard, events, answerNow } = setup('save');
    guard.documentStateChanged({ dirty: true });
    guard.requestClose();
    await answerNow();
    guard.saveFinished(false);
    expect(events).toEqual(['ask', 'save', 'cancelled']);
    guard.documentStateChanged({ dirty: false });
    expect(events).not.toContain('close');
  });

  it('does not stack dialogs on repeated close requests', async () => {
    const { guard, events, answerNow } = setup('cancel');
    guard.documentStateChanged({ dirty: true });
    expect(guard.requestClose()).toBe(false);
    expect(guard.requestClose()).toBe(false);
    expect(events).toEqual(['ask']);
    await answerNow();
    expect(guard.requestClose()).toBe(false);
    expect(events).toEqual(['ask', 'cancelled', 'ask']);
  });

  it('keeps the window when the message box itself fails', async () => {
    const { guard, events, answerNow } = setup('throw');
    guard.documentStateChanged({ dirty: true });
    guard.requestClose();
    await answerNow();
    expect(events).toEqual(['ask', 'cancelled']);
  });
});
