import { create } from 'zustand';

/**
 * A question with more than two answers (window.confirm has only OK/Cancel), asked from plain
 * action code: `await askQuestion(...)` resolves with the chosen id, or `cancelId` on Esc.
 * QuestionDialog renders the current one.
 */
export interface QuestionChoice {
  id: string;
  label: string;
  primary?: boolean;
}

export interface Question {
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
