import { describe, expect, it } from 'vitest';
import { createCloseGuard, type CloseChoice } from '../../../electron/close-guard';
import { createDocumentStateHandlers } from '../../../electron/ipc-handlers/document-state-handlers';
import { createPageCloseAsker, PAGE_ACK_TIMEOUT_MS } from '../../../electron/page-close-asker';
import { appWindow, FOREIGN } from './helpers';

/**
 * Closing a window with unsaved changes asks in the page's own dialog (issue 13), wired as
 * main.ts wires it: close guard → page close asker → close request to the page; the page's
 * answers come back through the validated closeAnswer IPC handler. Timers are driven by hand.
 */
function setup(nativeAnswer: CloseChoice = 'cancel') {
  const events: string[] = [];
  const timers: { run: () => void; ms: number; cancelled: boolean }[] = [];
  const asker = createPageCloseAsker({
    sendRequest: (requestId) => events.push(`request ${requestId}`),
    withdraw: (requestId) => events.push(`withdraw ${requestId}`),
    askNative: async () => {
      events.push('native box');
      return nativeAnswer;
    },
    setTimer(run, ms) {
      const timer = { run, ms, cancelled: false };
      timers.push(timer);
      return () => (timer.cancelled = true);
    },
  });
  const guard = createCloseGuard({
    ask: () => asker.ask(),
    askedAgain: () => asker.askedAgain(),
    requestSave: () => events.push('save'),
    close: () => events.push('close'),
    cancelled: () => events.push('cancelled'),
  });
  const log: string[] = [];
  const ipc = createDocumentStateHandlers({ onCloseAnswer: (_windowId, answer) => asker.pageAnswered(answer), log: (m) => log.push(m) });
  /** The page answering through IPC, as the preload sends it. */
  const page = (requestId: number, answer: string, sender = appWindow(1)) => ipc.closeAnswer(sender, { requestId, answer });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  /** The acknowledgement timer running out (only timers not cancelled). */
  const timeOut = () => timers.filter((t) => !t.cancelled).forEach((t) => t.run());
  guard.documentStateChanged({ dirty: true });
  return { guard, events, timers, page, settle, timeOut, log };
}

describe('closing a window with unsaved changes asks in the page', () => {
  it("Don't save in the page closes, without a native box", async () => {
    const { guard, events, page, settle, timeOut } = setup();
    expect(guard.requestClose()).toBe(false);
    expect(page(1, 'asking')).toBe(true);
    // The user reads the question for longer than the acknowledgement timeout: no native box.
    timeOut();
    page(1, 'discard');
    await settle();
    expect(events).toEqual(['request 1', 'close']);
  });

  it('Save in the page saves through the renderer and closes once it reports clean; Cancel stays', async () => {
    const { guard, events, page, settle } = setup();
    guard.requestClose();
    page(1, 'asking');
    page(1, 'save');
    await settle();
    expect(events).toEqual(['request 1', 'save']);
    guard.documentStateChanged({ dirty: false });
    expect(events.at(-1)).toBe('close');

    const second = setup();
    second.guard.requestClose();
    second.page(1, 'cancel');
    await second.settle();
    expect(second.events).toEqual(['request 1', 'cancelled']);
    expect(second.guard.phase).toBe('idle');
  });

  it(`a page that does not acknowledge within ${PAGE_ACK_TIMEOUT_MS} ms is not waited for: the native box asks`, async () => {
    const { guard, events, timers, page, settle, timeOut } = setup('discard');
    guard.requestClose();
    expect(timers.map((t) => t.ms)).toEqual([PAGE_ACK_TIMEOUT_MS]);
    timeOut();
    await settle();
    // The page is told to drop the question, should it wake up and show it.
    expect(events).toEqual(['request 1', 'withdraw 1', 'native box', 'close']);
    // The page waking up later cannot answer for the finished round.
    page(1, 'cancel');
    await settle();
    expect(events).toEqual(['request 1', 'withdraw 1', 'native box', 'close']);
  });

  it('a page that hangs after showing its question: a second close asks again, then natively', async () => {
    const { guard, events, page, settle, timeOut } = setup('cancel');
    guard.requestClose();
    page(1, 'asking');
    timeOut();
    await settle();
    expect(events).toEqual(['request 1']);
    // Close clicked again: the same round is sent again and must be acknowledged again.
    expect(guard.requestClose()).toBe(false);
    timeOut();
    await settle();
    expect(events).toEqual(['request 1', 'request 1', 'withdraw 1', 'native box', 'cancelled']);
    // The window can still be closed: a new round starts.
    guard.requestClose();
    expect(events.at(-1)).toBe('request 2');
  });

  it('answers from another frame, malformed answers and answers to another round are refused', async () => {
    const { guard, events, page, settle, log } = setup();
    guard.requestClose();
    expect(page(1, 'discard', FOREIGN)).toBe(false);
    expect(page(1, 'quit')).toBe(false);
    expect(page(0, 'discard')).toBe(false);
    expect(page(2, 'discard')).toBe(true); // well-formed, but not the round that is asked
    await settle();
    expect(events).toEqual(['request 1']);
    expect(log).toHaveLength(3);
    expect(log[0]).toMatch(/sender/);
    expect(log[1]).toMatch(/Invalid close answer/);
  });

  it('a page that navigates or crashes meanwhile ends the round as Cancel', async () => {
    const { guard, events, settle } = setup();
    const asker = createPageCloseAsker({ sendRequest: () => undefined, withdraw: () => undefined, askNative: async () => 'discard', setTimer: () => () => undefined });
    const answer = asker.ask();
    asker.reset();
    expect(await answer).toBe('cancel');
    guard.requestClose();
    guard.reset();
    await settle();
    expect(events).toEqual(['request 1', 'cancelled']);
  });
});
