import { create } from 'zustand';

/**
 * A question with more than two answers (window.confirm has only OK/Cancel), asked from plain
 * action code: `await askQuestion(...)` resolves with the chosen id, or `cancelId` on Esc.
 * QuestionDialog renders the current one.
 */
export interface QuestionChoice {
  id: string;
  label: string;
  /** The default answer: focused when the question opens. */
  primary?: boolean;
  /** An answer that deletes or discards: shown as such (never the default). */
  destructive?: boolean;
}

export interface Question {
  /** Names a question so its asker can take it back (withdrawQuestion). */
  id?: string;
  title: string;
  text: string;
  choices: QuestionChoice[];
  /** Answer given by Esc or by a newer question replacing this one. */
  cancelId: string;
}

interface QuestionState {
  current: (Question & { resolve: (id: string) => void }) | null;
  ask(question: Question): Promise<string>;
  answer(id: string): void;
}

export const useQuestionStore = create<QuestionState>((set, get) => ({
  current: null,
  ask(question) {
    const previous = get().current;
    previous?.resolve(previous.cancelId);
    return new Promise<string>((resolve) => set({ current: { ...question, resolve } }));
  },
  answer(id) {
    const current = get().current;
    if (!current) return;
    set({ current: null });
    current.resolve(id);
  },
}));

export const askQuestion = (question: Question): Promise<string> => useQuestionStore.getState().ask(question);

/** Takes the question `id` away if it is still up, answering it as Esc would. */
export function withdrawQuestion(id: string): void {
  const { current, answer } = useQuestionStore.getState();
  if (current?.id === id) answer(current.cancelId);
}

/**
 * Confirms a destructive act in the page's dialog (window.confirm's "OK" says nothing): the
 * button names the act ("Delete copy"), Cancel is the default and Esc's answer. True to go on.
 */
export async function confirmDestructive(question: { title: string; text: string; confirmLabel: string; cancelLabel: string }): Promise<boolean> {
  const answer = await askQuestion({
    title: question.title,
    text: question.text,
    choices: [
      { id: 'confirm', label: question.confirmLabel, destructive: true },
      { id: 'cancel', label: question.cancelLabel, primary: true },
    ],
    cancelId: 'cancel',
  });
  return answer === 'confirm';
}
